package io.neo4jguard.core.rules.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.access.CypherTokens.Token;
import io.neo4jguard.core.rules.access.CypherTokens.Type;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Neo4jRole.spec.privileges[]}: each entry must be exactly one privilege command for this role,
 * <pre>  (GRANT | DENY) [IMMUTABLE] &lt;privilege&gt; ON &lt;scope&gt; ... TO &lt;this role&gt;</pre>
 * read through {@link CypherTokens} so quotes and comments cannot hide anything. The reference only looks at the
 * first and last words; this check also refuses:
 * <ul>
 *   <li>{@code ;} outside quotes (a second statement) and comments (which can swallow what follows);</li>
 *   <li>role assignments such as {@code GRANT ROLE admin TO analytics_reader}: every privilege command has an
 *       {@code ON} clause (ON DBMS, ON DATABASE, ON GRAPH, ON ALL DATA, ...), a role assignment has none;</li>
 *   <li>a grantee other than exactly this role: Neo4j role names are case-sensitive, so
 *       {@code TO ANALYTICS_READER} grants to a different role than {@code analytics_reader}; several grantees
 *       or a parameter are refused too.</li>
 * </ul>
 */
public final class PrivilegeCheck implements Check {
    static final RuleMeta PRIVILEGE_INVALID = new RuleMeta("role.privilege-invalid",
            "A privilege is not a single GRANT or DENY for this role", Severity.ERROR, Set.of(Kinds.ROLE),
            "The operator runs each privilege entry as a Cypher command against the system database and revokes "
                    + "it by rewriting GRANT/DENY to REVOKE. An entry that is not one GRANT or DENY command ending "
                    + "in TO <this role> would give privileges to another role, assign a role to a user (GRANT ROLE "
                    + "admin TO ...), or smuggle a second statement or a comment into an administrative session, "
                    + "and it could never be revoked cleanly.",
            "Write one command per entry: GRANT|DENY <privilege> ON <scope> TO <spec.name>, with spec.name spelt "
                    + "exactly (role names are case-sensitive).",
            "spec:\n  name: analytics_reader\n  privileges:\n"
                    + "    - \"GRANT ACCESS ON DATABASE analytics TO analytics_reader\"\n"
                    + "    - \"GRANT MATCH {*} ON GRAPH analytics NODES * TO analytics_reader\"");

    static final RuleMeta TRAILING_SEMICOLON = new RuleMeta("role.privilege-trailing-semicolon",
            "A privilege ends with a ';'", Severity.WARNING, Set.of(Kinds.ROLE),
            "The operator strips one trailing ';' before it runs the privilege, so the statement works; but the "
                    + "text differs from what SHOW PRIVILEGES AS COMMANDS returns, which is what the operator compares "
                    + "to decide what to revoke, and a copy into cypher-shell or a driver call would need it removed "
                    + "again. Any other ';' is a second statement and stays an error (role.privilege-invalid).",
            "Remove the trailing ';' (the fix does it).",
            "spec:\n  name: analytics_reader\n  privileges:\n"
                    + "    - \"GRANT ACCESS ON DATABASE analytics TO analytics_reader\"");

    static final RuleMeta PBAC_ON_SHARDED = new RuleMeta("role.pbac-on-sharded-database",
            "Property-based access control on a sharded property database", Severity.ERROR, Set.of(Kinds.ROLE),
            "Neo4j does not support property-based access control (GRANT/DENY ... FOR (n) WHERE n.prop ...) on "
                    + "sharded property databases (https://neo4j.com/docs/operations-manual/current/"
                    + "authentication-authorization/property-based-access-control/; the property sharding "
                    + "limitations page says the same), and the reference operator refuses a Neo4jRole whose PBAC "
                    + "privilege names a Neo4jShardedDatabase of the same cluster (role_validator.go).",
            "Grant label- or element-based privileges on the sharded database instead, or keep PBAC for standard "
                    + "databases.",
            "spec:\n  name: analytics_reader\n  privileges:\n"
                    + "    - \"GRANT READ {*} ON GRAPH sales NODES Customer TO analytics_reader\"");

    static final RuleMeta PBAC_ALL_GRAPHS = new RuleMeta("role.pbac-all-graphs",
            "Property-based access control on every graph also covers sharded databases, where it has no effect",
            Severity.WARNING, Set.of(Kinds.ROLE),
            "A PBAC privilege ON GRAPH * applies to every database, but sharded property databases do not support "
                    + "property-based access control (Neo4j operations manual, property-based access control), so on "
                    + "those it protects nothing; the reference operator warns the same way.",
            "Name the standard databases the privilege is for: ON GRAPH sales, orders.",
            "spec:\n  name: analytics_reader\n  privileges:\n"
                    + "    - \"GRANT TRAVERSE ON GRAPH sales FOR (n:Customer) WHERE n.region = 'eu' TO analytics_reader\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(PRIVILEGE_INVALID, TRAILING_SEMICOLON, PBAC_ON_SHARDED, PBAC_ALL_GRAPHS);
    }

