package io.neo4jguard.reconciler.diagnostics;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one diagnosis may take, so a dead or hung cluster costs the reconcile loop a bounded wait and never a
 * blocked worker.
 *
 * @param connect TCP connect plus Bolt handshake and login
 * @param query   one query, from sending it to its last row; also sent to the server as the transaction timeout
 */
public record DiagnosticsBounds(Duration connect, Duration query) {
    /**
     * Connect 5 s: a server on the pod network answers in milliseconds, and a Bolt login on a loaded server (TLS
     * plus the password hash, about 100 ms of CPU) stays far below this. Query 10 s: both SHOW commands read the
     * system database's in-memory topology, normally milliseconds; a server that needs longer is itself the
     * finding. One diagnosis (two queries) thus waits at most 5 + 2 × 10 = 25 s.
     */
    public static final DiagnosticsBounds DEFAULT = new DiagnosticsBounds(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public DiagnosticsBounds {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(query, "query");
        if (connect.isNegative() || connect.isZero() || query.isNegative() || query.isZero()) {
            throw new IllegalArgumentException("bounds must be positive: " + connect + ", " + query);
        }
    }

    /** The longest one query can block its caller: connecting (first use) plus the query itself. */
    public Duration perQuery() {
        return connect.plus(query);
    }
}
