package io.neo4jguard.webhook.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TLS client context that accepts whatever certificate the server presents and remembers the last
 * one. Only for dialling our own port on loopback: the readiness probe ({@link TlsProbe}) wants to see
 * what is served, and the training run sends itself reviews. Never for any other peer.
 */
public final class AnyServerCertificate implements X509TrustManager {
    private final AtomicReference<X509Certificate> seen = new AtomicReference<>();

    /** A client context trusting any server, and the trust manager that records what it saw. */
    public static SSLContext context(AnyServerCertificate trust) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trust}, null);
        return ctx;
    }

    /** The leaf certificate of the last server chain checked. */
    public Optional<X509Certificate> seen() {
        return Optional.ofNullable(seen.get());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // a client context: never asked
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
}
