package io.neo4jguard.webhook.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * A real TLS handshake with our own port, as controller-runtime's StartedChecker does: readiness means
 * TLS actually serves, not merely that a socket is bound. No certificate check (we only want to know
 * what is served); the served certificate is returned so a caller can compare it with what it loaded.
 */
public final class TlsProbe {
    /** A handshake on loopback takes milliseconds; a second means something is wrong. */
    public static final Duration TIMEOUT = Duration.ofSeconds(1);

    private TlsProbe() {
    }

    /** The certificate served at {@code host:port}, or empty when no TLS handshake got that far. */
    public static Optional<X509Certificate> served(String host, int port) {
        AnyServerCertificate capture = new AnyServerCertificate();
        try {
            SSLContext ctx = AnyServerCertificate.context(capture);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
                s.setSoTimeout((int) TIMEOUT.toMillis());
                s.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            // With a required client certificate the server may end the handshake after sending its
            // own certificate: that still proves TLS serves, so fall through to what was seen.
        }
        return capture.seen();
    }
}
