package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.neo4jguard.core.server.ServerObjects;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The admin user and password the diagnostics log in with, read from the cluster's admin Secret the way the
 * operator reads it (its pods get {@code DB_USERNAME} and {@code DB_PASSWORD} from the Secret's {@code username} and
 * {@code password} keys; reconciler-facts §1). The password leaves this object only for the driver's auth token:
 * {@link #toString()} hides it and {@link #redact} removes it from any text that may have picked it up.
 */
public final class AdminCredentials {
    /** The Secret when {@code spec.auth.adminSecret} is unset (the operator's default). */
    public static final String DEFAULT_SECRET = ServerObjects.DEFAULT_ADMIN_SECRET;
    public static final String USERNAME_KEY = "username";
    public static final String PASSWORD_KEY = "password";
    /** The built-in admin user; our pods set its password through {@code NEO4J_AUTH=neo4j/...}. */
    public static final String DEFAULT_USERNAME = "neo4j";
    private static final String HIDDEN = "<redacted>";

    private final String username;
    private final String password;

    public AdminCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** The name of the admin Secret of a cluster or standalone spec. */
    public static String secretName(JsonNode spec) {
        String name = spec.path("auth").path("adminSecret").asText("");
        return name.isBlank() ? DEFAULT_SECRET : name;
    }

    /**
     * The credentials in {@code secret} ({@code username} defaults to {@code neo4j}). A Secret without a password
     * is {@link QueryFailure.Kind#CREDENTIALS_MISSING}, which the caller reports as a condition.
     */
    public static AdminCredentials fromSecret(Secret secret) throws QueryFailure {
        String name = secret.getMetadata() == null ? "?" : secret.getMetadata().getName();
        String password = value(secret, PASSWORD_KEY);
        if (password == null || password.isEmpty()) {
            throw new QueryFailure(QueryFailure.Kind.CREDENTIALS_MISSING,
                    "Secret " + name + " has no key '" + PASSWORD_KEY + "'");
        }
        String username = value(secret, USERNAME_KEY);
        return new AdminCredentials(username == null || username.isBlank() ? DEFAULT_USERNAME : username.strip(),
                password);
    }

    private static String value(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        if (data != null && data.get(key) != null) {
            return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
        }
        Map<String, String> plain = secret.getStringData();
        return plain == null ? null : plain.get(key);
    }

    public String username() {
        return username;
    }

    /** For the driver's auth token only. */
    String password() {
        return password;
    }

    /** Same user and password: a driver opened with {@code other} can keep serving these. */
    boolean sameAs(AdminCredentials other) {
        return other != null && username.equals(other.username) && password.equals(other.password);
    }

    /** {@code text} with every occurrence of the password replaced (driver and server messages are not ours). */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        return password.isEmpty() ? text : text.replace(password, HIDDEN);
    }

    @Override
    public String toString() {
        return "AdminCredentials[username=" + username + ", password=" + HIDDEN + "]";
    }
}
