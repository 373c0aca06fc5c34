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

/**
 * The Neo4j role a Neo4jRole manages ({@code spec.name}, or {@code metadata.name} when empty), the built-in roles
 * it may only manage when adopting them, and {@code copyOf}.
 */
public final class RoleNameCheck implements Check {
    static final RuleMeta NAME_INVALID = new RuleMeta("role.name-invalid",
            "The role name breaks Neo4j's role-naming rule", Severity.ERROR, Set.of(Kinds.ROLE),
            "Neo4j role names start with a letter and contain only letters, digits and underscores. Kubernetes "
                    + "object names usually contain '-', so a Neo4jRole without spec.name (which falls back to "
                    + "metadata.name) is the common way to get an invalid role name.",
            "Set spec.name to the underscore form, e.g. analytics_reader for metadata.name analytics-reader.",
            "metadata:\n  name: analytics-reader\nspec:\n  name: analytics_reader");

    static final RuleMeta BUILTIN_NOT_ADOPTED = new RuleMeta("role.builtin-not-adopted",
            "A built-in role is managed without adoptBuiltin", Severity.ERROR, Set.of(Kinds.ROLE),
            "PUBLIC, reader, editor, publisher, architect and admin exist in every DBMS. Managing one means "
                    + "rewriting its privileges for every user who holds it, so the operator requires "
                    + "adoptBuiltin: true as an explicit opt-in (and then never drops the role).",
            "Set adoptBuiltin: true if you mean to manage the built-in role; otherwise pick another name.",
            "spec:\n  name: editor\n  adoptBuiltin: true");

    static final RuleMeta COPY_OF_INVALID = new RuleMeta("role.copy-of-invalid",
            "copyOf cannot name a role to copy", Severity.ERROR, Set.of(Kinds.ROLE),
            "copyOf seeds the new role with the privileges of an existing role (CREATE ROLE r AS COPY OF s). "
                    + "It must be a valid role name and another role than the one being created.",
            "Name an existing role such as reader, or remove copyOf.",
            "spec:\n  name: analytics_reader\n  copyOf: reader");

    static final RuleMeta COPY_OF_IGNORED = new RuleMeta("role.copy-of-ignored",
            "copyOf has no effect on an adopted built-in role", Severity.WARNING, Set.of(Kinds.ROLE),
            "copyOf only applies when the operator creates the role. An adopted built-in role already exists, so "
                    + "copyOf is ignored and the role keeps exactly the privileges listed in spec.privileges.",
            "Remove copyOf, and list the wanted privileges explicitly.",
            "spec:\n  name: editor\n  adoptBuiltin: true\n  privileges: [\"GRANT MATCH {*} ON GRAPH * TO editor\"]");

    @Override
    public List<RuleMeta> rules() {
        return List.of(NAME_INVALID, BUILTIN_NOT_ADOPTED, COPY_OF_INVALID, COPY_OF_IGNORED);
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<ManagedName> name = ManagedName.of(ctx, "name");
        boolean adopt = ctx.spec().get("adoptBuiltin").isTrue();
        if (name.isEmpty()) {
            if (!ctx.spec().get("name").present() || ctx.spec().get("name").isText()) {
                ctx.report(NAME_INVALID, ctx.spec().get("name").path(), Messages.required("spec.name or "
                        + "metadata.name"), "set spec.name");
            }
        } else {
            String role = name.get().value();
            String path = name.get().node().path();
            Identifiers.roleNameProblem(role).ifPresent(p -> ctx.report(NAME_INVALID, path, Messages.invalid(role,
                    p + (name.get().fromMetadata() ? " (taken from metadata.name because spec.name is empty)"
                            : "")), name.get().fromMetadata() ? "set spec.name, e.g. " + role.replace('-', '_')
                    : "role names: letters, digits and '_', starting with a letter"));
            if (Identifiers.BUILTIN_ROLES.contains(role) && !adopt) {
                ctx.report(BUILTIN_NOT_ADOPTED, path, Messages.forbidden(Messages.quote(role)
                        + " is a built-in role; managing it requires spec.adoptBuiltin: true"),
                        "set adoptBuiltin: true, or choose another role name");
            }
        }
        Node copyOf = ctx.spec().get("copyOf");
        Optional<String> source = copyOf.text().map(String::trim).filter(s -> !s.isEmpty());
        if (source.isEmpty()) {
            return;
        }
        if (!Identifiers.roleName(source.get())) {
            ctx.report(COPY_OF_INVALID, copyOf.path(), Messages.invalid(source.get(),
                    Identifiers.roleNameProblem(source.get()).orElse("not a role name")), "name an existing role");
        } else if (name.isPresent() && source.get().equals(name.get().value())) {
            ctx.report(COPY_OF_INVALID, copyOf.path(), Messages.invalid(source.get(),
                    "a role cannot be created as a copy of itself"), "name another role, or remove copyOf");
        }
        if (adopt) {
            ctx.report(COPY_OF_IGNORED, copyOf.path(), Messages.invalid(source.get(),
                    "ignored: an adopted built-in role already exists"), "remove copyOf");
        }
    }
}
