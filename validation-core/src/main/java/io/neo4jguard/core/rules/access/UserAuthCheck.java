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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a Neo4jUser authenticates: a native password (passwordSecretRef) and/or external providers
 * ({@code externalAuth[]}, rendered as {@code SET AUTH '<provider>' { SET ID '<id>' }}).
 */
public final class UserAuthCheck implements Check {
    static final RuleMeta AUTH_REQUIRED = new RuleMeta("user.auth-required",
            "The user has no way to authenticate", Severity.ERROR, Set.of(Kinds.USER),
            "Neo4j requires at least one auth provider per user: a native password or an external provider "
                    + "(OIDC, LDAP, ...). A Neo4jUser with neither is refused by the CRD and by Neo4j.",
            "Set spec.passwordSecretRef, or list at least one spec.externalAuth provider.",
            "spec:\n  passwordSecretRef:\n    name: app-reader-creds");

    static final RuleMeta EXTERNAL_AUTH_INVALID = new RuleMeta("user.external-auth-invalid",
            "An externalAuth entry is incomplete or names the native provider", Severity.ERROR, Set.of(Kinds.USER),
            "Each externalAuth entry binds the user to an identity at a provider configured on the DBMS: both the "
                    + "provider name and the user's id there are required, each provider once. The native "
                    + "provider is the password itself and is set through passwordSecretRef, not SET AUTH.",
            "Give provider and id for each entry (e.g. oidc-okta / alice@example.com); use passwordSecretRef for "
                    + "native passwords.",
            "spec:\n  externalAuth:\n    - provider: oidc-okta\n      id: alice@example.com");

    @Override
    public List<RuleMeta> rules() {
        return List.of(AUTH_REQUIRED, EXTERNAL_AUTH_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Node password = spec.get("passwordSecretRef");
        List<Node> external = spec.get("externalAuth").items();
        if (!password.present() && external.isEmpty()) {
            ctx.report(AUTH_REQUIRED, spec.path(), Messages.required(
                    "spec.passwordSecretRef or at least one spec.externalAuth provider"),
                    "reference a password Secret or an external provider");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < external.size(); i++) {
            Node entry = external.get(i);
            if (!entry.isObject()) {
                continue;
            }
            Node provider = entry.get("provider");
            Optional<String> p = provider.text().map(String::trim).filter(s -> !s.isEmpty());
            if (p.isEmpty()) {
                ctx.report(EXTERNAL_AUTH_INVALID, provider.path(), Messages.required("the provider name, "
                        + "e.g. oidc-okta"), "name a provider configured in dbms.security.authentication_providers");
            } else if (p.get().equalsIgnoreCase("native")) {
                ctx.report(EXTERNAL_AUTH_INVALID, provider.path(), Messages.forbidden(
                        "the native provider is the password: use spec.passwordSecretRef"), "remove this entry");
            } else {
                Integer first = seen.putIfAbsent(p.get().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    ctx.report(EXTERNAL_AUTH_INVALID, provider.path(), Messages.duplicate(p.get())
                            + ": already listed as externalAuth[" + first + "]", "one entry per provider");
                }
            }
            Node id = entry.get("id");
            if (id.text().map(String::isBlank).orElse(!id.present())) {
                ctx.report(EXTERNAL_AUTH_INVALID, id.path(), Messages.required("the user's id at the provider "
                        + "(OIDC sub claim, LDAP DN, ...)"), "set id");
            }
        }
    }
}
