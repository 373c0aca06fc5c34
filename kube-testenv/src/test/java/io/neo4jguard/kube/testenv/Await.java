package io.neo4jguard.kube.testenv;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that spans several objects (a single object's condition uses the client's waitUntilCondition). */
final class Await {
    /** Often enough to add little to a wait, rare enough not to load the API server the test measures. */
    private static final long POLL_MILLIS = 250;

    private Await() {
    }

    static void until(BooleanSupplier done, long seconds, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
