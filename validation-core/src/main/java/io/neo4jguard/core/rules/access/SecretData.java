package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Resource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * Read-only view of a Kubernetes Secret's keys as the resolver returns it: {@code data} (base64, as the API
 * server stores it) and {@code stringData} (plain, as written in a manifest; the API server merges it into
 * {@code data}). Only lengths are exposed, never values, so no rule can echo a secret by accident.
 */
public final class SecretData {
    private final Resource secret;

    private SecretData(Resource secret) {
        this.secret = secret;
    }

    public static SecretData of(Resource secret) {
        return new SecretData(secret);
    }

    /** True when the key exists in data or stringData. */
    public boolean has(String key) {
        return secret.tree().path("stringData").has(key) || secret.tree().path("data").has(key);
    }

    /**
     * The value's length in bytes; empty when the key is absent or its data entry is not valid base64 (the API
     * server would have refused such a Secret, so a rule treats it as unknown rather than as empty).
     */
    public OptionalInt byteLength(String key) {
        var plain = secret.tree().path("stringData").path(key);
        if (plain.isTextual()) {
            return OptionalInt.of(plain.textValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (plain.isNull()) {
            return OptionalInt.of(0);
        }
        var encoded = secret.tree().path("data").path(key);
        if (encoded.isNull()) {
            return OptionalInt.of(0);
        }
        if (!encoded.isTextual()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Base64.getDecoder().decode(encoded.textValue().trim()).length);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }
}
