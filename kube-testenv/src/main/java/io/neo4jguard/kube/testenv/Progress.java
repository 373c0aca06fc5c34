package io.neo4jguard.kube.testenv;

/**
 * Progress lines of provisioning and start-up, on stderr so Maven shows them live while a long build runs.
 * Plain text with a fixed prefix instead of a logging framework: this module must not impose one on the
 * modules that use it, and these few lines need no configuration.
 */
final class Progress {
    private Progress() {
    }

    static void log(String message) {
        System.err.println("[kube-testenv] " + message);
        System.err.flush();
    }

    /** Seconds, rounded, for progress lines. */
    static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + " s";
    }
}
