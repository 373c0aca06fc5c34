package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The role list of a Neo4jUser or Neo4jRoleBinding ({@code spec.roles[]}). An entry is either a Neo4j role name
 * ({@code analytics_reader}, built-ins such as {@code reader}) or the metadata.name of a Neo4jRole object
 * ({@code analytics-reader}), which the operator resolves to that role's name. Anything else can name no role.
 */
public final class RoleEntriesCheck implements Check {
    static final RuleMeta ROLE_ENTRY_INVALID = new RuleMeta("access.role-entry-invalid",
            "A role entry can name no role", Severity.ERROR, Set.of(Kinds.USER, Kinds.ROLE_BINDING),
            "The operator grants each listed role with GRANT ROLE <role> TO <user>. An entry must be a Neo4j role "
                    + "name (letters, digits, '_', starting with a letter) or the metadata.name of a Neo4jRole in "
                    + "the namespace; an empty entry or one with spaces, quotes or other characters can never be "
                    + "granted and keeps the object from becoming ready.",
            "List role names such as reader or analytics_reader, or Neo4jRole object names such as analytics-reader.",
            "spec:\n  roles:\n    - reader\n    - analytics-reader   # a Neo4jRole's metadata.name");

    static final RuleMeta ROLE_PUBLIC = new RuleMeta("access.role-public",
            "PUBLIC is listed as a role", Severity.WARNING, Set.of(Kinds.USER, Kinds.ROLE_BINDING),
            "Every Neo4j user has the PUBLIC role implicitly; it can be neither granted nor revoked, so the entry "
                    + "does nothing (the operator skips it).",
            "Remove PUBLIC from the list; change PUBLIC's privileges with a Neo4jRole that adopts it.",
            "spec:\n  roles:\n    - reader");

    static final RuleMeta ROLE_DUPLICATE = new RuleMeta("access.role-duplicate",
            "A role is listed twice", Severity.WARNING, Set.of(Kinds.USER, Kinds.ROLE_BINDING),
            "A role listed twice is granted once; the repetition usually hides a typo in the entry meant instead.",
            "List each role once.",
            "spec:\n  roles:\n    - reader\n    - editor");

    @Override
    public List<RuleMeta> rules() {
        return List.of(ROLE_ENTRY_INVALID, ROLE_PUBLIC, ROLE_DUPLICATE);
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, Integer> seen = new HashMap<>();
        List<Node> roles = ctx.spec().get("roles").items();
        for (int i = 0; i < roles.size(); i++) {
            Node role = roles.get(i);
            Optional<String> text = role.text();
            if (text.isEmpty()) {
                if (!role.present()) {
                    ctx.report(ROLE_ENTRY_INVALID, role.path(), Messages.required("a role name"),
                            "remove the empty entry");
                }
                continue;
            }
            String r = text.get();
            if (r.isBlank()) {
                ctx.report(ROLE_ENTRY_INVALID, role.path(), Messages.required("a role name"),
                        "remove the empty entry");
                continue;
            }
            if (r.equalsIgnoreCase(Identifiers.PUBLIC_ROLE)) {
                ctx.report(ROLE_PUBLIC, role.path(), Messages.invalid(r, "every user has PUBLIC implicitly"),
                        "remove this entry");
                continue;
            }
            if (!Identifiers.roleReference(r)) {
                ctx.report(ROLE_ENTRY_INVALID, role.path(), Messages.invalid(r, "neither a Neo4j role name nor a "
                        + "Neo4jRole object name"), r.strip().equals(r) ? "role names: letters, digits and '_'"
                        : "remove the surrounding spaces");
                continue;
            }
            Integer first = seen.putIfAbsent(r, i);
            if (first != null) {
                ctx.report(ROLE_DUPLICATE, role.path(), Messages.duplicate(r) + ": already listed as roles["
                        + first + "]", "remove the repetition");
            }
        }
    }
}
