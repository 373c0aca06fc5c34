package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.rules.refs.ClusterRefCheck;

import java.util.Set;

/** {@code spec.clusterRef} of a Neo4jPlugin: present, and naming a cluster or standalone in the namespace. */
public final class PluginTargetCheck extends ClusterRefCheck {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("plugin.cluster-ref-required",
            "A Neo4jPlugin must name the cluster or standalone to install into", Severity.ERROR,
            Set.of(Kinds.PLUGIN),
            "The operator adds the plugin to the StatefulSet of the Neo4jEnterpriseCluster or "
                    + "Neo4jEnterpriseStandalone named by spec.clusterRef. Without it nothing is installed and the "
                    + "object never becomes ready.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph\n  name: apoc\n  version: \"5.26.0\"");

    public PluginTargetCheck() {
        super(CLUSTER_REF_REQUIRED, Set.of(Kinds.PLUGIN), "to install the plugin into");
    }
}
