package io.neo4jguard.core.rules.access;

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

/**
 * {@code spec.clusterRef} of Neo4jUser, Neo4jRole and Neo4jRoleBinding: present, and naming the cluster or
 * standalone whose system database holds the security graph.
 */
public final class AccessTargetCheck implements Check {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("access.cluster-ref-required",
            "A user, role or role binding must name the cluster or standalone it lives in", Severity.ERROR,
            Set.of(Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING),
            "Users and roles live in the system database of one Neo4jEnterpriseCluster or "
                    + "Neo4jEnterpriseStandalone, named by spec.clusterRef. Without it the operator cannot run "
                    + "CREATE USER / CREATE ROLE / GRANT anywhere and the object never becomes ready.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph");

    private static final List<RuleMeta> RULES;

    static {
        List<RuleMeta> r = new ArrayList<>(List.of(CLUSTER_REF_REQUIRED));
        r.addAll(References.RULES);
        RULES = List.copyOf(r);
    }

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING);
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
                    Messages.required("the name of the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone whose "
                            + "security graph holds this object"),
                    "set spec.clusterRef to a cluster or standalone in namespace " + ctx.namespace());
            return;
        }
        References.server(ctx, ref);
    }
}
