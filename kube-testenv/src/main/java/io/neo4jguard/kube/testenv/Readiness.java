package io.neo4jguard.kube.testenv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Polls a health endpoint until it answers 200, the process dies, or the time is up. */
final class Readiness {
    /** Short enough to add little to a start of a few seconds, long enough not to busy-load 2 cores. */
    private static final Duration POLL = Duration.ofMillis(100);

    private Readiness() {
    }

    static void await(String what, Supervised process, URI url, String bearer, String caPem, Duration timeout) {
        HttpClient http = client(caPem);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new KubeTestEnvException(what + " stopped while starting: " + process.exitReport());
            }
            try {
                HttpRequest.Builder r = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET();
                if (bearer != null) {
                    r.header("Authorization", "Bearer " + bearer);
                }
                HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeTestEnvException("interrupted while waiting for " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeTestEnvException("interrupted while waiting for " + what);
            }
        }
        throw new KubeTestEnvException(what + " not ready after " + timeout.toSeconds() + " s (" + last
                + "); last lines of " + process.log() + ":\n" + Command.tail(process.log(), 20));
    }

    /**
     * An HTTP client that trusts exactly our CA (plain HTTP URLs ignore it). HTTP/1.1: kube-apiserver answers an
     * unauthenticated HTTP/2 request with GOAWAY (its mitigation of HTTP/2 rapid-reset floods), and one
     * connection per probe costs nothing here.
     */
    static HttpClient client(String caPem) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl).connectTimeout(Duration.ofSeconds(2))
                    .proxy(HttpClient.Builder.NO_PROXY).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new KubeTestEnvException("cannot trust the control plane's CA: " + e.getMessage());
        }
    }
}
