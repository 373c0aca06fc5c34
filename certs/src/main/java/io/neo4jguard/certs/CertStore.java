package io.neo4jguard.certs;

import java.io.IOException;

/**
 * Where a CA and a serving pair live: a directory ({@link CertDir#store}) or a Kubernetes Secret
 * ({@code kube.SecretCertStore}). Writes are optimistic: {@link #write} succeeds only if the store still holds
 * what {@link #read} returned, so two writers (two replicas, two jobs) never interleave; the loser re-reads and
 * re-plans, and usually finds the work done ({@link Rotation#run}).
 */
public interface CertStore {
    /** What was read, with the store's own token for the optimistic check (a resourceVersion, file digests). */
    record Snapshot(CertState state, Object token) {
    }

    Snapshot read() throws IOException;

    /**
     * Replaces the contents with {@code next} if they are still those of {@code seen}; otherwise throws
     * {@link ConflictException} and changes nothing. Readers of the store never see a half-written file.
     */
    void write(Snapshot seen, CertState next) throws IOException;

    /** For messages: "directory /etc/certs", "Secret guard/neo4j-guard-certs". Never contents. */
    String describe();

    /** Someone else wrote the store between our read and our write. */
    final class ConflictException extends IOException {
        public ConflictException(String message) {
            super(message);
        }
    }
}
