package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.access.Identifiers;
import io.neo4jguard.core.rules.refs.SameTarget;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Set;

/**
 * Two Neo4jDatabase objects that manage the same Neo4j database on the same cluster. Neo4j database names are
 * case-insensitive, so {@code Sales} and {@code sales} collide too.
 */
public final class DatabaseDuplicateCheck implements Check {
    static final RuleMeta DUPLICATE = new RuleMeta("database.duplicate",
            "Another Neo4jDatabase manages the same database on the same cluster", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "Each Neo4jDatabase reconciles its database independently: two objects naming the same database on "
                    + "the same clusterRef fight over its topology and options, and removing one affects the "
                    + "database the other still declares. Neo4j folds database names to lower case, so names "
                    + "that differ only in case are the same database.",
            "Keep one Neo4jDatabase per database and cluster; delete or rename the other.",
            "# one object per (clusterRef, name):\nspec:\n  clusterRef: graph\n  name: sales");

    @Override
    public List<RuleMeta> rules() {
        return List.of(DUPLICATE);
    }

    @Override
    public void check(RuleContext ctx) {
        Node nameNode = ctx.spec().get("name");
        SameTarget.Claim.of(ctx.spec(), Identifiers::normaliseDatabaseName).ifPresent(claim -> {
            String name = nameNode.textOr("").trim();
            for (Resource other : SameTarget.rivals(ctx, Kinds.DATABASE, claim, Identifiers::normaliseDatabaseName)) {
                ctx.report(DUPLICATE, nameNode.path(), Messages.duplicate(name)
                        + ": Neo4jDatabase " + other.name() + " already manages this database on " + claim.clusterRef(),
                        "keep a single Neo4jDatabase for database " + claim.name());
            }
        });
    }
}
