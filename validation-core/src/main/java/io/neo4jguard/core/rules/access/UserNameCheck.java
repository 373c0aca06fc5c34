package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Neo4j username of a Neo4jUser: {@code spec.username}, or {@code metadata.name} when that is empty. */
public final class UserNameCheck implements Check {
    static final RuleMeta NAME_INVALID = new RuleMeta("user.name-invalid",
            "The username breaks the username rules", Severity.ERROR, Set.of(Kinds.USER),
            "The operator creates the user with CREATE USER <username>; it accepts usernames that start with an "
                    + "ASCII letter and contain letters, digits, '_', '.', '@' and '-' (the '@' for SSO/LDAP "
                    + "style names), at most 65 characters. Others are refused and the user is never created.",
            "Set spec.username to a valid name; metadata.name is used when spec.username is empty.",
            "spec:\n  username: app_reader");

    static final RuleMeta NAME_RESERVED = new RuleMeta("user.name-reserved",
            "The username 'system' is reserved", Severity.ERROR, Set.of(Kinds.USER),
            "'system' names Neo4j's system database and the operator refuses it as a username in any case, so "
                    + "the user would never be created.",
            "Choose another username.",
            "spec:\n  username: system_auditor");

    @Override
    public List<RuleMeta> rules() {
        return List.of(NAME_INVALID, NAME_RESERVED);
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<ManagedName> name = ManagedName.of(ctx, "username");
        if (name.isEmpty()) {
            if (!ctx.spec().get("username").present() || ctx.spec().get("username").isText()) {
                ctx.report(NAME_INVALID, ctx.spec().get("username").path(),
                        Messages.required("spec.username or metadata.name"), "set spec.username");
            }
            return;
        }
        String value = name.get().value();
        String where = name.get().fromMetadata() ? " (from metadata.name: set spec.username to override)" : "";
        Identifiers.usernameProblem(value).ifPresent(p -> ctx.report(NAME_INVALID, name.get().node().path(),
                Messages.invalid(value, p + where), "usernames: an ASCII letter, then letters, digits, _ . @ -"));
        if (Identifiers.reservedUsername(value)) {
            ctx.report(NAME_RESERVED, name.get().node().path(), Messages.forbidden(Messages.quote(value)
                    + " is reserved"), "choose another username");
        }
    }
}
