package io.neo4jguard.reconciler.diagnostics;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler with a fake query layer and a hand-moved clock: rounds only when due (however often the resource
 * is reconciled), results fed back through the queue, back-off while unreachable, one driver per resource.
 */
class DiagnosticsSchedulerTest {
    private static final String PASSWORD = "Sched-Secret-71be-p4ss";
    private static final DiagnosticsScheduler.Target TARGET = new DiagnosticsScheduler.Target(
            URI.create("bolt://127.0.0.1:7687"), "team", "neo4j-admin-secret", OptionalInt.of(1));

    /** A fake with a close count, as the real driver layer is closeable. */
    private static final class Closeable implements ClusterQueries, AutoCloseable {
        final ClusterQueries inner;
        int closed;

        Closeable(ClusterQueries inner) {
            this.inner = inner;
        }

        @Override
        public List<ServerRow> servers() throws QueryFailure {
            return inner.servers();
        }

        @Override
        public List<DatabaseRow> databases() throws QueryFailure {
            return inner.databases();
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private record Requeued(String key, Duration delay) {
    }

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final BlockingQueue<Requeued> requeued = new LinkedBlockingQueue<>();
    private final List<Closeable> opened = new ArrayList<>();
    private final List<AdminCredentials> logins = new ArrayList<>();
    private final AtomicReference<Secret> secret = new AtomicReference<>(secret(PASSWORD));
    private FakeClusterQueries answers = FakeClusterQueries.answering(
            List.of(new ServerRow("s0", "s0:7687", "Enabled", "Available", List.of("system"))),
            List.of(new DatabaseRow("system", "s0:7687", "primary", "online", "online", "")));
    private DiagnosticsScheduler<String> scheduler;

    private DiagnosticsScheduler<String> scheduler() {
        scheduler = new DiagnosticsScheduler<>((ns, name) -> secret.get(), (uri, c, b) -> {
            synchronized (opened) {
                Closeable q = new Closeable(answers);
                opened.add(q);
                logins.add(c);
                return q;
            }
        }, DiagnosticsBounds.DEFAULT, 2, (k, d) -> requeued.add(new Requeued(k, d)), (s, took) -> { }, clock::get);
        return scheduler;
    }

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private static Secret secret(String password) {
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName("neo4j-admin-secret").endMetadata();
        if (password != null) {
            b.addToStringData("password", password);
        }
        return b.build();
    }

    /** Waits for one round's two requeues (now, then after the hint) and returns the hint. */
    private Duration roundFinished() throws InterruptedException {
        Requeued now = requeued.poll(10, TimeUnit.SECONDS);
        Requeued later = requeued.poll(10, TimeUnit.SECONDS);
        assertThat(now).as("the result requeued at once").isEqualTo(new Requeued("c", Duration.ZERO));
        assertThat(later).as("the next round requeued").isNotNull();
        return later.delay();
    }

    @Test
    void aRoundRunsOffTheCallerAndItsResultComesBackThroughTheQueue() throws Exception {
        scheduler();
        assertThat(scheduler.observe("c", TARGET)).as("nothing known before the first round").isEmpty();
        assertThat(roundFinished()).isEqualTo(RetryHint.POLL);
        DiagnosticsSummary s = scheduler.observe("c", TARGET).orElseThrow();
        assertThat(s.serversHealthy().reason()).isEqualTo("AllServersAvailable");
        assertThat(s.databasesHealthy().reason()).isEqualTo("AllDatabasesAsRequested");
        assertThat(logins).singleElement().satisfies(c -> assertThat(c.username()).isEqualTo("neo4j"));
    }

    @Test
    void reconcilesBetweenRoundsOnlyReadTheResult() throws Exception {
        scheduler();
        scheduler.observe("c", TARGET);
        roundFinished();
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(Duration.ofMillis(500).toNanos()); // 100 reconciles over 50 s: a resync every 0.5 s
            assertThat(scheduler.observe("c", TARGET)).isPresent();
        }
        assertThat(requeued.poll(200, TimeUnit.MILLISECONDS)).as("no round before the hint").isNull();
        assertThat(answers.serverCalls).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(10).toNanos()); // 60 s after the round: due
        scheduler.observe("c", TARGET);
        roundFinished();
        assertThat(answers.serverCalls).isEqualTo(2);
        assertThat(opened).as("one driver kept across rounds").hasSize(1);
    }

