package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code Neo4jUser.spec.homeDatabase}: the operator applies the database-name rules to it. */
public final class UserHomeDatabaseCheck implements Check {
    static final RuleMeta HOME_DATABASE_INVALID = new RuleMeta("user.home-database-invalid",
            "The home database is not a valid database name", Severity.ERROR, Set.of(Kinds.USER),
            "ALTER USER ... SET HOME DATABASE takes a database (or alias) name. The operator checks it with the "
                    + "database-name rules (3-63 ASCII letters, digits, '.' or '-', starting with a letter) and "
                    + "refuses the system database, which holds only security and catalogue data.",
            "Name a user database such as sales, or leave homeDatabase empty for the DBMS default.",
            "spec:\n  homeDatabase: sales");

    @Override
    public List<RuleMeta> rules() {
        return List.of(HOME_DATABASE_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        Node home = ctx.spec().get("homeDatabase");
        Optional<String> name = home.text().filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return; // empty: the DBMS default database
        }
        Identifiers.databaseNameProblem(name.get()).ifPresent(p -> ctx.report(HOME_DATABASE_INVALID, home.path(),
                Messages.invalid(name.get(), p), "name an existing user database"));
        if (Identifiers.reservedDatabaseName(name.get())) {
            ctx.report(HOME_DATABASE_INVALID, home.path(), Messages.forbidden(Messages.quote(name.get())
                    + ": the system database cannot be a home database"), "name a user database");
        }
    }
}
