package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.api.Resource;

import java.util.List;

/** The objects of a backup, in apply order. */
final class BackupObjects {
    private BackupObjects() {
    }

    static List<HasMetadata> build(Owner owner, Resource backup, Resource target, String clusterDomain) {
        throw new UnsupportedOperationException("not yet");
    }
}
