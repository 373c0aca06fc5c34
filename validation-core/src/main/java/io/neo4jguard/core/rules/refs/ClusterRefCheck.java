package io.neo4jguard.core.rules.refs;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code spec.clusterRef} of a kind that runs inside a cluster or standalone: present, and naming one in the
 * object's namespace. Each such kind has a subclass that supplies its own "required" rule and wording; this
 * class is the one place that decides what "missing" and "unresolvable" mean.
 */
public abstract class ClusterRefCheck implements Check {
    private final RuleMeta required;
    private final Set<String> kinds;
    private final String purpose;
    private final List<RuleMeta> rules;

    /**
     * @param required the kind's "clusterRef is required" rule
     * @param kinds    the kinds this check runs on (the shared refs.* rules apply to every referring kind)
     * @param purpose  what the target is for, completing "the name of the Neo4jEnterpriseCluster or
     *                 Neo4jEnterpriseStandalone ...", e.g. "that hosts this database"
     */
    protected ClusterRefCheck(RuleMeta required, Set<String> kinds, String purpose) {
        this.required = required;
        this.kinds = Set.copyOf(kinds);
        this.purpose = purpose;
        List<RuleMeta> r = new ArrayList<>(List.of(required));
        r.addAll(References.RULES);
        this.rules = List.copyOf(r);
    }

    @Override
    public final Set<String> kinds() {
        return kinds;
    }

    @Override
    public final List<RuleMeta> rules() {
        return rules;
    }

    @Override
    public final void check(RuleContext ctx) {
        Node ref = ctx.spec().get("clusterRef");
        if (ref.text().map(String::isBlank).orElse(!ref.present())) {
            ctx.report(required, ref.path(),
                    Messages.required("the name of the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone "
                            + purpose),
                    "set spec.clusterRef to a cluster or standalone in namespace " + ctx.namespace());
            return;
        }
        References.server(ctx, ref);
    }
}
