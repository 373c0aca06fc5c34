package io.neo4jguard.core;

import io.neo4jguard.core.api.Resource;

/** kind/namespace/name, with a manifest's missing namespace read as {@code default}. */
record ObjectKey(String kind, String namespace, String name) {
    static ObjectKey of(Resource r) {
        return new ObjectKey(r.kind(), r.effectiveNamespace(), r.name());
    }
}
