package io.neo4jguard.kube.lease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.neo4jguard.kube.ClientSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replica's candidacy for a {@code coordination.k8s.io/v1} Lease, around fabric8's {@link LeaderElector} and
 * {@link LeaseLock}: at most one replica leads at a time, and when the leader dies another takes over.
 *
 * <h2>Timing</h2>
 * The leader renews the Lease every {@link #RETRY_PERIOD}; others may take it once {@link #LEASE_DURATION} has
 * passed since the last renewal written in it; they look every {@code RETRY_PERIOD} plus fabric8's jitter (up
 * to 1.2 times the period more: at most 4.4 s between looks).
 * <ul>
 *   <li><b>Take-over within 20 s of a leader dying.</b> A leader that dies (or is partitioned) without releasing
 *       stops renewing at some time {@code t}; its last renewal is at most {@code t}, so the Lease is free from
 *       {@code t + 15 s}, and the next look of a candidate comes at most 4.4 s later: it leads by
 *       {@code t + 19.4 s} plus one GET and one UPDATE of the Lease (milliseconds; at most 2 s each by
 *       {@link ClientSettings#LEADER_ELECTION}).</li>
 *   <li><b>No two leaders.</b> A leader whose renewals fail steps down once {@link #RENEW_DEADLINE} has passed
 *       since its last success. It checks between calls (every 2 s) and a hanging call is cut after 2 s, so it
 *       has stepped down by 10 + 2 + 2 = 14 s after its last renewal, before anyone may take over (15 s). The
 *       1 s left over is the allowance for clock skew: fabric8 compares the renewal time written by the
 *       leader's clock with the candidate's clock.</li>
 *   <li><b>Hand-over on a graceful stop</b> is immediate: {@link #stop()} releases the Lease (empty holder), and
 *       the next look of a candidate, at most 4.4 s later, takes it without waiting for expiry.</li>
 * </ul>
 * These are kube-controller-manager's and kube-scheduler's defaults: a reconciler that pauses for under 20 s
 * when its node is lost is acceptable, and the price is one Lease write every 2 s by the leader.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * LeaderElection election = LeaderElection.builder(client, "neo4j-guard", "neo4j-guard-reconciler")
 *         .listener(new LeaderElection.Listener() {
 *             public void startedLeading() { loop.start(); }
 *             public void stoppedLeading() { loop.stop(); }
 *         }).build();
 * election.start();
 * ...
 * election.stop(); // releases the Lease if this replica leads
 * }</pre>
 * Listener methods run on fabric8's elector thread: they must hand work off, not do it (a slow callback delays
 * the next renewal). A replica that loses the Lease while running (renewals failed, someone else holds it) does
 * not campaign again: its work may still be running against a world another leader now acts on, so the safe
 * reaction is the one controller-runtime and the Java Operator SDK take, stop and exit so the pod restarts
 * clean. {@link #ended()} tells when that happened.
 */
public final class LeaderElection implements AutoCloseable {
    public static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

    /** What a candidate hears. All methods default to doing nothing. */
    public interface Listener {
        /** This replica now holds the Lease: start the work only a leader does. */
        default void startedLeading() {
        }

        /** This replica no longer holds the Lease (stopped, released, or lost): stop that work now. */
        default void stoppedLeading() {
        }

        /** The Lease holder changed; empty when it was released and nobody holds it yet. */
        default void newLeader(String identity) {
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final Listener listener;
    private final boolean releaseOnStop;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String leader;
    private CompletableFuture<?> running;
    private boolean started;

    private LeaderElection(Builder b) {
        this.client = b.client;
        this.namespace = b.namespace;
        this.leaseName = b.leaseName;
        this.identity = b.identity;
        this.listener = b.listener;
        this.releaseOnStop = b.releaseOnStop;
    }

    /**
     * @param client a client whose requests end within {@link #RETRY_PERIOD} and are not retried inside fabric8
     *               ({@code KubeClients.client(connection, ClientSettings.LEADER_ELECTION)}); the election does
     *               not close it
     */
    public static Builder builder(KubernetesClient client, String namespace, String leaseName) {
        return new Builder(client, namespace, leaseName);
    }

    /** Campaigns from now on, in the background. Once only. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("a LeaderElection starts once; build another");
        }
        started = true;
        LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(LEASE_DURATION)
                .withRenewDeadline(RENEW_DEADLINE)
                .withRetryPeriod(RETRY_PERIOD)
                .withReleaseOnCancel(releaseOnStop)
                .withLeaderCallbacks(new LeaderCallbacks(this::onStart, this::onStop, this::onNewLeader))
                .build()).build();
        running = elector.start();
        running.whenComplete((v, e) -> {
            onStop();
            ended.complete(null);
        });
    }

    /**
     * Stops campaigning. A leader releases the Lease first (unless built with {@code releaseOnStop(false)}) and
     * hears {@link Listener#stoppedLeading()} before this returns. Idempotent.
     */
    public void stop() {
        CompletableFuture<?> r;
        synchronized (this) {
            r = running;
        }
        if (r != null) {
            // fabric8 releases and calls back on this thread, while the future's dependents run.
            r.cancel(true);
        }
        onStop();
        ended.complete(null);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isLeader() {
        return leading.get();
    }

    /** This replica's identity in the Lease. */
    public String identity() {
        return identity;
    }

    /** The holder this replica last saw in the Lease; empty before the first look or while nobody holds it. */
    public Optional<String> leader() {
        String l = leader;
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l);
    }

    /** Completes when this candidacy is over: stopped, or the Lease lost after leading. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    private void onStart() {
        if (leading.compareAndSet(false, true)) {
            listener.startedLeading();
        }
    }

    private void onStop() {
        if (leading.compareAndSet(true, false)) {
            listener.stoppedLeading();
        }
    }

    private void onNewLeader(String id) {
        leader = id;
        listener.newLeader(id == null ? "" : id);
    }

    /** Settings of one candidacy. */
    public static final class Builder {
        private final KubernetesClient client;
        private final String namespace;
        private final String leaseName;
        private String identity = CandidateIdentity.current();
        private Listener listener = new Listener() {
        };
        private boolean releaseOnStop = true;

        private Builder(KubernetesClient client, String namespace, String leaseName) {
            this.client = Objects.requireNonNull(client, "client");
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            this.leaseName = Objects.requireNonNull(leaseName, "leaseName");
        }

        /** Default: {@link CandidateIdentity#current()}. Must differ between replicas. */
        public Builder identity(String identity) {
            if (identity == null || identity.isBlank()) {
                throw new IllegalArgumentException("the identity is empty");
            }
            this.identity = identity;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Whether {@link #stop()} releases the Lease (default true). Set false when work started as leader may
         * still be running after {@code stop()} returns: the next leader then waits for the Lease to expire
         * instead of acting alongside it (client-go's {@code ReleaseOnCancel} rule).
         */
        public Builder releaseOnStop(boolean release) {
            this.releaseOnStop = release;
            return this;
        }

        public LeaderElection build() {
            int timeout = client.getConfiguration().getRequestTimeout();
            if (timeout <= 0 || timeout > RETRY_PERIOD.toMillis()) {
                throw new IllegalArgumentException("the client's request timeout (" + timeout + " ms) must be at most "
                        + "the retry period (" + RETRY_PERIOD.toMillis() + " ms): use ClientSettings.LEADER_ELECTION");
            }
            return new LeaderElection(this);
        }
    }
}
