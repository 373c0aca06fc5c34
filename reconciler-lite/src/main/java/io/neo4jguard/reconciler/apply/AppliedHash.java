package io.neo4jguard.reconciler.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of the exact body we last applied to an object, kept in the custom resource's
 * {@code status.appliedObjects}. {@link Drift} sees fields we set that someone changed; only this sees a field
 * we <em>stopped</em> setting (a removed toleration is still on the live object, and the comparison cannot know
 * it was ours). Keeping the digest in our own status, not as an annotation on the object, leaves the applied
 * objects byte-identical to {@code neo4j-guard render}.
 *
 * <p>64 bits of SHA-256: a collision would need about 2^32 distinct bodies for one object name, and its only
 * effect would be one skipped apply until the next real change.
 */
public final class AppliedHash {
    private static final int HEX_CHARS = 16;

    private AppliedHash() {
    }

    public static String of(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
