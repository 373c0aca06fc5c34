package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.SameTarget;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two Neo4jPlugin objects installing the same plugin into the same server. The operator keeps the older one and
 * fails the newer, so the finding goes to the newer (or to both when their age is unknown, as in a CLI run).
 */
public final class PluginDuplicateCheck implements Check {
    static final RuleMeta DUPLICATE = new RuleMeta("plugin.duplicate",
            "Another Neo4jPlugin installs the same plugin into the same server", Severity.ERROR,
            Set.of(Kinds.PLUGIN),
            "The operator allows one Neo4jPlugin per (clusterRef, plugin name): the newer object is marked Failed "
                    + "and its version, configuration and security settings are never applied, while the older one "
                    + "keeps running with its own.",
            "Keep one Neo4jPlugin per plugin and server; merge the settings into it.",
            "# one object per (clusterRef, name):\nspec:\n  clusterRef: graph\n  name: apoc");

    @Override
    public List<RuleMeta> rules() {
        return List.of(DUPLICATE);
    }

    @Override
    public void check(RuleContext ctx) {
        Node nameNode = ctx.spec().get("name");
        SameTarget.Claim.of(ctx.spec(), PluginDuplicateCheck::normalise).ifPresent(claim -> {
            for (Resource other : SameTarget.rivals(ctx, Kinds.PLUGIN, claim, PluginDuplicateCheck::normalise)) {
                ctx.report(DUPLICATE, nameNode.path(), Messages.duplicate(nameNode.textOr(""))
                        + ": Neo4jPlugin " + other.name() + " already installs it into " + claim.clusterRef(),
                        "merge the two objects into one");
            }
        });
    }

    /** The operator compares plugin names case-insensitively. */
    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
