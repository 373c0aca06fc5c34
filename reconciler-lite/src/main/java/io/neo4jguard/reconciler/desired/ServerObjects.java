package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.api.Resource;

import java.util.List;

/** The objects of a cluster or standalone, in apply order. */
final class ServerObjects {
    private ServerObjects() {
    }

    static List<HasMetadata> cluster(Owner owner, Resource cluster, String clusterDomain) {
        throw new UnsupportedOperationException("not yet");
    }

    static List<HasMetadata> standalone(Owner owner, Resource standalone, String clusterDomain) {
        throw new UnsupportedOperationException("not yet");
    }
}
