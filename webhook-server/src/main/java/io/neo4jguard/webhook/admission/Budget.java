package io.neo4jguard.webhook.admission;

import java.time.Duration;

/**
 * The time and size limits of one admission request, each derived from the API server's side of the
 * contract (DESIGN §4).
 */
public final class Budget {
    /**
     * The {@code timeoutSeconds} we register (and the chart sets): after 5 s the API server gives up on
     * us and applies the failure policy. Shorter than the 10 s default because leader-election renewals
     * pass through admission with a 10 s deadline (gatekeeper #870).
     */
    public static final Duration API_SERVER_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Our whole answer, body read to response written, stays under 1 s: a fifth of the API server's
     * timeout. The rest is for the network, TLS and the API server's own chain: mutating webhooks run in
     * sequence and may be reinvoked, so one object can cost us mutate, mutate again and validate
     * (3 x 1 s = 3 s, still inside 5 s). The engine itself needs milliseconds; only a stuck check or a
     * slow API-server lookup can come near this.
     */
    public static final Duration ANSWER = Duration.ofSeconds(1);

    /**
     * What the API-server lookups of one request may take together. Lookups are answered from informer
     * caches in microseconds once synced; only the first LIST of a kind (or a Secret GET) waits on the
     * API server. Half of {@link #ANSWER}, so a slow API server still leaves the engine the other half.
     */
    public static final Duration LOOKUPS = ANSWER.dividedBy(2);

    /**
     * Request bodies over this are refused with 413 before they are read whole. controller-runtime's
     * figure (PR #2598): etcd stores objects up to 1.5 MiB, JSON can be twice the protobuf size, a
     * review carries object and oldObject (2 x 3 MiB), plus 1 MiB for the rest of the review.
     */
    public static final int MAX_BODY_BYTES = 7 * 1024 * 1024;

    private Budget() {
    }
}
