package io.neo4jguard.kube.lease;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.ClientSettings;
import io.neo4jguard.kube.Connection;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas campaigning for one Lease on a real API server, each with its own client as two pods would have:
 * one leads at a time; a leader that dies without releasing is replaced within 20 s, never before its Lease
 * expired; a leader that stops gracefully hands over at once.
 */
@ExtendWith(KubeApiServerExtension.class)
class LeaderElectionIT {
    /** Time to elect a first leader: one look (at most 4.4 s) plus slack for a loaded machine. */
    private static final long ELECT_SECONDS = 30;
    private static final AtomicInteger LEASES = new AtomicInteger();
    private static String ns;
    private static Connection connection;

    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<LeaderElection> elections = new ArrayList<>();
    /** How many candidates believe they lead right now, and the most that ever did at once. */
    private final AtomicInteger leading = new AtomicInteger();
    private final AtomicInteger mostLeading = new AtomicInteger();

    @BeforeAll
    static void setUp(KubernetesClient admin, ControlPlane plane) {
        ns = "leases-" + ProcessHandle.current().pid();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .createOr(n -> n.update());
        connection = KubeClients.kubeconfig(plane.kubeconfig(), null);
    }

    @AfterEach
    void tearDown() {
        elections.forEach(LeaderElection::stop);
        clients.forEach(KubernetesClient::close);
    }

    /** One replica: its own client, and when it started leading. */
    private final class Candidate implements LeaderElection.Listener {
        final LeaderElection election;
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<Instant> startedAt = new AtomicReference<>();

        Candidate(String lease, String name, boolean releaseOnStop) {
            KubernetesClient client = KubeClients.client(connection, ClientSettings.LEADER_ELECTION);
            clients.add(client);
            election = LeaderElection.builder(client, ns, lease).identity(CandidateIdentity.of(v -> name))
                    .releaseOnStop(releaseOnStop).listener(this).build();
            elections.add(election);
        }

        @Override
        public void startedLeading() {
            startedAt.set(Instant.now());
            mostLeading.accumulateAndGet(leading.incrementAndGet(), Math::max);
            started.countDown();
        }

        @Override
        public void stoppedLeading() {
            leading.decrementAndGet();
        }
    }

    private static String newLease() {
        return "reconciler-" + LEASES.incrementAndGet();
    }

    private static Lease lease(KubernetesClient admin, String name) {
        return admin.leases().inNamespace(ns).withName(name).get();
    }

