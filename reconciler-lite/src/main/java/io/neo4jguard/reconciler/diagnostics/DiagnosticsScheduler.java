package io.neo4jguard.reconciler.diagnostics;

import io.fabric8.kubernetes.api.model.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs diagnoses off the reconcile workers and feeds their results back through the work queue.
 *
 * <p>A reconcile calls {@link #observe}: it returns at once with the newest result for that resource (if any) and,
 * when the next diagnosis is due and none is running, starts one on this scheduler's own threads. The diagnosis
 * reads the admin Secret (one GET), asks the cluster over Bolt with one driver kept per resource, stores the
 * summary, then requeues the resource twice: now, so a reconcile writes the result into the status, and after
 * {@link RetryHint#after}, so the reconcile then starts the next round. Reconciles in between (resyncs, events of
 * the StatefulSet) only read the stored result. A resource is therefore diagnosed at most once per retry hint,
 * however often it is reconciled: no hot loop, whatever the cluster does.
 *
 * <p>Drivers: one per resource, opened on its first round and kept while the address and credentials stay the
 * same (a changed Secret or address opens a new one), closed by {@link #forget} (resource gone, deselected, or its
 * servers not Ready) and by {@link #close}.
 *
 * @param <K> the work queue's key
 */
public final class DiagnosticsScheduler<K> implements AutoCloseable {
    /**
     * Threads for diagnoses. A round against a cluster that answers takes milliseconds, so one thread would serve
     * hundreds of clusters at one round a minute each. The others are for clusters that hang: such a round holds a
     * thread for at most {@link DiagnosticsBounds#perQuery()} (15 s by default; the second query is not sent
     * after a connection failure) and comes back no sooner than {@link RetryHint#FIRST_RETRY}, so up to three
     * hung clusters still leave a thread free for the rest.
     */
    public static final int THREADS = 4;

    /** What to diagnose: where the cluster answers, which Secret holds its admin password, how many servers it should have. */
    public record Target(URI address, String namespace, String secretName, OptionalInt expectedServers) {
        public Target {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(expectedServers, "expectedServers");
        }
    }

    /** A direct read of one Secret (null when it does not exist); throws {@link QueryFailure} when it cannot be read. */
    @FunctionalInterface
    public interface SecretSource {
        Secret get(String namespace, String name) throws QueryFailure;
    }

    /** Opens the query layer for one cluster ({@link BoltClusterQueries#open} in production). */
    @FunctionalInterface
    public interface Connector {
        ClusterQueries open(URI address, AdminCredentials credentials, DiagnosticsBounds bounds);
    }

    /** Puts a key back on the work queue after a delay (zero: now). */
    @FunctionalInterface
    public interface Requeue<K> {
        void after(K key, Duration delay);
    }

    /** Told of every finished round (metrics). */
    @FunctionalInterface
    public interface RoundListener {
        void finished(DiagnosticsSummary summary, Duration took);
    }

    private static final class Entry {
        final Target target;
        long dueNanos;
        boolean running;
        boolean gone;
        int failures;
        DiagnosticsSummary summary;
        ClusterQueries queries;
        AdminCredentials credentials;

        Entry(Target target, long dueNanos) {
            this.target = target;
            this.dueNanos = dueNanos;
        }
    }

    private final Map<K, Entry> entries = new HashMap<>();
    private final SecretSource secrets;
    private final Connector connector;
    private final DiagnosticsBounds bounds;
    private final Requeue<K> requeue;
    private final RoundListener listener;
    private final LongSupplier nanoTime;
    private final ExecutorService executor;
    private boolean closed;

    public DiagnosticsScheduler(SecretSource secrets, Connector connector, DiagnosticsBounds bounds, int threads,
                                Requeue<K> requeue, RoundListener listener, LongSupplier nanoTime) {
        this.secrets = secrets;
        this.connector = connector;
        this.bounds = bounds;
        this.requeue = requeue;
        this.listener = listener;
        this.nanoTime = nanoTime;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "bolt-diagnostics-" + n.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Production: Bolt with neo4j-java-driver, {@link #THREADS} threads, the system clock. */
    public static <K> DiagnosticsScheduler<K> bolt(SecretSource secrets, DiagnosticsBounds bounds, Requeue<K> requeue,
                                                   RoundListener listener) {
        return new DiagnosticsScheduler<>(secrets, BoltClusterQueries::open, bounds, THREADS, requeue, listener,
                System::nanoTime);
    }

    /**
     * The newest summary for {@code key} at {@code target} (empty until the first round there has finished), and a
     * new round started if one is due. Never waits on the network. A different target (address, Secret, expected
     * servers) than last time starts over at once.
     */
    public synchronized Optional<DiagnosticsSummary> observe(K key, Target target) {
        if (closed) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        Entry e = entries.get(key);
        if (e == null || !e.target.equals(target)) {
            if (e != null) {
                retire(e);
            }
            e = new Entry(target, now);
            entries.put(key, e);
        }
        if (!e.running && now - e.dueNanos >= 0) {
            e.running = true;
            Entry started = e;
            try {
                executor.execute(() -> round(key, started));
            } catch (RejectedExecutionException shutDown) {
                e.running = false;
            }
        }
        return Optional.ofNullable(e.summary);
    }

    /** Stops diagnosing {@code key} and closes its driver (a round in flight finishes and is discarded). */
    public synchronized void forget(K key) {
        Entry e = entries.remove(key);
        if (e != null) {
            retire(e);
        }
    }

    /** Resources with a driver or a result kept: for tests and the log. */
    public synchronized int tracked() {
        return entries.size();
    }

    private void round(K key, Entry e) {
        long t0 = nanoTime.getAsLong();
        DiagnosticsSummary summary;
        try {
            AdminCredentials credentials = credentials(e.target);
            ClusterQueries queries;
            synchronized (this) {
                if (e.gone) {
                    e.running = false;
                    return;
                }
                if (e.queries == null || !credentials.sameAs(e.credentials)) {
                    closeQuietly(e.queries);
                    e.queries = connector.open(e.target.address(), credentials, bounds);
                    e.credentials = credentials;
                }
                queries = e.queries;
            }
            summary = ClusterSummariser.summarise(queries, e.target.expectedServers());
        } catch (QueryFailure f) {
            summary = DiagnosticsSummary.failed(f);
        } catch (RuntimeException bug) {
            // Not an answer of the cluster but a fault here (a driver bug, a malformed address). Its message is not
            // ours to publish (it may quote anything), its type is enough to find it; the round still counts, so
            // even this retries at the hint's pace.
            summary = DiagnosticsSummary.failed(new QueryFailure(QueryFailure.Kind.QUERY_FAILED,
                    "diagnosis failed: " + bug.getClass().getName()));
        }
        Duration hint;
        synchronized (this) {
            hint = RetryHint.after(summary, e.failures);
            e.failures = summary.reached() ? 0 : e.failures + 1;
            e.summary = summary;
            e.dueNanos = nanoTime.getAsLong() + hint.toNanos();
            e.running = false;
            if (e.gone) {
                closeQuietly(e.queries);
                e.queries = null;
                return;
            }
        }
        listener.finished(summary, Duration.ofNanos(nanoTime.getAsLong() - t0));
        requeue.after(key, Duration.ZERO);
        requeue.after(key, hint);
    }

    private AdminCredentials credentials(Target t) throws QueryFailure {
        Secret secret = secrets.get(t.namespace(), t.secretName());
        if (secret == null) {
            throw new QueryFailure(QueryFailure.Kind.CREDENTIALS_MISSING, "Secret " + t.namespace() + "/"
                    + t.secretName() + " (spec.auth.adminSecret) not found");
        }
        return AdminCredentials.fromSecret(secret);
    }

    private void retire(Entry e) {
        e.gone = true;
        if (!e.running) {
            closeQuietly(e.queries);
            e.queries = null;
        }
    }

    private static void closeQuietly(ClusterQueries q) {
        if (q instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a driver of a dead cluster: nothing left to do
            }
        }
    }

    /** Stops the threads (a round in flight is interrupted) and closes every driver. */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(entries.values());
            entries.clear();
            all.forEach(e -> e.gone = true);
        }
        executor.shutdownNow();
        for (Entry e : all) {
            synchronized (this) {
                closeQuietly(e.queries);
                e.queries = null;
            }
        }
    }
}
