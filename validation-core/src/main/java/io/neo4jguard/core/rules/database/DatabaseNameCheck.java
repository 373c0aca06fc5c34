package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.access.Identifiers;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code spec.name} of a Neo4jDatabase against Neo4j's database-name rules ({@link Identifiers#databaseNameProblem}). */
public final class DatabaseNameCheck implements Check {
    static final RuleMeta NAME_INVALID = new RuleMeta("database.name-invalid",
            "The database name breaks Neo4j's naming rules", Severity.ERROR, Set.of(Kinds.DATABASE),
            "Neo4j accepts database names of 3 to 63 characters made of ASCII letters, digits, dots and dashes, "
                    + "starting with a letter and not ending with a dot or dash. CREATE DATABASE fails for any "
                    + "other name (underscores are the usual mistake: tenant_a is a valid Cypher identifier but "
                    + "not a database name), so the object would never become ready.",
            "Rename the database: replace underscores with dashes, start with a letter, keep it to 3-63 characters.",
            "spec:\n  name: tenant-a-prod");

    static final RuleMeta NAME_RESERVED = new RuleMeta("database.name-reserved",
            "The database name uses the reserved prefix 'system'", Severity.ERROR, Set.of(Kinds.DATABASE),
            "Neo4j reserves database names beginning with 'system' (in any case) for internal use; the system "
                    + "database itself holds users, roles and the database catalogue. Creating or dropping it "
                    + "through the operator is refused.",
            "Choose a name that does not begin with 'system'.",
            "spec:\n  name: inventory   # not systems-inventory: names beginning with 'system' are reserved");

    static final RuleMeta NAME_DEFAULT_DATABASE = new RuleMeta("database.name-default-database",
            "The database is the DBMS's default database 'neo4j'", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Every Neo4j DBMS creates the default database 'neo4j' itself. A Neo4jDatabase of that name does not "
                    + "create anything new (with ifNotExists it is a no-op, without it CREATE DATABASE fails "
                    + "because the database exists), and it ties the database every client connects to by default "
                    + "to the lifecycle of a Kubernetes object: a later edit or deletion of the object acts on it.",
            "Give the database its own name, or leave the default database unmanaged.",
            "spec:\n  name: sales");

    static final RuleMeta NAME_DOT = new RuleMeta("database.name-contains-dot",
            "The database name contains a dot", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Dots are legal in database names but deprecated: in Cypher 'a.b' also means constituent 'b' of "
                    + "composite database 'a', so a dotted name becomes ambiguous as soon as a composite database "
                    + "named like its prefix exists (Neo4j operations manual, naming rules).",
            "Prefer dashes: sales-eu instead of sales.eu.",
            "spec:\n  name: sales-eu");

    @Override
    public List<RuleMeta> rules() {
        return List.of(NAME_INVALID, NAME_RESERVED, NAME_DEFAULT_DATABASE, NAME_DOT);
    }

    @Override
    public void check(RuleContext ctx) {
        Node nameNode = ctx.spec().get("name");
        Optional<String> text = nameNode.text();
        if (text.isEmpty()) {
            if (!nameNode.present()) {
                ctx.report(NAME_INVALID, nameNode.path(), Messages.required("the Neo4j database name"),
                        "set spec.name, e.g. sales");
            }
            return; // a non-string is the schema's finding
        }
        String name = text.get();
        if (name.isBlank()) {
            ctx.report(NAME_INVALID, nameNode.path(), Messages.required("the Neo4j database name"),
                    "set spec.name, e.g. sales");
            return;
        }
        Identifiers.databaseNameProblem(name).ifPresent(problem ->
                ctx.report(NAME_INVALID, nameNode.path(), Messages.invalid(name, problem),
                        "Neo4j database names: 3-63 ASCII letters, digits, '.' or '-', starting with a letter"));
        if (Identifiers.reservedDatabaseName(name)) {
            ctx.report(NAME_RESERVED, nameNode.path(), Messages.forbidden(Messages.quote(name)
                    + ": names beginning with 'system' are reserved by Neo4j"), "choose another name");
        }
        if (Identifiers.normaliseDatabaseName(name).equals(Identifiers.DEFAULT_DATABASE)) {
            ctx.report(NAME_DEFAULT_DATABASE, nameNode.path(), Messages.invalid(name,
                    "this is the default database every Neo4j DBMS already has"),
                    "manage a database of your own name and leave the default database to the DBMS");
        }
        if (name.indexOf('.') >= 0) {
            ctx.report(NAME_DOT, nameNode.path(), Messages.invalid(name,
                    "dots in database names are deprecated: they clash with composite-database alias syntax"),
                    "use '-' instead: " + name.replace('.', '-'));
        }
    }
}
