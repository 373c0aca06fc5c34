package io.neo4jguard.webhook;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a child JVM whose java.security re-enables TLS 1.0/1.1 (the JDK disables them by default, which
 * would hide whether our server refuses them itself). Prints one line: control=..., legacy=..., modern=...
 * <ul>
 *   <li>control: a plain JDK TLS 1.1 server and client in this JVM handshake (the JVM allows 1.1);</li>
 *   <li>legacy: a TLS 1.1 client against our server (must be refused);</li>
 *   <li>modern: a TLS 1.2 client against our server (must work).</li>
 * </ul>
 */
public final class LegacyTlsProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String control;
        try (TestServer ours = TestServer.start(dir)) {
            SSLContext trust = ours.trust;
            control = control(dir);
            String legacy = handshake(trust, ours.server.port(), "TLSv1.1");
            String modern = handshake(trust, ours.server.port(), "TLSv1.2");
            System.out.println("control=" + control + " legacy=" + legacy + " modern=" + modern);
        }
        System.exit(0);
    }

    static String handshake(SSLContext ctx, int port, String protocol) {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setEnabledProtocols(new String[] {protocol});
            s.setSoTimeout(5000);
            s.startHandshake();
            return "ok:" + s.getSession().getProtocol();
        } catch (Exception e) {
            return "refused";
        }
    }

    /** A JDK server speaking only TLS 1.1 with the same key material. */
    static String control(Path dir) throws Exception {
        io.neo4jguard.webhook.tls.KeyMaterial m = io.neo4jguard.webhook.tls.KeyMaterial.read(dir);
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("SunX509");
        kmf.init(m.keyStore(), io.neo4jguard.webhook.tls.KeyMaterial.STORE_PASSWORD.toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            ss.setEnabledProtocols(new String[] {"TLSv1.1"});
            CompletableFuture<Void> accept = CompletableFuture.runAsync(() -> {
                try (SSLSocket c = (SSLSocket) ss.accept()) {
                    c.startHandshake();
                    c.getInputStream().read();
                } catch (Exception e) {
                    // the client side reports
                }
            });
            String r = handshake(TestServer.trusting(dir.resolve("ca.crt")), ss.getLocalPort(), "TLSv1.1");
            accept.cancel(true);
            return r;
        }
    }
}