    @Override
    public void check(RuleContext ctx) {
        List<Node> privileges = ctx.spec().get("privileges").items();
        if (privileges.isEmpty()) {
            return;
        }
        Optional<String> role = ManagedName.of(ctx, "name").map(ManagedName::value);
        for (int i = 0; i < privileges.size(); i++) {
            Node p = privileges.get(i);
            Optional<String> raw = p.text();
            if (raw.isEmpty()) {
                continue; // a non-string is the schema's finding
            }
            String text = raw.get();
            Optional<String> stripped = withoutTrailingSemicolon(text);
            if (stripped.isPresent()) {
                text = stripped.get();
                ctx.report(TRAILING_SEMICOLON, p.path(), Messages.invalid(raw.get(), "ends with ';', which the "
                                + "operator strips"), "remove the trailing ';'",
                        List.of(PatchOperation.replace("/spec/privileges/" + i,
                                JsonNodeFactory.instance.textNode(text))));
            }
            String privilege = text;
            Optional<Problem> problem = problem(privilege, role.orElse(null));
            problem.ifPresent(pr -> ctx.report(PRIVILEGE_INVALID, p.path(), Messages.invalid(raw.get(), pr.detail()),
                    pr.hint()));
            if (problem.isEmpty()) {
                propertyBased(ctx, p, privilege);
            }
        }
    }

    /**
     * The privilege without its one trailing ';' (and the blanks around it), when that is the only ';' outside
     * quotes and comments; empty otherwise (no ';', or more: those are role.privilege-invalid).
     */
    static Optional<String> withoutTrailingSemicolon(String privilege) {
        CypherTokens.Result r = CypherTokens.tokenize(privilege);
        if (!r.ok() || r.tokens().isEmpty()) {
            return Optional.empty();
        }
        List<Token> tokens = r.tokens();
        long semicolons = tokens.stream().filter(t -> t.isSymbol(";")).count();
        Token last = tokens.get(tokens.size() - 1);
        if (semicolons != 1 || !last.isSymbol(";")) {
            return Optional.empty();
        }
        return Optional.of(privilege.substring(0, privilege.lastIndexOf(';')).stripTrailing());
    }

