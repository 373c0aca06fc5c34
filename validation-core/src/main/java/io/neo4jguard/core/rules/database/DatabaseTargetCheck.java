package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.rules.refs.ClusterRefCheck;

import java.util.Set;

/**
 * {@code spec.clusterRef} of a Neo4jDatabase: present, and naming a cluster or standalone in the same
 * namespace. The only database check that reports a missing target; the others look it up quietly and
 * skip what needs it, so the user still gets every other finding (the reference stops after "not found").
 */
public final class DatabaseTargetCheck extends ClusterRefCheck {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("database.cluster-ref-required",
            "A Neo4jDatabase must name the cluster or standalone it lives on", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "spec.clusterRef tells the operator which Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone runs "
                    + "CREATE DATABASE. An empty reference cannot be resolved, so the database would never be "
                    + "created and the object would stay not-ready forever.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph\n  name: sales");

    public DatabaseTargetCheck() {
        super(CLUSTER_REF_REQUIRED, Set.of(Kinds.DATABASE), "that hosts this database");
    }
}
