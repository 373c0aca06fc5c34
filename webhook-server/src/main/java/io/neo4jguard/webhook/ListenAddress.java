package io.neo4jguard.webhook;

/**
 * The one place that turns the address we listen on ({@code --bind}) into one to dial and to print:
 * the start-up log, the readiness probe's own TLS handshake, the {@code --dev} webhook configuration.
 */
final class ListenAddress {
    private ListenAddress() {
    }

    /**
     * A host a client on this machine can connect to: the loopback address of the wildcard's family
     * (0.0.0.0 and an empty bind: 127.0.0.1; {@code ::}: {@code ::1}), else the address itself.
     */
    static String dialable(String bind) {
        String b = bind == null ? "" : bind.trim();
        if (b.isEmpty() || b.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (b.equals("::") || b.equals("[::]")) {
            return "::1";
        }
        return b.startsWith("[") && b.endsWith("]") ? b.substring(1, b.length() - 1) : b;
    }

    /** {@link #dialable} as the host part of a URL: an IPv6 literal in brackets (RFC 3986 §3.2.2). */
    static String inUrl(String bind) {
        String host = dialable(bind);
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
