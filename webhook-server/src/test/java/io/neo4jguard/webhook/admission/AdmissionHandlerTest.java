package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.kube.resolve.ResolverProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission path without a server: method, client certificate, body budgets, then the review. */
class AdmissionHandlerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX = 1024;
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
    static final AdmissionController CONTROLLER = new AdmissionController(Validator.standard(), Defaults.standard(),
            ResolverProvider.NONE, WORKERS, Duration.ofSeconds(5), Duration.ofSeconds(1));

    final AdmissionHandler open = new AdmissionHandler(CONTROLLER, MAX, Duration.ofSeconds(5), false);

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    static JsonNode status(Answer a, int code, String reason) throws IOException {
        assertThat(a.httpStatus()).isEqualTo(code);
        assertThat(a.decision()).isNull();
        JsonNode s = JSON.readTree(a.body());
        assertThat(s.path("kind").asText()).isEqualTo("Status");
        assertThat(s.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(s.path("status").asText()).isEqualTo("Failure");
        assertThat(s.path("code").asInt()).isEqualTo(code);
        assertThat(s.path("reason").asText()).isEqualTo(reason);
        assertThat(s.path("message").asText()).isEqualTo(a.refusal()).isNotBlank();
        return s;
    }

    static Request post(byte[] body, long declared, boolean cert, AtomicBoolean opened) {
        return new Request("POST", declared, () -> {
            opened.set(true);
            return new ByteArrayInputStream(body);
        }, cert, System.nanoTime());
    }

    @Test
    void otherMethodsThanPostAre405WithAllowAndTheBodyIsNotRead() throws IOException {
        AtomicBoolean opened = new AtomicBoolean();
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}) {
            Answer a = open.handle(Webhook.VALIDATE, new Request(method, 2, () -> {
                opened.set(true);
                return new ByteArrayInputStream("{}".getBytes());
            }, false, System.nanoTime()));
            status(a, 405, "MethodNotAllowed");
            assertThat(a.headers()).containsEntry("Allow", "POST");
            assertThat(a.closesConnection()).isFalse();
        }
        assertThat(opened).isFalse();
    }

    @Test
    void withoutTheRequiredClientCertificateIt401sUnauthorizedUnread() throws IOException {
        AdmissionHandler guarded = new AdmissionHandler(CONTROLLER, MAX, Duration.ofSeconds(5), true);
        AtomicBoolean opened = new AtomicBoolean();
        status(guarded.handle(Webhook.MUTATE, post("{}".getBytes(), 2, false, opened)), 401, "Unauthorized");
        assertThat(opened).isFalse();
        // With a certificate the body is read (and this one is not a review: 400).
        status(guarded.handle(Webhook.MUTATE, post("{}".getBytes(), 2, true, opened)), 400, "BadRequest");
        assertThat(opened).isTrue();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413UnreadAndClosesTheConnection() throws IOException {
        AtomicBoolean opened = new AtomicBoolean();
        Answer a = open.handle(Webhook.VALIDATE, post(new byte[0], MAX + 1, false, opened));
        status(a, 413, "RequestEntityTooLarge");
        assertThat(a.closesConnection()).isTrue();
        assertThat(opened).isFalse();
    }

    @Test
    void aChunkedBodyPassingTheLimitIs413() throws IOException {
        Answer a = open.handle(Webhook.VALIDATE, post(new byte[MAX + 1], -1, false, new AtomicBoolean()));
        status(a, 413, "RequestEntityTooLarge");
        assertThat(a.closesConnection()).isTrue();
    }

    @Test
    void aBodyShorterThanDeclaredIs400() throws IOException {
        Answer a = open.handle(Webhook.VALIDATE, post("{}".getBytes(), 10, false, new AtomicBoolean()));
        assertThat(status(a, 400, "BadRequest").path("message").asText()).contains("after 2 of 10 bytes");
    }

    @Test
    void silenceWhileReadingIs408TimeoutAndClosesTheConnection() throws IOException {
        // What Jetty's request idle timeout does to a blocked read: the read fails with a timeout.
        InputStream stalls = new SequenceInputStream(new ByteArrayInputStream("{\"apiVersion\":".getBytes()),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new SocketTimeoutException("idle");
                    }
                });
        Answer a = open.handle(Webhook.VALIDATE, new Request("POST", 100, () -> stalls, false, System.nanoTime()));
        status(a, 408, "Timeout");
        assertThat(a.closesConnection()).isTrue();
    }

    @Test
    void aBodyStillArrivingAfterTheBudgetIs408() throws IOException {
        AdmissionHandler quick = new AdmissionHandler(CONTROLLER, MAX, Duration.ofMillis(50), false);
        InputStream slow = new InputStream() {
            @Override
            public int read() throws IOException {
                sleep();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                sleep();
                b[off] = ' ';
                return 1;
            }

            private void sleep() {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Answer a = quick.handle(Webhook.VALIDATE, new Request("POST", 500, () -> slow, false, System.nanoTime()));
        assertThat(status(a, 408, "Timeout").path("message").asText()).contains("not received within");
    }

    @Test
    void theAnswerBudgetCountsFromTheBodysArrivalNotFromTheRequestsStart() throws IOException {
        byte[] review = review();
        AdmissionController quick = new AdmissionController(Validator.standard(), Defaults.standard(),
                ResolverProvider.NONE, WORKERS, Duration.ofMillis(300), Duration.ofMillis(100));
        // The body took longer than the whole answer budget to arrive (within the read budget).
        Answer a = new AdmissionHandler(quick, review.length, Duration.ofSeconds(5), false).handle(Webhook.VALIDATE,
                new Request("POST", review.length, () -> new ByteArrayInputStream(review), false,
                        System.nanoTime() - Duration.ofMillis(600).toNanos()));
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("\"allowed\":true");
    }

    static byte[] review() throws IOException {
        try (InputStream in = AdmissionHandlerTest.class.getResourceAsStream("/admission/validate-allow.request.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aReviewWithinTheBudgetsIsAnsweredByTheController() throws IOException {
        byte[] review = review();
        Answer a = new AdmissionHandler(CONTROLLER, review.length, Duration.ofSeconds(5), false)
                .handle(Webhook.VALIDATE, post(review, review.length, false, new AtomicBoolean()));
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(a.decision()).isNotNull();
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("\"allowed\":true");
        assertThat(a.headers()).isEmpty();
    }
}
