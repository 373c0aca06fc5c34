package io.neo4jguard.reconciler.diagnostics;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.neo4jguard.reconciler.diagnostics.DiagnosticCondition.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver-based query layer against a real Neo4j 5.26 Community: what it can answer (SHOW DATABASES), what
 * Community cannot (SHOW SERVERS), and the failures a reconciler meets (wrong password, nothing listening, a
 * listener that never answers) — each a condition within the bound, and the password in no output at all.
 */
@ExtendWith(EmbeddedNeo4j.Resolver.class)
class BoltDiagnosticsIT {
    /** Tighter than the default so the failure cases finish quickly (same code path as production). */
    private static final DiagnosticsBounds BOUNDS = new DiagnosticsBounds(Duration.ofSeconds(2), Duration.ofSeconds(5));
    /**
     * For the server that answers: its queries run in the test JVM itself, on a shared two-core machine measured
     * at a load average above 20, where one cold SHOW DATABASES took longer than the production bound of 10 s.
     * Only the answer is asserted here; the bound itself is proven by the failure cases.
     */
    private static final DiagnosticsBounds ANSWERING = new DiagnosticsBounds(Duration.ofSeconds(30),
            Duration.ofSeconds(60));
    private static final String WRONG_PASSWORD = "Wrong-Secret-0b7d2a-p4ss";

    private static EmbeddedNeo4j neo4j;
    private static JulCapture jul;
    private static final StringBuilder console = new StringBuilder();
    private static final String CANARY = "log-capture-canary";
    private static PrintStream out;
    private static PrintStream err;

    @BeforeAll
    static void start(EmbeddedNeo4j started) {
        neo4j = started;
        jul = JulCapture.install();
        out = System.out;
        err = System.err;
        System.setOut(tee(out));
        System.setErr(tee(err));
        // Canaries: the leak check below is only worth something if both taps really see output.
        Logger.getLogger("org.neo4j.driver").warning(CANARY);
        System.err.println(CANARY);
    }

    @AfterAll
    static void stop() {
        System.setOut(out);
        System.setErr(err);
        if (jul != null) {
            jul.remove();
        }
    }

    private static PrintStream tee(PrintStream to) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                to.write(b);
                synchronized (console) {
                    console.append((char) b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static AdminCredentials credentials(String password) throws QueryFailure {
        Secret secret = new SecretBuilder().withNewMetadata().withName(AdminCredentials.DEFAULT_SECRET).endMetadata()
                .addToData("username", b64("neo4j")).addToData("password", b64(password)).build();
        return AdminCredentials.fromSecret(secret);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static DiagnosticsSummary diagnose(URI uri, String password) throws QueryFailure {
        return diagnose(uri, password, BOUNDS);
    }

    private static DiagnosticsSummary diagnose(URI uri, String password, DiagnosticsBounds bounds)
            throws QueryFailure {
        try (BoltClusterQueries q = BoltClusterQueries.open(uri, credentials(password), bounds)) {
            DiagnosticsSummary s = ClusterSummariser.summarise(q, OptionalInt.of(1));
            assertNoPassword(q.toString(), s.toString(), s.toJson().toString());
            return s;
        }
    }

    private static void assertNoPassword(String... texts) {
        for (String t : texts) {
            assertThat(t).doesNotContain(EmbeddedNeo4j.PASSWORD).doesNotContain(WRONG_PASSWORD);
        }
    }

    @Test
    void showDatabasesIsSummarisedAndShowServersIsReportedAsMissingOnCommunity() throws QueryFailure {
        DiagnosticsSummary s = diagnose(neo4j.bolt(), EmbeddedNeo4j.PASSWORD, ANSWERING);

        assertThat(s.databasesHealthy()).as(s.databasesHealthy().message()).extracting(DiagnosticCondition::status, DiagnosticCondition::reason)
                .containsExactly(Status.True, "AllDatabasesAsRequested");
        DatabasesSummary dbs = s.databases().orElseThrow();
        assertThat(dbs.databases()).extracting(DatabasesSummary.Database::name).containsExactly("neo4j", "system");
        assertThat(dbs.databases()).allSatisfy(d -> {
            assertThat(d.requestedStatus()).isEqualTo("online");
            assertThat(d.placements()).singleElement().satisfies(p -> {
                assertThat(p.currentStatus()).isEqualTo("online");
                assertThat(p.address()).isEqualTo(EmbeddedNeo4j.ADVERTISED_HOST + ":7687");
            });
        });
        assertThat(s.serversHealthy()).as(s.serversHealthy().message())
                .extracting(DiagnosticCondition::status, DiagnosticCondition::reason)
                .containsExactly(Status.Unknown, "NotAvailableOnCommunity");
        assertThat(s.serversHealthy().message()).contains("Community");
        assertThat(s.servers()).isEmpty();
        assertThat(RetryHint.after(s, 0)).isEqualTo(RetryHint.POLL);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationCondition() throws QueryFailure {
        DiagnosticsSummary s = diagnose(neo4j.bolt(), WRONG_PASSWORD);

        assertThat(s.conditions()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.Unknown);
            assertThat(c.reason()).isEqualTo("AuthenticationFailed");
            assertThat(c.message()).contains("neo4j");
        });
        assertThat(s.reached()).isFalse();
        assertThat(RetryHint.after(s, 0)).isEqualTo(RetryHint.FIRST_RETRY);
    }

    @Test
    void aClosedPortIsUnreachableWithinTheBound() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again before the driver dials: nothing listens there
        }
        long start = System.nanoTime();
        DiagnosticsSummary s = diagnose(URI.create("bolt://127.0.0.1:" + port), EmbeddedNeo4j.PASSWORD);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(s.conditions()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.Unknown);
            assertThat(c.reason()).isEqualTo("Unreachable");
            assertThat(c.message()).contains("127.0.0.1:" + port);
        });
        assertThat(took).isLessThan(BOUNDS.perQuery());
    }

    /** A listener that accepts the TCP connection and never speaks Bolt: the case a bound exists for. */
    @Test
    void aListenerThatNeverAnswersCostsAtMostTheBound() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            DiagnosticsSummary s = diagnose(URI.create("bolt://127.0.0.1:" + silent.getLocalPort()),
                    EmbeddedNeo4j.PASSWORD);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(s.reached()).isFalse();
            assertThat(s.serversHealthy().status()).isEqualTo(Status.Unknown);
            assertThat(s.serversHealthy().reason()).as(s.serversHealthy().message()).isEqualTo("Timeout");
            assertThat(s.databasesHealthy().reason()).isEqualTo(s.serversHealthy().reason());
            // One query was sent (the second is skipped after a connection failure), so one bound at most.
            assertThat(took).isLessThan(BOUNDS.perQuery().plusSeconds(1));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @AfterAll
    static void thePasswordAppearedInNoLogLineAndOnNoConsole() {
        assertThat(jul.text()).contains(CANARY);
        assertNoPassword(jul.text());
        synchronized (console) {
            assertThat(console.toString()).contains(CANARY);
            assertNoPassword(console.toString());
        }
    }
}
