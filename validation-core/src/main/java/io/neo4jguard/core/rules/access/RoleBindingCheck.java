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

/** A Neo4jRoleBinding's {@code spec.username} and the presence of {@code spec.roles}. */
public final class RoleBindingCheck implements Check {
    static final RuleMeta USERNAME_INVALID = new RuleMeta("rolebinding.username-invalid",
            "The binding's username is missing or invalid", Severity.ERROR, Set.of(Kinds.ROLE_BINDING),
            "A Neo4jRoleBinding grants roles to an existing user named by spec.username (required: unlike "
                    + "Neo4jUser it does not fall back to metadata.name). The name follows the username rules: an "
                    + "ASCII letter, then letters, digits, '_', '.', '@' or '-', at most 65 characters.",
            "Set spec.username to the user's exact Neo4j username (e.g. the SSO login alice@example.com).",
            "spec:\n  username: alice@example.com");

    static final RuleMeta ROLES_REQUIRED = new RuleMeta("rolebinding.roles-required",
            "The binding grants no role", Severity.ERROR, Set.of(Kinds.ROLE_BINDING),
            "A role binding exists to grant roles; the CRD requires at least one entry in spec.roles.",
            "List the roles to grant, or delete the binding.",
            "spec:\n  roles:\n    - reader");

    @Override
    public List<RuleMeta> rules() {
        return List.of(USERNAME_INVALID, ROLES_REQUIRED);
    }

    @Override
    public void check(RuleContext ctx) {
        Node username = ctx.spec().get("username");
        Optional<String> name = username.text().filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            if (!username.present() || username.isText()) {
                ctx.report(USERNAME_INVALID, username.path(), Messages.required("the Neo4j username to grant the "
                        + "roles to"), "set spec.username");
            }
        } else {
            Identifiers.usernameProblem(name.get()).ifPresent(p -> ctx.report(USERNAME_INVALID, username.path(),
                    Messages.invalid(name.get(), p), "usernames: an ASCII letter, then letters, digits, _ . @ -"));
        }
        Node roles = ctx.spec().get("roles");
        if (!roles.present() || (roles.isArray() && roles.size() == 0)) {
            ctx.report(ROLES_REQUIRED, roles.path(), Messages.required("at least one role to grant"),
                    "list roles, e.g. reader");
        }
    }
}
