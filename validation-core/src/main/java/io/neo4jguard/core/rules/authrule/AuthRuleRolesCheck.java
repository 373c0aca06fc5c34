package io.neo4jguard.core.rules.authrule;

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
import java.util.regex.Pattern;

/**
 * {@code spec.grantedRoles}: the roles Neo4j grants when the condition holds. The anchor operator only checks
 * that entries are non-blank (its comment claims more; internal/validation/authrule_validator.go); here each entry
 * must also be a
 * Neo4j role name, and repeats are pointed out.
 */
public final class AuthRuleRolesCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.AUTH_RULE);
    static final String FIELD = "spec.grantedRoles";

    /** Role names as the operator's Neo4jRole validation accepts them (internal/validation/role_validator.go). */
    static final Pattern ROLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");

    static final RuleMeta REQUIRED = new RuleMeta("authrule.granted-roles-required",
            "An auth rule must grant at least one role", Severity.ERROR, KINDS,
            "An auth rule only grants the roles assigned to it (GRANT ROLE r TO AUTH RULE rule). The CRD asks for at "
                    + "least one entry; a rule with none would match users and grant nothing.",
            "List the roles to grant in spec.grantedRoles.",
            "spec:\n  grantedRoles:\n    - analytics_reader");

    static final RuleMeta INVALID = new RuleMeta("authrule.granted-role-invalid",
            "Each granted role must be a Neo4j role name", Severity.ERROR, KINDS,
            "Each entry becomes GRANT ROLE <entry> TO AUTH RULE <rule>. An empty entry grants nothing, and a name "
                    + "outside Neo4j's role-name grammar (a letter, then letters, digits and '_') is not a role "
                    + "Neo4j can have; a hyphen usually means a Neo4jRole's metadata.name was written instead of "
                    + "the role's name in Neo4j.",
            "Write the role's name as Neo4j knows it (a Neo4jRole's spec.name), starting with a letter and using "
                    + "letters, digits and '_'.",
            "spec:\n  grantedRoles:\n    - analytics_reader");

    static final RuleMeta DUPLICATE = new RuleMeta("authrule.granted-role-duplicate",
            "A role is listed more than once", Severity.WARNING, KINDS,
            "Granting the same role twice changes nothing, but a repeated entry is usually a typo for another "
                    + "role that was meant to be granted.",
            "Remove the repeated entry, or correct it to the role that was meant.",
            "spec:\n  grantedRoles:\n    - reader\n    - analytics_reader");

    @Override
    public List<RuleMeta> rules() {
        return List.of(REQUIRED, INVALID, DUPLICATE);
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.AUTH_RULE.equals(ctx.kind())) {
            return;
        }
        Node roles = ctx.spec().get("grantedRoles");
        if (roles.present() && !roles.isArray()) {
            return; // wrong type: the schema check reports it
        }
        if (roles.size() == 0) {
            ctx.report(REQUIRED, FIELD, Messages.required("at least one role to grant when the condition holds"),
                    "for example grantedRoles: [reader]");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Node role : roles.items()) {
            Optional<String> name = role.scalarText();
            if (name.isEmpty() || name.get().isBlank()) {
                ctx.report(INVALID, role.path(), Messages.required("a role name (the entry is "
                        + (role.present() && name.isEmpty() ? "not a string" : "empty") + ")"),
                        "remove the entry or write the role's name");
                continue;
            }
            String n = name.get();
            if (!ROLE.matcher(n).matches()) {
                ctx.report(INVALID, role.path(), Messages.invalid(n, "a Neo4j role name starts with a letter and "
                        + "contains only letters, digits and '_' (regex ^[a-zA-Z][a-zA-Z0-9_]*$)"),
                        n.contains("-") ? "if this is a Neo4jRole's metadata.name, write its spec.name (for "
                                + "example " + n.replace('-', '_') + ")" : "write the role's name as Neo4j knows it");
                continue;
            }
            Integer first = seen.putIfAbsent(n, seen.size());
            if (first != null) {
                ctx.report(DUPLICATE, role.path(), Messages.duplicate(n), "remove the repeated entry");
            }
        }
    }
}