    /** Starts both and returns {leader, follower} once one leads. */
    private static Candidate[] elect(Candidate a, Candidate b) throws InterruptedException {
        a.election.start();
        b.election.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ELECT_SECONDS);
        while (!a.election.isLeader() && !b.election.isLeader()) {
            assertThat(System.nanoTime()).as("a leader within " + ELECT_SECONDS + " s").isLessThan(until);
            Thread.sleep(50);
        }
        return a.election.isLeader() ? new Candidate[] {a, b} : new Candidate[] {b, a};
    }

    @Test
    void exactlyOneOfTwoLeadsAndKeepsRenewing(KubernetesClient admin) throws Exception {
        String name = newLease();
        Candidate[] lf = elect(new Candidate(name, "pod-a", true), new Candidate(name, "pod-b", true));
        Candidate leader = lf[0];
        Candidate follower = lf[1];
        Lease first = lease(admin, name);
        // Three renewal periods and a bit: every sample sees the same single leader.
        long until = System.nanoTime() + LeaderElection.RETRY_PERIOD.multipliedBy(3).plusSeconds(1).toNanos();
        while (System.nanoTime() < until) {
            assertThat(leader.election.isLeader()).isTrue();
            assertThat(follower.election.isLeader()).isFalse();
            Thread.sleep(100);
        }
        Lease later = lease(admin, name);
        assertThat(later.getSpec().getHolderIdentity()).isEqualTo(leader.election.identity());
        assertThat(later.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
        assertThat(later.getSpec().getRenewTime()).as("the leader renews").isAfter(first.getSpec().getRenewTime());
        assertThat(follower.election.leader()).contains(leader.election.identity());
        assertThat(mostLeading.get()).isEqualTo(1);
    }

    @Test
    void aLeaderThatDiesWithoutReleasingIsReplacedWithin20SecondsAndNotBeforeItsLeaseExpired(KubernetesClient admin)
            throws Exception {
        String name = newLease();
        Candidate[] lf = elect(new Candidate(name, "pod-a", false), new Candidate(name, "pod-b", false));
        Candidate dead = lf[0];
        Candidate next = lf[1];
        dead.election.stop(); // as a kill: no release, no more renewals
        Lease left = lease(admin, name);
        assertThat(left.getSpec().getHolderIdentity()).as("not released").isEqualTo(dead.election.identity());
        Instant lastRenewal = left.getSpec().getRenewTime().toInstant();

        assertThat(next.started.await(40, TimeUnit.SECONDS)).as("the other replica takes over").isTrue();
        Duration takeOver = Duration.between(lastRenewal, next.startedAt.get());
        System.out.println("[leases] take-over " + takeOver.toMillis() + " ms after the dead leader's last renewal");
        assertThat(takeOver).as("take-over after the last renewal").isGreaterThanOrEqualTo(LeaderElection.LEASE_DURATION)
                .isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(lease(admin, name).getSpec().getHolderIdentity()).isEqualTo(next.election.identity());
        assertThat(mostLeading.get()).isEqualTo(1);
    }

    @Test
    void aGracefulStopReleasesTheLeaseAndTheOtherTakesItWithoutWaitingForExpiry(KubernetesClient admin)
            throws Exception {
        String name = newLease();
        Candidate[] lf = elect(new Candidate(name, "pod-a", true), new Candidate(name, "pod-b", true));
        Candidate old = lf[0];
        Candidate next = lf[1];
        Instant renewedBeforeStop = lease(admin, name).getSpec().getRenewTime().toInstant();
        Instant stoppedAt = Instant.now();
        old.election.stop();
        assertThat(old.election.isLeader()).isFalse();
        assertThat(lease(admin, name).getSpec().getHolderIdentity()).as("released by stop()")
                .isNotEqualTo(old.election.identity());

        assertThat(next.started.await(40, TimeUnit.SECONDS)).isTrue();
        Duration handOver = Duration.between(stoppedAt, next.startedAt.get());
        System.out.println("[leases] graceful hand-over " + handOver.toMillis() + " ms after stop()");
        // Without the release the Lease would be free only at its last renewal (at or after renewedBeforeStop)
        // plus 15 s; taking it sooner proves the hand-over did not wait for expiry.
        assertThat(next.startedAt.get()).as("hand-over after %s ms", handOver.toMillis())
                .isBefore(renewedBeforeStop.plus(LeaderElection.LEASE_DURATION));
        assertThat(lease(admin, name).getSpec().getHolderIdentity()).isEqualTo(next.election.identity());
        assertThat(old.election.ended()).isDone();
    }

    @Test
    void aLeaderThatFindsTheLeaseTakenStopsLeadingAndEndsItsCandidacy(KubernetesClient admin) throws Exception {
        String name = newLease();
        Candidate[] lf = elect(new Candidate(name, "pod-a", true), new Candidate(name, "pod-b", true));
        Candidate leader = lf[0];
        // Someone else writes the Lease (another controller, an operator with kubectl): the next renewal fails.
        // The leader renews every 2 s, so our read-modify-write can meet its write: retry on 409 Conflict.
        for (int attempt = 1; ; attempt++) {
            try {
                admin.leases().inNamespace(ns).withName(name).edit(l -> {
                    l.getSpec().setHolderIdentity("intruder");
                    return l;
                });
                break;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
        leader.election.ended().get(LeaderElection.RENEW_DEADLINE.toSeconds() + 20, TimeUnit.SECONDS);
        assertThat(leader.election.isLeader()).isFalse();
        assertThat(leading.get()).as("nobody believes it leads").isZero();
        assertThat(lf[1].election.isLeader()).isFalse();
    }

    @Test
    void aClientThatCouldHangPastTheRetryPeriodIsRefused() {
        try (KubernetesClient slow = KubeClients.client(connection, ClientSettings.DEFAULT)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeaderElection.builder(slow, ns, "x").build())
                    .hasMessageContaining("LEADER_ELECTION");
        }
    }
}
