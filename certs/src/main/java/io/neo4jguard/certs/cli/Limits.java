package io.neo4jguard.certs.cli;

import java.time.Duration;

/** Lifetimes the CLI refuses, with the reason in the message. */
final class Limits {
    /**
     * One hour: a serving certificate renews with a third of its life left, and the in-process loop runs
     * hourly, so a shorter life could expire between two runs.
     */
    static final Duration MIN_SERVING = Duration.ofHours(1);

    private Limits() {
    }

    static Duration serving(Duration validity) {
        if (validity.compareTo(MIN_SERVING) < 0) {
            throw new IllegalArgumentException("--validity must be at least 1h (rotation runs hourly and renews "
                    + "with a third of the life left)");
        }
        return validity;
    }

    /**
     * A CA renews with a third of its life left and keeps signing until the new one is published; that third
     * must hold a whole serving certificate, or serving certificates come out shortened.
     */
    static Duration ca(Duration caValidity, Duration servingValidity) {
        if (caValidity.compareTo(servingValidity.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("--ca-validity (" + Durations.format(caValidity)
                    + ") must be at least three times the serving certificate's validity ("
                    + Durations.format(servingValidity) + ")");
        }
        return caValidity;
    }
}
