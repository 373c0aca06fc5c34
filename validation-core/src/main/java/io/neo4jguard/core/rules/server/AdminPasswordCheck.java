package io.neo4jguard.core.rules.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.ServerObjects;
import io.neo4jguard.core.tree.Node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The initial admin password, read from the Secret {@code spec.auth.adminSecret} when the resolver knows it.
 * A Secret that is missing (or not visible to this run) is never an error: it may be created later. The
 * password is never echoed: findings use {@link Messages#invalidRedacted}.
 */
public final class AdminPasswordCheck implements Check {
    /** The operator's default when spec.auth.adminSecret is unset. */
    static final String DEFAULT_SECRET = ServerObjects.DEFAULT_ADMIN_SECRET;
    static final String PASSWORD_KEY = "password";
    /** Neo4j's dbms.security.auth_minimum_password_length default (5.x and CalVer). */
    static final int DEFAULT_MIN_LENGTH = 8;
    static final String MIN_LENGTH_SETTING = "dbms.security.auth_minimum_password_length";

    public static final RuleMeta LEADING_DASH = rule("auth.admin-password-dash",
            "The admin password must not start with '-'",
            "The operator sets the initial password with neo4j-admin, passing it as a command-line argument. A "
                    + "password that starts with '-' (after trimming spaces) is parsed as an option, the command "
                    + "fails and the server pod crash-loops before Neo4j ever starts.",
            "Choose a password that does not start with '-' and update the Secret.",
            "kubectl create secret generic neo4j-admin-secret --from-literal=username=neo4j \\\n"
                    + "  --from-literal=password='s3cure-Passw0rd'");

    public static final RuleMeta TOO_SHORT = rule("auth.admin-password-too-short",
            "The admin password is shorter than Neo4j's minimum",
            "Neo4j refuses an initial password shorter than dbms.security.auth_minimum_password_length (8 "
                    + "characters by default), so setting it fails and the server pod crash-loops.",
            "Use a password of at least 8 characters (or the minimum set in spec.config).",
            "kubectl create secret generic neo4j-admin-secret --from-literal=username=neo4j \\\n"
                    + "  --from-literal=password='s3cure-Passw0rd'");

    private static RuleMeta rule(String id, String title, String why, String fix, String example) {
        return new RuleMeta(id, title, Severity.ERROR, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(LEADING_DASH, TOO_SHORT);
    }

    @Override
    public void check(RuleContext ctx) {
        Node ref = ctx.spec().get("auth", "adminSecret");
        String name = ServerSpecs.nonBlank(ref).orElse(DEFAULT_SECRET);
        Resolution r = ctx.resolver().resolve("Secret", ctx.namespace(), name);
        if (r == null || r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return;
        }
        Optional<String> password = password(r.resource().tree());
        if (password.isEmpty()) {
            return; // no password key: the operator's own error, not a format problem
        }
        String p = password.get();
        String where = "the password in Secret " + Messages.quote(name);
        if (p.strip().startsWith("-")) {
            ctx.report(LEADING_DASH, ref.path(), Messages.invalidRedacted(where + " starts with '-': neo4j-admin "
                            + "would read it as an option and the pod would crash-loop"),
                    "choose a password that does not start with '-'");
        }
        int min = minimumLength(ctx);
        int length = p.codePointCount(0, p.length());
        if (length < min) {
            ctx.report(TOO_SHORT, ref.path(), Messages.invalidRedacted(where + " has fewer than " + min
                            + " characters, Neo4j's minimum (" + MIN_LENGTH_SETTING + ")"),
                    "use at least " + min + " characters");
        }
    }

    /** stringData wins over data, as when the API server merges them; data is base64. */
    static Optional<String> password(JsonNode secret) {
        JsonNode plain = secret.path("stringData").path(PASSWORD_KEY);
        if (plain.isTextual()) {
            return Optional.of(plain.textValue());
        }
        JsonNode encoded = secret.path("data").path(PASSWORD_KEY);
        if (!encoded.isTextual()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded.textValue());
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64: the API server would refuse the Secret
        }
    }

    private static int minimumLength(RuleContext ctx) {
        Node setting = ctx.spec().get("config").get(MIN_LENGTH_SETTING);
        Optional<String> text = setting.scalarText().map(String::trim);
        if (text.isPresent() && text.get().matches("[0-9]{1,9}")) {
            return Integer.parseInt(text.get());
        }
        return DEFAULT_MIN_LENGTH;
    }
}
