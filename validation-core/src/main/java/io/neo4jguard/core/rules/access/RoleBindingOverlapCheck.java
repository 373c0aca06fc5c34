package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Neo4jRoleBinding for a user that a Neo4jUser already manages on the same cluster. Usernames are compared
 * exactly: Neo4j usernames are case-sensitive.
 */
public final class RoleBindingOverlapCheck implements Check {
    static final RuleMeta USER_OVERLAP = new RuleMeta("rolebinding.user-overlap",
            "A Neo4jUser already manages this user's roles", Severity.ERROR, Set.of(Kinds.ROLE_BINDING),
            "A Neo4jUser reconciles its user's role set from spec.roles; a Neo4jRoleBinding for the same user on "
                    + "the same cluster would grant and revoke against it on every loop, so the operator refuses "
                    + "the overlap. Role bindings are for users the operator does not manage (SSO, LDAP, imports).",
            "Add the roles to the Neo4jUser's spec.roles and delete the binding.",
            "# Neo4jUser alice on prod-cluster:\nspec:\n  roles:\n    - editor\n    - analytics-reader");

    @Override
    public List<RuleMeta> rules() {
        return List.of(USER_OVERLAP);
    }

    @Override
    public void check(RuleContext ctx) {
        Node usernameNode = ctx.spec().get("username");
        Optional<String> username = usernameNode.text().filter(s -> !s.isEmpty());
        Optional<String> ref = ctx.spec().get("clusterRef").text().map(String::trim).filter(s -> !s.isEmpty());
        if (username.isEmpty() || ref.isEmpty()) {
            return;
        }
        for (Resource user : ctx.resolver().list(Kinds.USER, ctx.namespace())) {
            if (user == null) {
                continue;
            }
            Node spec = Node.root(user.tree()).get("spec");
            Optional<String> userRef = spec.get("clusterRef").text().map(String::trim).filter(s -> !s.isEmpty());
            if (!userRef.equals(ref)) {
                continue;
            }
            String managed = spec.get("username").text().filter(s -> !s.isEmpty()).orElse(user.name());
            if (managed.equals(username.get())) {
                ctx.report(USER_OVERLAP, usernameNode.path(), Messages.forbidden("user " + Messages.quote(managed)
                        + " on " + ref.get() + " is managed by Neo4jUser " + user.name()),
                        "move the roles into Neo4jUser " + user.name() + " and delete this binding");
            }
        }
    }
}
