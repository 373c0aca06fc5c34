package io.neo4jguard.core.rules.database;

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
 * {@code spec.clusterRef} of a Neo4jDatabase: present, and naming a cluster or standalone in the same
 * namespace. The only database check that reports a missing target; the others look it up quietly and
 * skip what needs it, so the user still gets every other finding (the reference stops after "not found").
 */
public final class DatabaseTargetCheck implements Check {
    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("database.cluster-ref-required",
            "A Neo4jDatabase must name the cluster or standalone it lives on", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "spec.clusterRef tells the operator which Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone runs "
                    + "CREATE DATABASE. An empty reference cannot be resolved, so the database would never be "
                    + "created and the object would stay not-ready forever.",
            "Set spec.clusterRef to the metadata.name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: graph\n  name: sales");

    private static final List<RuleMeta> RULES;

    static {
        List<RuleMeta> r = new ArrayList<>(List.of(CLUSTER_REF_REQUIRED));
        r.addAll(References.RULES);
        RULES = List.copyOf(r);
    }

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.DATABASE);
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
                    Messages.required("the name of the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone that "
                            + "hosts this database"),
                    "set spec.clusterRef to a cluster or standalone in namespace " + ctx.namespace());
            return;
        }
        References.server(ctx, ref);
    }
}
