package io.neo4jguard.core;

import io.neo4jguard.core.api.Resource;

import java.util.Comparator;

/**
 * The order objects of a run are reported (and, for duplicates, resolved) in: where they stand in
 * the sources, then who they are, then their content. It depends only on the objects themselves, so
 * a run's report does not change when files are listed or walked in another order.
 */
final class RunOrder {
    static final Comparator<Resource> ORDER = Comparator
            .comparing(Resource::file)
            .thenComparingInt(Resource::document)
            .thenComparingInt((Resource r) -> r.locate("").line())
            .thenComparingInt((Resource r) -> r.locate("").column())
            .thenComparing(Resource::kind)
            .thenComparing((Resource r) -> r.effectiveNamespace())
            .thenComparing(Resource::name)
            .thenComparing(Resource::apiVersion)
            .thenComparing((Resource r) -> r.tree().toString());

    private RunOrder() {
    }
}
