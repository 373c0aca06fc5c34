package io.neo4jguard.core.rules.access;

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

    @Override
    public List<RuleMeta> rules() {
        return List.of(PRIVILEGE_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        List<Node> privileges = ctx.spec().get("privileges").items();
        if (privileges.isEmpty()) {
            return;
        }
        Optional<String> role = ManagedName.of(ctx, "name").map(ManagedName::value);
        for (Node p : privileges) {
            Optional<String> text = p.text();
            if (text.isEmpty()) {
                continue; // a non-string is the schema's finding
            }
            problem(text.get(), role.orElse(null)).ifPresent(problem ->
                    ctx.report(PRIVILEGE_INVALID, p.path(), Messages.invalid(text.get(), problem.detail()),
                            problem.hint()));
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
                        + ": one statement per entry, no statement separator", t == tokens.get(tokens.size() - 1)
                        ? "remove the trailing ';'" : "split the statements into separate entries"));
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
