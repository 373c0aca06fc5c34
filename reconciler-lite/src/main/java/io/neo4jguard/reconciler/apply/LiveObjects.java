package io.neo4jguard.reconciler.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Reads the live object behind a desired one: from an informer cache when one holds it, else from the API server. */
@FunctionalInterface
public interface LiveObjects {
    /** The live object of {@code desired}'s kind, namespace and name, or null when there is none. */
    HasMetadata get(HasMetadata desired);
}
