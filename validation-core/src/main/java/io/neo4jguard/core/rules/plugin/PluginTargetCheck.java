package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Messages;
import io.neo4jguard.core.engine.Node;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code spec.clusterRef} of a Neo4jPlugin: present, and naming a cluster or standalone in the namespace. */
public final class PluginTargetCheck implements Check {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("plugin.cluster-ref-required",
            "A Neo4jPlugin must name the cluster or standalone to install into", Severity.ERROR,
            Set.of(Kinds.PLUGIN),
            "The operator adds the plugin to the StatefulSet of the Neo4jEnterpriseCluster or "
                    + "Neo4jEnterpriseStandalone named by spec.clusterRef. Without it nothing is installed and the "
                    + "object never becomes ready.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph\n  name: apoc\n  version: \"5.26.0\"");

    private static final List<RuleMeta> RULES;

    static {
        List<RuleMeta> r = new ArrayList<>(List.of(CLUSTER_REF_REQUIRED));
        r.addAll(References.RULES);
        RULES = List.copyOf(r);
    }

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.PLUGIN);
    }

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Node ref = ctx.spec().get("clusterRef");
        if (ref.text().map(String::isBlank).orElse(!ref.present())) {
            ctx.report(CLUSTER_REF_REQUIRED, ref.path(),
                    Messages.required("the name of the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone to "
                            + "install the plugin into"),
                    "set spec.clusterRef to a cluster or standalone in namespace " + ctx.namespace());
            return;
        }
        References.server(ctx, ref);
    }
}
