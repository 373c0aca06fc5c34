package io.neo4jguard.webhook;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM under load, to {@code neo4j-guard serve} in its own JVM ({@link Process#destroy()} sends
 * SIGTERM on Linux): readiness goes off at once, the server keeps answering through the shutdown
 * delay, then closes its port and lets the requests in flight finish. Clients that stop when readiness
 * goes off (as the API server does once the endpoint is gone) see no failure, and a request whose body
 * is still arriving when the port closes is answered.
 */
class ShutdownIT {
    static final Duration DELAY = Duration.ofMillis(1500);

    @Test
    void sigtermUnderLoadFailsNoInFlightRequest(@TempDir Path dir) throws Exception {
        Path certs = dir.resolve("certs");
        CertDir.ensure(certs, CertRequest.loopback(), Clock.systemUTC());
        int port = ChildJvm.freePort();
        int metricsPort = ChildJvm.freePort();
        Path log = dir.resolve("server.log");
        Process server = ChildJvm.start(List.of("-XX:TieredStopAtLevel=1", "-Xmx96m"), Main.class.getName(),
                List.of("serve", "--cert-dir", certs.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(port),
                        "--metrics-port", Integer.toString(metricsPort), "--lookups", "none",
                        "--shutdown-delay", DELAY.toMillis() + "ms"), log);
        try {
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI readyz = URI.create("http://127.0.0.1:" + metricsPort + "/readyz");
            waitFor(() -> status(plain, readyz) == 200, Duration.ofSeconds(30), log);

            SSLContext trust = TestServer.trusting(certs.resolve(CertDir.CA_CERT));
            HttpClient client = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build();
            byte[] body = Reviews.text("validate-allow").getBytes(StandardCharsets.UTF_8);
            URI validate = URI.create("https://127.0.0.1:" + port + "/validate");

            AtomicBoolean notReady = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger afterSigterm = new AtomicInteger();
            AtomicBoolean sigtermSent = new AtomicBoolean();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                load.add(new Thread(() -> {
                    while (!notReady.get()) {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(validate)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200 && r.body().contains("\"allowed\":true")) {
                                ok.incrementAndGet();
                                if (sigtermSent.get()) {
                                    afterSigterm.incrementAndGet();
                                }
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            // Readiness as the endpoint controller sees it: clients stop once it is off.
            Thread watcher = new Thread(() -> {
                while (!notReady.get()) {
                    if (status(plain, readyz) != 200) {
                        notReady.set(true);
                    }
                    sleep(20);
                }
            });
            load.forEach(Thread::start);
            sleep(500);

            // A request that starts before the port closes and finishes sending after it.
            RawClient slow = new RawClient(trust, port, 15_000);
            sigtermSent.set(true);
            long t0 = System.nanoTime();
            server.destroy(); // SIGTERM
            watcher.start();
            // Headers and half the body well before the port closes (DELAY after SIGTERM), the rest well
            // after: the request is in flight across the close.
            sleep(300);
            slow.send(RawClient.headers("/validate", "Content-Length: " + body.length + "\r\n"));
            slow.send(java.util.Arrays.copyOf(body, body.length / 2));
            sleep(DELAY.toMillis() + 700 - 300);
            CompletableFuture<String> slowAnswer = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.readAll();
                } catch (Exception e) {
                    return e.toString();
                }
            });
            slow.send(java.util.Arrays.copyOfRange(body, body.length / 2, body.length));

            for (Thread t : load) {
                t.join(10_000);
            }
            watcher.join(10_000);
            String answer = slowAnswer.get(10, TimeUnit.SECONDS);
            slow.close();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("server exits").isTrue();
            long stoppedMs = (System.nanoTime() - t0) / 1_000_000;

            String output = Files.readString(log);
            assertThat(failures).as("failed requests; server log:\n" + output).isEmpty();
            assertThat(afterSigterm.get()).as("requests answered after SIGTERM").isGreaterThan(0);
            assertThat(notReady.get()).isTrue();
            assertThat(answer).as("the request in flight when the port closed").startsWith("HTTP/1.1 200")
                    .contains("\"allowed\":true");
            assertThat(output).contains("shutting down: not ready, draining").contains("\"abandoned_requests\":0");
            assertThat(stoppedMs).isLessThan(DELAY.toMillis() + 8000);
            // The port is closed once the server has gone.
            assertThat(status(plain, URI.create("http://127.0.0.1:" + metricsPort + "/healthz"))).isEqualTo(-1);
        } finally {
            server.destroyForcibly();
        }
    }

    private static int status(HttpClient c, URI uri) {
        try {
            return c.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration max, Path log) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server not ready; log:\n" + Files.readString(log));
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
