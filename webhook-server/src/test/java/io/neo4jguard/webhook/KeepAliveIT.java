package io.neo4jguard.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle keep-alive connections are the client's to close. The race this guards against: a server that
 * closes a connection idle for its timeout while the client, which still holds it as reusable, writes a
 * request on it. Go's http.Transport (kube-apiserver's webhook client) keeps idle connections 90 s and
 * does not retry a POST it has written, so the review fails with EOF and, under failurePolicy: Fail, a
 * user's {@code kubectl apply} is refused. The client here behaves the same way: one connection, reused
 * after an idle pause, no retry.
 */
class KeepAliveIT {
    @TempDir
    Path certs;

    /** The request-silence limit of the fast tests; 5 s in production (the body-read budget). */
    static final Duration SILENCE = Duration.ofSeconds(1);
    /** The idle timeout every connection had before: production's old ServerConfig.IDLE_TIMEOUT. */
    static final Duration OLD_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** How long kube-apiserver's client (Go's http.Transport) keeps an idle connection for reuse. */
    static final Duration GO_CLIENT_IDLE = Duration.ofSeconds(90);
    /** How far past a timeout the client comes back: beyond any timer slack, short for the test. */
    static final Duration JUST_PAST = Duration.ofMillis(500);

    @Test
    void aConnectionIdleJustPastTheRequestSilenceLimitIsReusedWithoutError() throws Exception {
        try (TestServer server = TestServer.start(certs, c -> c.bodyReadBudget(SILENCE))) {
            reuseAfter(server, SILENCE.plus(JUST_PAST));
        }
    }

    /** The production configuration, past the idle timeout that made the race (10 s; about 11 s of test). */
    @Test
    void withTheProductionTimeoutsAConnectionIdlePastTheOldTimeoutIsReusedWithoutError() throws Exception {
        assertThat(ServerConfig.KEEP_ALIVE_IDLE).as("the server must outwait the client")
                .isGreaterThan(GO_CLIENT_IDLE);
        try (TestServer server = TestServer.start(certs)) {
            reuseAfter(server, OLD_IDLE_TIMEOUT.plus(JUST_PAST));
        }
    }

    @Test
    void aClientStalledMidRequestIsStillCutOffAtTheBodyReadBudget() throws Exception {
        try (TestServer server = TestServer.start(certs, c -> c.bodyReadBudget(SILENCE));
             RawClient c = new RawClient(server.trust, server.server.port(), 10_000)) {
            byte[] body = Reviews.text("validate-allow").getBytes(StandardCharsets.UTF_8);
            // A first review completes, so the connection is a kept-alive one; then half a body, and silence.
            c.send(request(body));
            assertThat(c.readResponse()).startsWith("HTTP/1.1 200");
            long t0 = System.nanoTime();
            c.send(RawClient.headers("/validate", "Content-Length: " + body.length + "\r\n"));
            c.send(java.util.Arrays.copyOf(body, body.length / 2));
            String r = c.readAll();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r).startsWith("HTTP/1.1 408");
            assertThat(r.toLowerCase()).contains("connection: close");
            // Cut one budget after the last byte; the upper bound leaves room for a loaded machine, and is
            // still far below the keep-alive idle time that an idle connection gets.
            assertThat(ms).isBetween(SILENCE.toMillis() - 200, SILENCE.toMillis() + 4000);
        }
    }

    /** A review, an idle pause on the same connection, a second review: both answered 200. */
    private static void reuseAfter(TestServer server, Duration idle) throws Exception {
        byte[] body = Reviews.text("validate-allow").getBytes(StandardCharsets.UTF_8);
        try (RawClient c = new RawClient(server.trust, server.server.port(), 10_000)) {
            c.send(request(body));
            assertThat(c.readResponse()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            Thread.sleep(idle.toMillis());
            c.send(request(body));
            assertThat(c.readResponse()).as("the second review on the connection, after %s idle", idle)
                    .startsWith("HTTP/1.1 200");
        }
    }

    private static byte[] request(byte[] body) {
        byte[] head = RawClient.headers("/validate", "Content-Length: " + body.length + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