    /** PBAC (a FOR pattern at depth 0) on a sharded property database of the same cluster, or on every graph. */
    private static void propertyBased(RuleContext ctx, Node p, String privilege) {
        List<Token> tokens = CypherTokens.tokenize(privilege).tokens();
        int depth = 0;
        boolean pbac = false;
        List<String> graphs = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("{") || t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol("}") || t.isSymbol(")") || t.isSymbol("]")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t.isWord("FOR")) {
                pbac = true;
            } else if (depth == 0 && (t.isWord("GRAPH") || t.isWord("GRAPHS")) && i > 0 && tokens.get(i - 1)
                    .isWord("ON")) {
                for (int j = i + 1; j < tokens.size(); j++) {
                    Token g = tokens.get(j);
                    if (g.isSymbol(",")) {
                        continue;
                    }
                    if (g.isSymbol("*")) {
                        graphs.add("*");
                    } else if (g.type() == Type.WORD || g.type() == Type.QUOTED_NAME) {
                        if (j > i + 1 && !tokens.get(j - 1).isSymbol(",")) {
                            break;
                        }
                        graphs.add(g.text());
                        continue;
                    }
                    break;
                }
            }
        }
        if (!pbac) {
            return;
        }
        if (graphs.contains("*")) {
            ctx.report(PBAC_ALL_GRAPHS, p.path(), Messages.invalid(privilege, "property-based access control ON "
                    + "GRAPH * has no effect on sharded property databases"), "name the standard databases instead");
        }
        String cluster = ctx.spec().get("clusterRef").text().orElse("");
        for (io.neo4jguard.core.api.Resource sharded : ctx.resolver().list(Kinds.SHARDED_DATABASE, ctx.namespace())) {
            String ref = sharded.tree().path("spec").path("clusterRef").asText("");
            String dbName = sharded.tree().path("spec").path("name").asText("");
            if (!ref.equals(cluster)) {
                continue;
            }
            for (String g : graphs) {
                if (g.equals(sharded.name()) || g.equals(dbName)) {
                    ctx.report(PBAC_ON_SHARDED, p.path(), Messages.forbidden("property-based access control on "
                                    + g + ", the sharded property database of " + Kinds.SHARDED_DATABASE + " "
                                    + sharded.name() + ": Neo4j does not support it there"),
                            "grant label- or element-based privileges on " + g + " instead");
                    return;
                }
            }
        }
    }

    record Problem(String detail, String hint) {
    }

    /** Why {@code privilege} is not one GRANT/DENY command for {@code role} (null: role unknown), or empty. */
    static Optional<Problem> problem(String privilege, String role) {
        String example = "GRANT <privilege> ON <scope> TO " + (role == null ? "<role>" : role);
        if (privilege.isBlank()) {
            return Optional.of(new Problem("empty privilege", "write e.g. " + example));
        }
        CypherTokens.Result r = CypherTokens.tokenize(privilege);
        if (!r.ok()) {
            return Optional.of(new Problem(r.error() + " at column " + r.errorColumn(), "close the quote"));
        }
        List<Token> tokens = r.tokens();
        for (Token t : tokens) {
            if (t.type() == Type.COMMENT) {
                return Optional.of(new Problem("comment at column " + t.column()
                        + ": comments are not allowed in a privilege", "remove the comment"));
            }
            if (t.isSymbol(";")) {
                return Optional.of(new Problem("';' at column " + t.column()
                        + ": one statement per entry, no statement separator",
                        "split the statements into separate entries"));
            }
        }
        Token first = tokens.get(0);
        if (!first.isWord("GRANT") && !first.isWord("DENY")) {
            return Optional.of(new Problem("must start with GRANT or DENY, not '" + first.text() + "'",
                    first.isWord("REVOKE") ? "remove the entry instead: the operator revokes privileges that "
                            + "are no longer listed" : "write e.g. " + example));
        }
        // Depth-0 tokens only: {...} holds property names, which may be called "on" or "to".
        int depth = 0;
        int on = -1;
        int to = -1;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("{") || t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol("}") || t.isSymbol(")") || t.isSymbol("]")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t.isWord("ON") && on < 0) {
                on = i;
            } else if (depth == 0 && t.isWord("TO")) {
                to = i;
            }
        }
        if (to < 0) {
            return Optional.of(new Problem("has no TO <role> clause", "end with TO "
                    + (role == null ? "<role>" : role)));
        }
        int verb = tokens.size() > 1 && tokens.get(1).isWord("IMMUTABLE") ? 2 : 1;
        if (on < 0 || on > to) {
            boolean assignment = verb < tokens.size() && (tokens.get(verb).isWord("ROLE")
                    || tokens.get(verb).isWord("ROLES"));
            return Optional.of(new Problem(assignment
                    ? "this is a role assignment (GRANT ROLE ... TO ...), not a privilege"
                    : "has no ON clause before TO: not a privilege command",
                    assignment ? "assign roles to users with Neo4jUser.spec.roles or a Neo4jRoleBinding"
                            : "write e.g. " + example));
        }
        if (on == verb) {
            return Optional.of(new Problem("names no privilege between " + first.text().toUpperCase(
                    java.util.Locale.ROOT) + " and ON", "write e.g. " + example));
        }
        List<Token> grantees = new ArrayList<>(tokens.subList(to + 1, tokens.size()));
        if (grantees.isEmpty()) {
            return Optional.of(new Problem("TO names no role", "end with TO " + (role == null ? "<role>" : role)));
        }
        Token grantee = grantees.get(0);
        if (grantees.size() > 1) {
            return Optional.of(new Problem(grantees.get(1).isSymbol(",")
                    ? "grants to more than one role; a Neo4jRole's privileges are for its own role only"
                    : "unexpected '" + grantees.get(1).text() + "' at column " + grantees.get(1).column()
                    + " after the role name", "end with TO " + (role == null ? "<role>" : role)));
        }
        if (grantee.type() != Type.WORD && grantee.type() != Type.QUOTED_NAME) {
            return Optional.of(new Problem("TO must name the role literally, not '" + grantee.text() + "'",
                    "end with TO " + (role == null ? "<role>" : role)));
        }
        if (role != null && !grantee.text().equals(role)) {
            boolean caseOnly = grantee.text().equalsIgnoreCase(role);
            return Optional.of(new Problem("grants to role '" + grantee.text() + "', not to this role '" + role + "'"
                    + (caseOnly ? " (role names are case-sensitive)" : ""), "end with TO " + role));
        }
        return Optional.empty();
    }
}
