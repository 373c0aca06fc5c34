package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.rules.refs.ClusterRefCheck;

import java.util.Set;

/**
 * {@code spec.clusterRef} of Neo4jUser, Neo4jRole and Neo4jRoleBinding: present, and naming the cluster or
 * standalone whose system database holds the security graph.
 */
public final class AccessTargetCheck extends ClusterRefCheck {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("access.cluster-ref-required",
            "A user, role or role binding must name the cluster or standalone it lives in", Severity.ERROR,
            Set.of(Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING),
            "Users and roles live in the system database of one Neo4jEnterpriseCluster or "
                    + "Neo4jEnterpriseStandalone, named by spec.clusterRef. Without it the operator cannot run "
                    + "CREATE USER / CREATE ROLE / GRANT anywhere and the object never becomes ready.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph");

    public AccessTargetCheck() {
        super(CLUSTER_REF_REQUIRED, Set.of(Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING), "whose security graph holds this object");
    }
}