    @Test
    void anUnreachableClusterIsAskedLessAndLessOften() throws Exception {
        answers = FakeClusterQueries.serversFail(new QueryFailure(QueryFailure.Kind.UNREACHABLE, "nothing listens"),
                List.of());
        scheduler();
        List<Duration> hints = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            scheduler.observe("c", TARGET);
            Duration hint = roundFinished();
            hints.add(hint);
            clock.addAndGet(hint.minusSeconds(1).toNanos());
            scheduler.observe("c", TARGET); // one second early: nothing
            assertThat(requeued.poll(100, TimeUnit.MILLISECONDS)).isNull();
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(hints).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(240), Duration.ofSeconds(300));
        assertThat(answers.serverCalls).isEqualTo(6);
        assertThat(answers.databaseCalls).as("no second query after a connection failure").isZero();
        assertThat(scheduler.observe("c", TARGET).orElseThrow().serversHealthy().reason()).isEqualTo("Unreachable");
    }

    @Test
    void aMissingSecretOrPasswordIsCredentialsMissingAndNoConnection() throws Exception {
        secret.set(null);
        scheduler();
        scheduler.observe("c", TARGET);
        assertThat(roundFinished()).isEqualTo(RetryHint.FIRST_RETRY);
        DiagnosticsSummary s = scheduler.observe("c", TARGET).orElseThrow();
        assertThat(s.conditions()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(DiagnosticCondition.Status.Unknown);
            assertThat(c.reason()).isEqualTo("CredentialsMissing");
            assertThat(c.message()).isEqualTo("Secret team/neo4j-admin-secret (spec.auth.adminSecret) not found");
        });
        secret.set(secret(null));
        clock.addAndGet(RetryHint.FIRST_RETRY.toNanos());
        scheduler.observe("c", TARGET);
        assertThat(roundFinished()).as("backing off").isEqualTo(Duration.ofSeconds(30));
        assertThat(scheduler.observe("c", TARGET).orElseThrow().serversHealthy().message())
                .isEqualTo("Secret neo4j-admin-secret has no key 'password'");
        assertThat(opened).as("nothing dialled without credentials").isEmpty();
    }

    @Test
    void aChangedPasswordOpensANewDriverAndClosesTheOld() throws Exception {
        scheduler();
        scheduler.observe("c", TARGET);
        roundFinished();
        secret.set(secret("Changed-" + PASSWORD));
        clock.addAndGet(RetryHint.POLL.toNanos());
        scheduler.observe("c", TARGET);
        roundFinished();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isEqualTo(1);
        assertThat(opened.get(1).closed).isZero();
        assertThat(logins.get(1).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void forgetAndCloseCloseTheDriversAndANewTargetStartsOver() throws Exception {
        scheduler();
        scheduler.observe("c", TARGET);
        roundFinished();
        var moved = new DiagnosticsScheduler.Target(URI.create("bolt://127.0.0.1:7688"), "team",
                "neo4j-admin-secret", OptionalInt.of(1));
        assertThat(scheduler.observe("c", moved)).as("a new address has no result yet").isEmpty();
        roundFinished();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).as("the old address's driver").isEqualTo(1);
        scheduler.forget("c");
        assertThat(opened.get(1).closed).isEqualTo(1);
        assertThat(scheduler.tracked()).isZero();

        scheduler.observe("d", TARGET);
        requeued.poll(10, TimeUnit.SECONDS);
        requeued.poll(10, TimeUnit.SECONDS);
        scheduler.close();
        assertThat(opened.get(2).closed).isEqualTo(1);
        assertThat(scheduler.observe("d", TARGET)).as("closed: no more rounds").isEmpty();
    }
}
