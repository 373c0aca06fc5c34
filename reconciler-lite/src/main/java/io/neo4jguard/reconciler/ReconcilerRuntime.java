package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neo4jguard.kube.lease.LeaderElection;
import io.neo4jguard.reconciler.apply.Applier;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsScheduler;
import io.neo4jguard.reconciler.diagnostics.QueryFailure;
import io.neo4jguard.reconciler.loop.Caches;
import io.neo4jguard.reconciler.loop.ExponentialBackoff;
import io.neo4jguard.reconciler.loop.ObjectRef;
import io.neo4jguard.reconciler.loop.Selection;
import io.neo4jguard.reconciler.loop.WorkQueue;
import io.neo4jguard.reconciler.loop.Workers;
import io.neo4jguard.reconciler.observe.ReconcileLog;
import io.neo4jguard.reconciler.observe.ReconcilerMetrics;
import io.neo4jguard.reconciler.status.StatusWriter;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running controller: caches (informers) → work queue → workers running the {@link Reconciler}, behind Lease
 * leader election when configured. Informers run from the start on every replica; workers only while this
 * replica leads. Losing the Lease ends the runtime ({@link #terminated()} completes with {@code false}), as
 * controller-runtime does: the process exits and comes back as a fresh standby, rather than risk writing on
 * caches it can no longer trust to be the only writer's.
 */
public final class ReconcilerRuntime implements AutoCloseable {
    /** How often start-up checks whether the first lists have arrived: negligible next to a LIST round trip. */
    private static final java.time.Duration SYNC_POLL = java.time.Duration.ofMillis(50);

    private final KubernetesClient client;
    private final KubernetesClient electionClient;
    private final RuntimeOptions options;
    private final ReconcileLog log;
    private final ReconcilerMetrics metrics;
    private final WorkQueue<ObjectRef> queue = new WorkQueue<>(ExponentialBackoff.standard());
    private final Caches caches;
    private final Reconciler reconciler;
    /** Null when the diagnostics are off. */
    private final ClusterDiagnostics diagnostics;
    private final Workers workers;
    private final CompletableFuture<Boolean> terminated = new CompletableFuture<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile LeaderElection election;

    private ReconcilerRuntime(KubernetesClient client, KubernetesClient electionClient, RuntimeOptions options,
                              ReconcileLog log, ReconcilerMetrics metrics) {
        this.client = client;
        this.electionClient = electionClient;
        this.options = options;
        this.log = log;
        this.metrics = metrics;
        this.caches = new Caches(client, options.resync(), options.namespaces().isPresent(), queue::add);
        Selection selection = new Selection(options.namespaces(), caches::namespaceLabels);
        this.diagnostics = options.diagnostics().enabled() ? new ClusterDiagnostics(options.diagnostics(),
                options.desired().clusterDomain(), DiagnosticsScheduler.bolt(secrets(client),
                options.diagnostics().bounds(), queue::addAfter, metrics::diagnosed)) : null;
        this.reconciler = new Reconciler(caches, selection, options.defaults(), options.validator(), options.desired(),
                new Applier(client, caches), new StatusWriter(client), Clock.systemUTC(), diagnostics);
        this.workers = new Workers(queue, this::reconcileOnce, (ref, e, retry) -> log.warn("reconcile failed", fields(ref,
                Map.of("error", describe(e), "retry_in_ms", retry.toMillis(), "failures", queue.failures(ref)))));
        metrics.queueDepth(queue::depth);
    }

    /**
     * The admin Secret by a direct GET: the one Secret a diagnosis needs, when it needs it. An informer would list
     * and watch every Secret of every namespace (RBAC list/watch on all Secrets, and all their data in memory) to
     * save one small read per cluster per minute.
     */
    private static DiagnosticsScheduler.SecretSource secrets(KubernetesClient client) {
        return (namespace, name) -> {
            try {
                return client.secrets().inNamespace(namespace).withName(name).get();
            } catch (KubernetesClientException e) {
                // Code and reason only: the message of a failed read may quote the request, never the data, but
                // a condition needs no more than why.
                throw new QueryFailure(QueryFailure.Kind.CREDENTIALS_MISSING, "cannot read Secret " + namespace
                        + "/" + name + (e.getCode() > 0 ? ": HTTP " + e.getCode() : ": " + e.getClass().getSimpleName())
                        + (e.getStatus() != null && e.getStatus().getReason() != null ? " " + e.getStatus().getReason()
                        : ""));
            }
        };
    }

    /**
     * Starts the informers and returns; once their first lists have arrived it campaigns for the Lease (or, without
     * leader election, starts the workers). A replica that cannot list yet never leads: it would reconcile on
     * caches in which "not found" means nothing.
     *
     * @param client         for informers, apply and status ({@code ClientSettings.DEFAULT})
     * @param electionClient for the Lease ({@code ClientSettings.LEADER_ELECTION}: calls end within the retry
     *                       period); unused without leader election, may then be null. The runtime closes neither,
     *                       except the Lease client when it must let the Lease expire rather than release it
     */
    public static ReconcilerRuntime start(KubernetesClient client, KubernetesClient electionClient,
                                          RuntimeOptions options, ReconcileLog log, ReconcilerMetrics metrics) {
        ReconcilerRuntime r = new ReconcilerRuntime(client, electionClient, options, log, metrics);
        r.caches.start((what, e) -> log.warn("watch failed; retrying", Map.of("resource", what, "error",
                describe(e instanceof Exception x ? x : new RuntimeException(e)))));
        Thread starter = new Thread(r::campaignWhenSynced, "reconciler-start");
        starter.setDaemon(true);
        starter.start();
        return r;
    }

    private void campaignWhenSynced() {
        try {
            while (!caches.hasSynced()) {
                if (closing.get()) {
                    return;
                }
                Thread.sleep(SYNC_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (closing.get()) {
                return;
            }
            log.info("caches synced", Map.of("identity", options.identity()));
            if (options.leaseNamespace().isPresent()) {
                election = LeaderElection.builder(electionClient, options.leaseNamespace().get(), options.leaseName())
                        .identity(options.identity())
                        .listener(new LeaderElection.Listener() {
                            @Override
                            public void startedLeading() {
                                startLeading();
                            }

                            @Override
                            public void stoppedLeading() {
                                // On the elector's thread, which must not wait for our workers: hand it off.
                                Thread t = new Thread(ReconcilerRuntime.this::stopLeading, "lost-lease");
                                t.setDaemon(true);
                                t.start();
                            }

                            @Override
                            public void newLeader(String holder) {
                                log.info("leader", Map.of("holder", holder, "me", options.identity()));
                            }
                        }).build();
                election.start();
            } else {
                startLeading();
            }
        }
    }

    public boolean hasSynced() {
        return caches.hasSynced();
    }

    public boolean isLeader() {
        return leading.get();
    }

    public ReconcilerMetrics metrics() {
        return metrics;
    }

    /** Completes when the runtime has stopped: true after {@link #close()}, false when it lost the Lease. */
    public CompletableFuture<Boolean> terminated() {
        return terminated;
    }

    private void startLeading() {
        leading.set(true);
        metrics.leader(true);
        log.info("leading: reconciling", Map.of("identity", options.identity(), "workers", options.workers()));
        workers.start(options.workers());
    }

    private void stopLeading() {
        boolean was = leading.getAndSet(false);
        metrics.leader(false);
        if (was && !closing.get()) {
            log.error("lost the leader Lease: stopping", Map.of("identity", options.identity()));
            shutdown(false);
        }
    }

    private void reconcileOnce(ObjectRef ref) {
        long t0 = System.nanoTime();
        try {
            Reconciler.Outcome o = reconciler.reconcile(ref);
            long nanos = System.nanoTime() - t0;
            if (o.result() != Reconciler.Result.SKIPPED) {
                metrics.reconciled(ref.kind(), o.result().name().toLowerCase(java.util.Locale.ROOT), nanos);
            }
            if (o.writes() > 0) {
                log.info("reconciled", fields(ref, Map.of("result", o.result().name().toLowerCase(java.util.Locale.ROOT),
                        "writes", o.writes(), "detail", o.detail(), "duration_ms", nanos / 1_000_000)));
            }
            metrics.applied(ref.kind(), o.applyWrites());
            if (o.statusWrites() > 0) {
                metrics.statusWritten(ref.kind());
            }
        } catch (RuntimeException e) {
            metrics.reconciled(ref.kind(), "error", System.nanoTime() - t0);
            throw e;
        }
    }

    /** SIGTERM: stop campaigning (releasing the Lease), let reconciles in flight finish, stop the informers. */
    @Override
    public void close() {
        shutdown(true);
    }

    private void shutdown(boolean graceful) {
        synchronized (this) {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
        }
        boolean finished = workers.stop(options.shutdownGrace());
        LeaderElection e = election;
        if (e != null) {
            if (!finished) {
                // A reconcile is still running: releasing would let the next leader write beside it. Cut the
                // Lease client instead, so the Lease expires (15 s) as if this process had died.
                log.warn("reconciles still running after the grace period: not releasing the Lease",
                        Map.of("identity", options.identity()));
                electionClient.close();
            }
            e.stop();
        }
        leading.set(false);
        metrics.leader(false);
        if (diagnostics != null) {
            diagnostics.close();
        }
        caches.close();
        log.info("stopped", Map.of("identity", options.identity(), "graceful", graceful, "workers_finished", finished));
        terminated.complete(graceful);
    }

    /**
     * A crash, for tests of take-over: informers and workers stop, the Lease is NOT released (it must expire), as
     * when the process is killed.
     */
    void crash() {
        synchronized (this) {
            closing.set(true);
        }
        queue.shutDown();
        if (diagnostics != null) {
            diagnostics.close();
        }
        caches.close();
        // Stopping the election would release the Lease; a dead process cannot. Its clients go instead: no
        // renewal, no write.
        client.close();
        if (electionClient != null) {
            electionClient.close();
        }
        terminated.complete(false);
    }

    private static Map<String, Object> fields(ObjectRef ref, Map<String, ?> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", ref.kind());
        m.put("namespace", ref.namespace());
        m.put("name", ref.name());
        m.putAll(more);
        return m;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m != null) {
            int nl = m.indexOf('\n');
            m = nl < 0 ? m : m.substring(0, nl);
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
