package io.neo4jguard.reconciler.diagnostics;

import java.time.Duration;

/**
 * When the caller should diagnose a cluster again. The reconcile loop requeues with this delay, so a cluster
 * that is down (or refuses the password) is asked less and less often instead of in a hot loop.
 */
public final class RetryHint {
    /**
     * A reachable cluster is polled every minute: {@code SHOW SERVERS}/{@code SHOW DATABASES} cost it
     * milliseconds, and a minute is well inside the time a server takes to start or a store copy to finish.
     */
    public static final Duration POLL = Duration.ofMinutes(1);
    /** The first retry after a failure: a server restarting (JVM start plus recovery) is rarely back sooner. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    /**
     * Doubling from 15 s reaches the cap after five failures (15, 30, 60, 120, 240, 300): a broken cluster is
     * still re-checked every five minutes, and a fixed Secret or a restarted cluster also arrives as an event.
     */
    public static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private RetryHint() {
    }

    /**
     * @param summary          this diagnosis
     * @param previousFailures how many diagnoses in a row before this one did not reach the cluster
     */
    public static Duration after(DiagnosticsSummary summary, int previousFailures) {
        if (summary.reached()) {
            return POLL;
        }
        int doublings = Math.min(Math.max(previousFailures, 0), 20); // 2^20 × 15 s is far past the cap
        Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
