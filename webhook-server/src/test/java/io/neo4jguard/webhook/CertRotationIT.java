package io.neo4jguard.webhook;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.CertificateAuthority;
import io.neo4jguard.certs.Pem;
import io.neo4jguard.certs.ServingCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates replaced under load, both ways they are replaced in practice: files renamed into place
 * (cert-manager's csi driver, our certs command) and a Secret volume's {@code ..data} symlink swap
 * (the kubelet). Keep-alive clients and clients that handshake anew on every request hammer
 * {@code /validate} throughout: not one request may fail, and afterwards new handshakes present the
 * newest certificate.
 */
class CertRotationIT {
    static final int ROTATIONS = 6;

    @Test
    void rotationUnderLoadFailsNoRequest(@TempDir Path root) throws Exception {
        // A Secret-volume layout: the files are symlinks into ..data, itself a symlink to a dated dir.
        Path dir = root.resolve("tls");
        Path seed = root.resolve("seed");
        CertDir.ensure(seed, CertRequest.loopback(), Clock.systemUTC());
        Files.createDirectories(dir);
        Path first = dir.resolve("..2026_01_01_00_00_00.000");
        copyDir(seed, first);
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        for (String f : List.of(CertDir.CA_CERT, CertDir.TLS_CERT, CertDir.TLS_KEY)) {
            Files.createSymbolicLink(dir.resolve(f), Path.of("..data", f));
        }
        CertificateAuthority ca = new CertificateAuthority(
                Pem.certificates(Files.readString(seed.resolve(CertDir.CA_CERT))).get(0),
                Pem.privateKey(Files.readString(seed.resolve(CertDir.CA_KEY))));

        try (TestServer s = TestServer.start(dir, c -> c.certPoll(Duration.ofMillis(200)))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger handshakes = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            byte[] body = Reviews.text("validate-allow").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                load.add(new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = s.post("/validate", body);
                            if (r.statusCode() == 200 && r.body().contains("\"allowed\":true")) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add("keep-alive: " + e);
                        }
                    }
                }));
            }
            load.add(new Thread(() -> {
                while (!stop.get()) {
                    try {
                        String r = freshConnection(s, body);
                        if (r.startsWith("HTTP/1.1 200") && r.contains("\"allowed\":true")) {
                            ok.incrementAndGet();
                            handshakes.incrementAndGet();
                        } else {
                            failures.add("fresh: " + r);
                        }
                    } catch (Exception e) {
                        failures.add("fresh: " + e);
                    }
                }
            }));
            load.forEach(Thread::start);

            X509Certificate last = null;
            for (int i = 1; i <= ROTATIONS; i++) {
                Thread.sleep(400);
                ServingCertificate leaf = ca.issue(CertRequest.loopback(), Clock.systemUTC());
                last = leaf.certificate();
                if (i % 2 == 0) {
                    swapDataSymlink(dir, leaf, i);
                } else {
                    renameIntoPlace(dir, leaf);
                }
                waitUntilServed(s, last);
            }
            Thread.sleep(400);
            stop.set(true);
            for (Thread t : load) {
                t.join(10_000);
            }

            assertThat(failures).as("failed requests").isEmpty();
            assertThat(ok.get()).isGreaterThan(100);
            assertThat(handshakes.get()).isGreaterThan(ROTATIONS);
            assertThat(s.server.certificate()).isEqualTo(last);
            assertThat(presented(s)).as("a new handshake presents the newest certificate").isEqualTo(last);
            assertThat(s.getPlain("/metrics").body())
                    .containsPattern("neo4j_guard_certificate_reloads_total\\{result=\"success\"} (\\d+)\\.0");
        }
    }

    /** Each file written to a temp name and renamed over the link target: key first, then certificate. */
    private static void renameIntoPlace(Path dir, ServingCertificate leaf) throws IOException {
        Path data = dir.resolve("..data").toRealPath();
        write(data.resolve(CertDir.TLS_KEY), Pem.write(leaf.key()));
        write(data.resolve(CertDir.TLS_CERT), Pem.write(leaf.certificate()));
    }

    /** The kubelet's way: a new dated dir, then one atomic rename of a new ..data link over the old. */
    private static void swapDataSymlink(Path dir, ServingCertificate leaf, int n) throws IOException {
        Path dated = dir.resolve("..2026_01_01_00_00_0" + n + ".000");
        Files.createDirectories(dated);
        Files.writeString(dated.resolve(CertDir.CA_CERT), Pem.write(leaf.issuer()));
        Files.writeString(dated.resolve(CertDir.TLS_CERT), Pem.write(leaf.certificate()));
        Files.writeString(dated.resolve(CertDir.TLS_KEY), Pem.write(leaf.key()));
        Path tmp = dir.resolve("..data_tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, dated.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path target, String pem) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, pem);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void waitUntilServed(TestServer s, X509Certificate expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(s.server.certificate()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.server.certificate()).isEqualTo(expected);
    }

    private static X509Certificate presented(TestServer s) throws IOException {
        try (SSLSocket sock = (SSLSocket) s.trust.getSocketFactory().createSocket("127.0.0.1", s.server.port())) {
            sock.startHandshake();
            return (X509Certificate) sock.getSession().getPeerCertificates()[0];
        }
    }

    /** One request on its own connection (a full handshake), answered with Connection: close. */
    private static String freshConnection(TestServer s, byte[] body) throws IOException {
        try (RawClient c = new RawClient(s.trust, s.server.port(), 5000)) {
            c.send(RawClient.headers("/validate", "Content-Length: " + body.length + "\r\nConnection: close\r\n"));
            c.send(body);
            return c.readAll();
        }
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of(CertDir.CA_CERT, CertDir.TLS_CERT, CertDir.TLS_KEY)) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }
}
