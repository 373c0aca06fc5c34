package io.neo4jguard.kube;

import java.time.Duration;

/**
 * Timeouts and retries of a client. fabric8's own defaults (request timeout 10 s, up to 10 retries with
 * exponential backoff from 100 ms) let one call to an unreachable API server take minutes; every client of
 * neo4j-guard states its budget here instead.
 *
 * @param connectTimeout TCP and TLS connect
 * @param requestTimeout one HTTP request, from sending to the last byte of the answer (not watches)
 * @param retries        further attempts after a connect failure, a 5xx or a 429 (fabric8 honours Retry-After)
 */
public record ClientSettings(Duration connectTimeout, Duration requestTimeout, int retries) {
    /**
     * Commands and the webhook's lookups: 10 s to connect and per request, 2 retries. A CLI run against an
     * unreachable API server ends in about half a minute (3 attempts of 10 s) with a clear message; admission
     * lookups are cut short by the request's own deadline anyway. A 10 s request also covers a LIST of a few
     * thousand custom objects on a busy API server.
     */
    public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), 2);

    /**
     * Leader election: every Lease call must end within one retry period ({@code LeaderElection.RETRY_PERIOD},
     * 2 s) and is never retried inside the client. The elector checks its renew deadline between calls, so a
     * call that hangs longer would delay the leader's step-down past the moment another replica may take the
     * Lease (see {@code LeaderElection}); the elector's own loop is the retry.
     */
    public static final ClientSettings LEADER_ELECTION =
            new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 0);

    public ClientSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || retries < 0) {
            throw new IllegalArgumentException("timeouts must be positive and retries not negative");
        }
    }
}
