package io.neo4jguard.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS versions and the optional client-certificate check. */
class TlsIT {
    @Test
    void tls12And13AreServed(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            assertThat(LegacyTlsProbe.handshake(s.trust, s.server.port(), "TLSv1.3")).isEqualTo("ok:TLSv1.3");
            assertThat(LegacyTlsProbe.handshake(s.trust, s.server.port(), "TLSv1.2")).isEqualTo("ok:TLSv1.2");
        }
    }

    /**
     * In a child JVM that allows TLS 1.1 (the JDK's default forbids it on both ends, which would prove
     * nothing about our configuration): a TLS 1.1 server works there, ours refuses 1.1.
     */
    @Test
    void tls11IsRefusedEvenWhereTheJvmAllowsIt(@TempDir Path dir) throws Exception {
        Path security = dir.resolve("legacy.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Path certs = dir.resolve("certs");
        Path out = dir.resolve("out.txt");
        Process p = ChildJvm.start(List.of("-Djava.security.properties=" + security, "-XX:TieredStopAtLevel=1"),
                LegacyTlsProbe.class.getName(), List.of(certs.toString()), out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String result = Files.readString(out);
        assertThat(result).as(result).contains("control=ok:TLSv1.1 legacy=refused modern=ok:TLSv1.2");
    }

    @Test
    void aClientCaMakesTheAdmissionPathsRequireACertificate(@TempDir Path dir) throws Exception {
        ClientCerts clients = new ClientCerts();
        Path clientCa = dir.resolve("client-ca.crt");
        Files.writeString(clientCa, clients.caPem());
        Path certs = dir.resolve("certs");
        try (TestServer s = TestServer.start(certs, c -> c.clientCa(clientCa))) {
            HttpResponse<String> without = s.post("/validate", Reviews.text("validate-allow"));
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.body()).contains("client certificate").contains("\"reason\":\"Unauthorized\"")
                    .contains("\"code\":401");

            SSLContext withCert = clients.clientContext(certs.resolve("ca.crt"));
            HttpClient c = HttpClient.newBuilder().sslContext(withCert).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> with = c.send(HttpRequest.newBuilder(s.uri("/validate"))
                    .POST(HttpRequest.BodyPublishers.ofString(Reviews.text("validate-allow"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(with.body()).contains("\"allowed\":true");

            // Probes carry no certificate and still work; readiness includes the self-check handshake.
            HttpResponse<String> ready = s.client.send(HttpRequest.newBuilder(s.uri("/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(s.server.ready()).isTrue();
            assertThat(s.getPlain("/metrics").body()).contains("neo4j_guard_certificate_expiry_timestamp_seconds{certificate=\"client-ca\"}");
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAtTheHandshake(@TempDir Path dir) throws Exception {
        ClientCerts trusted = new ClientCerts();
        ClientCerts stranger = new ClientCerts();
        Path clientCa = dir.resolve("client-ca.crt");
        Files.writeString(clientCa, trusted.caPem());
        Path certs = dir.resolve("certs");
        try (TestServer s = TestServer.start(certs, c -> c.clientCa(clientCa))) {
            HttpClient c = HttpClient.newBuilder().sslContext(stranger.clientContext(certs.resolve("ca.crt")))
                    .version(HttpClient.Version.HTTP_1_1).build();
            Throwable failure = null;
            try {
                c.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + s.server.port() + "/validate"))
                        .POST(HttpRequest.BodyPublishers.ofString(Reviews.text("validate-allow"))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                failure = e;
            }
            assertThat(failure).as("untrusted client certificate").isNotNull();
        }
    }

    @Test
    void startingWithoutUsableCertificatesFailsClearly(@TempDir Path dir) {
        Throwable t = null;
        try (WebhookServer ignored = WebhookServer.start(ServerConfig.create(dir.resolve("missing")).port(0).metricsPort(-1))) {
            // not reached
        } catch (Exception e) {
            t = e;
        }
        assertThat(t).isNotNull();
        assertThat(t.getMessage()).contains("tls.crt").contains("no such file");
    }
}
