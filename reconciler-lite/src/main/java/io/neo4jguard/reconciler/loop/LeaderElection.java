package io.neo4jguard.reconciler.loop;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease with fabric8's {@code LeaderElector}: only the holder
 * runs workers (and so writes); every replica keeps its informers warm.
 *
 * <p>Timings (client-go's defaults, which controller-runtime and Java Operator SDK also use):
 * <ul>
 *   <li>{@link #LEASE} 15 s: how long a Lease not renewed stays valid. A crashed leader's Lease expires at most
 *       15 s after its last renewal, and a standby retrying every {@link #RETRY} 2 s acquires it by
 *       15 + 2 = 17 s: within the 20 s we promise.</li>
 *   <li>{@link #RENEW_DEADLINE} 10 s: a leader that cannot renew for 10 s steps down by itself, 5 s before anyone
 *       else may take the Lease (15 - 10), so two replicas never write at once even with seconds of clock skew.</li>
 * </ul>
 * On SIGTERM the Lease is released, so a rolling update hands over at once rather than after 15 s.
 */
public final class LeaderElection implements AutoCloseable {
    public static final Duration LEASE = Duration.ofSeconds(15);
    public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration RETRY = Duration.ofSeconds(2);

    private final CompletableFuture<?> running;

    private LeaderElection(CompletableFuture<?> running) {
        this.running = running;
    }

    /**
     * Starts campaigning. {@code onStart} runs when this replica becomes leader, {@code onStop} when it loses or
     * gives up the Lease; {@code onNewLeader} with every observed holder's identity.
     */
    public static LeaderElection start(KubernetesClient client, String namespace, String leaseName, String identity,
                                       Runnable onStart, Runnable onStop, Consumer<String> onNewLeader) {
        var config = new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(LEASE)
                .withRenewDeadline(RENEW_DEADLINE)
                .withRetryPeriod(RETRY)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(onStart, onStop, onNewLeader::accept))
                .build();
        return new LeaderElection(client.leaderElector().withConfig(config).build().start());
    }

    /** Stops campaigning and releases the Lease if held. */
    @Override
    public void close() {
        running.cancel(true);
    }

    /** Completes when the elector has stopped (lost leadership, or closed). */
    public CompletableFuture<?> done() {
        return running;
    }
}
