package io.neo4jguard.webhook.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        TrustManager capture = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                if (chain.length > 0) {
                    seen.set(chain[0]);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {capture}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
                s.setSoTimeout((int) TIMEOUT.toMillis());
                s.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            // With a required client certificate the server may end the handshake after sending its
            // own certificate: that still proves TLS serves, so fall through to what was seen.
        }
        return Optional.ofNullable(seen.get());
    }
}
