package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.webhook.admission.Budget;
import io.neo4jguard.webhook.observe.JsonLog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 generated or mutated review bodies (1,000 tries of 100, {@link FuzzBodies}) against a real
 * server over HTTPS with keep-alive, sent from four threads: never a 5xx, never a hang (each answer
 * within the API server's 5 s timeout), and every 200 is a well-formed AdmissionReview answer.
 */
class AdmissionFuzzProperties {
    static final int BATCH = 100;
    static final int SENDERS = 4;

    static Path dir;
    static TestServer server;
    static ExecutorService senders;
    static final AtomicLong maxMillis = new AtomicLong();
    static final AtomicLong sent = new AtomicLong();

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("fuzz-certs");
        server = TestServer.start(dir, c -> c.log(new JsonLog(line -> { })));
        senders = Executors.newFixedThreadPool(SENDERS);
    }

    @AfterContainer
    static void stop() {
        senders.shutdownNow();
        server.close();
        System.out.println("fuzz: " + sent.get() + " bodies, slowest answer " + maxMillis.get() + " ms");
    }

    @Provide
    Arbitrary<List<FuzzBodies.Body>> batches() {
        return Arbitraries.longs().map(FuzzBodies::of).list().ofSize(BATCH);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void neverA5xxNeverAHang(@ForAll("batches") List<FuzzBodies.Body> batch) throws Exception {
        List<Future<String>> answers = batch.stream().map(b -> senders.submit(() -> send(b))).toList();
        for (int i = 0; i < answers.size(); i++) {
            String problem = answers.get(i).get();
            assertThat(problem).as(batch.get(i).toString()).isEmpty();
        }
    }

    /** An empty string when the answer is acceptable, else what was wrong. */
    static String send(FuzzBodies.Body b) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = server.client.send(HttpRequest.newBuilder(server.uri(b.path()))
                    .timeout(Budget.API_SERVER_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            maxMillis.accumulateAndGet(ms, Math::max);
            sent.incrementAndGet();
            if (r.statusCode() >= 500) {
                return "5xx: " + r.statusCode() + " " + r.body();
            }
            if (r.statusCode() != 200 && r.statusCode() != 400) {
                return "unexpected status " + r.statusCode() + " " + r.body();
            }
            JsonNode answer = TestServer.JSON.readTree(r.body());
            if (r.statusCode() == 400) {
                return answer.path("message").asText().isEmpty() ? "400 without a message" : "";
            }
            JsonNode resp = answer.path("response");
            if (!"admission.k8s.io/v1".equals(answer.path("apiVersion").asText()) || !resp.path("allowed").isBoolean()
                    || resp.path("uid").asText().isEmpty()) {
                return "malformed answer: " + r.body();
            }
            if (!resp.path("allowed").asBoolean() && resp.path("status").path("code").asInt() == 500) {
                return "internal error: " + r.body();
            }
            for (JsonNode w : resp.path("warnings")) {
                String s = w.asText();
                if (s.length() > 256 || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    return "warning not plain ASCII within 256: " + s;
                }
            }
            return "";
        } catch (java.net.http.HttpTimeoutException e) {
            return "hang: no answer within " + Budget.API_SERVER_TIMEOUT.toSeconds() + " s";
        } catch (Exception e) {
            return "client error: " + e;
        }
    }

    static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
