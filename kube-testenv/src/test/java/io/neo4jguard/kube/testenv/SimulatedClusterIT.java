package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated cluster behaves like a cluster for the objects the reconciler creates: the controllers, the
 * scheduler and kwok each do their part, and the results are asserted on the objects they write.
 */
@ExtendWith(SimulatedClusterExtension.class)
class SimulatedClusterIT {
    /**
     * Each step here is a handful of API round trips between four processes (a pod becomes Ready about a second
     * after its StatefulSet is created on an idle machine); two minutes covers a 2-core machine shared with
     * several parallel builds.
     */
    private static final long WAIT_SECONDS = 120;
    /**
     * A controller's burst of writes after a change lasts well under a second here; two seconds without one
     * says the burst is over and keeps the test short.
     */
    private static final long SETTLE_MILLIS = 2000;

    @Test
    void statefulSetWithHostnameAntiAffinityGetsOnePodPerNodeAndScales(KubernetesClient client, FakeNodes nodes) {
        nodes.ensure(3);
        String ns = TestNamespaces.create(client, "sts");
        client.resource(Workloads.statefulSet(ns, "db", 3, true)).create();

        StatefulSet ready = awaitReadyReplicas(client, ns, "db", 3);
        assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(3);
        List<Pod> pods = pods(client, ns, "db");
        assertThat(pods).hasSize(3).allSatisfy(SimulatedClusterIT::assertRunningReadyOnLoopback);
        assertThat(pods.stream().map(p -> p.getSpec().getNodeName()).distinct()).hasSize(3);
        // The claims exist (one per pod) and stay Pending: no provisioner runs, and nothing waits for them.
        assertThat(client.persistentVolumeClaims().inNamespace(ns).list().getItems())
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("data-db-0", "data-db-1", "data-db-2");

        nodes.ensure(5);
        client.apps().statefulSets().inNamespace(ns).withName("db").scale(5);
        awaitReadyReplicas(client, ns, "db", 5);
        assertThat(pods(client, ns, "db").stream().map(p -> p.getSpec().getNodeName()).distinct()).hasSize(5);

        // One replica more than there are nodes: the scheduler must leave it Pending (the anti-affinity is
        // enforced, not just a spreading preference that happened to hold).
        int allNodes = client.nodes().withLabel(FakeNodes.LABEL, FakeNodes.VALUE).list().getItems().size();
        client.apps().statefulSets().inNamespace(ns).withName("db").scale(allNodes + 1);
        String extra = "db-" + allNodes;
        Pod pending = client.pods().inNamespace(ns).withName(extra).waitUntilCondition(
                p -> p != null && condition(p, "PodScheduled") != null, WAIT_SECONDS, TimeUnit.SECONDS);
        PodCondition scheduled = condition(pending, "PodScheduled");
        assertThat(scheduled.getStatus()).isEqualTo("False");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).contains("anti-affinity");
        assertThat(pending.getSpec().getNodeName()).isNull();

        // Leave the shared cluster without a pod the scheduler keeps retrying.
        client.apps().statefulSets().inNamespace(ns).withName("db").delete();
    }

    /** A Job's pod succeeds (exit 0) and the Job completes, or, labelled to fail, fails (exit 1) and so does the Job. */
    @ParameterizedTest(name = "fail={0}")
    @CsvSource({"false, Complete, Succeeded, 0", "true, Failed, Failed, 1"})
    void jobPodRunsToItsOutcomeAndTheJobFollows(boolean fail, String jobCondition, String podPhase, int exitCode,
                                                KubernetesClient client, FakeNodes nodes) {
        nodes.ensure(1);
        String ns = TestNamespaces.create(client, fail ? "job-fail" : "job");
        client.resource(Workloads.job(ns, "backup", fail)).create();

        Job done = client.batch().v1().jobs().inNamespace(ns).withName("backup")
                .waitUntilCondition(j -> jobCondition(j, jobCondition), WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(fail ? done.getStatus().getFailed() : done.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(jobCondition(done, fail ? "Complete" : "Failed")).isFalse();
        Pod pod = client.pods().inNamespace(ns).withLabel("batch.kubernetes.io/job-name", "backup").list().getItems().get(0);
        assertThat(pod.getStatus().getPhase()).isEqualTo(podPhase);
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode()).isEqualTo(exitCode);
    }

    /** The one slow test: the CronJob controller acts on minute boundaries, so this takes up to a minute. */
    @Test
    void cronJobCreatesAJobOnItsSchedule(KubernetesClient client, FakeNodes nodes) {
        nodes.ensure(1);
        String ns = TestNamespaces.create(client, "cron");
        Job template = Workloads.job(ns, "unused", false);
        CronJob cron = new CronJobBuilder()
                .withNewMetadata().withName("backup-cron").withNamespace(ns).endMetadata()
                .withNewSpec().withSchedule("*/1 * * * *").withConcurrencyPolicy("Forbid")
                .withNewJobTemplate().withSpec(template.getSpec()).endJobTemplate()
                .endSpec().build();
        client.resource(cron).create();

        // At most 60 s to the next minute, plus the controller's reaction: WAIT_SECONDS covers both.
        Await.until(() -> !client.batch().v1().jobs().inNamespace(ns).list().getItems().isEmpty(), WAIT_SECONDS, "a Job of the CronJob");
        Job job = client.batch().v1().jobs().inNamespace(ns).list().getItems().get(0);
        assertThat(job.getMetadata().getName()).startsWith("backup-cron-");
        assertThat(job.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("CronJob"));
        CronJob after = client.batch().v1().cronjobs().inNamespace(ns).withName("backup-cron")
                .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getLastSuccessfulTime() != null,
                        WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(after.getStatus().getLastScheduleTime()).isNotNull();

        // A CronJob left behind would fire every minute for the rest of the run: noise in every later test
        // that counts requests.
        client.batch().v1().cronjobs().inNamespace(ns).withName("backup-cron").delete();
    }

    /**
     * What the reconciler's "a resync writes nothing" proof relies on: once a StatefulSet and its PDB have
     * settled, the simulated cluster itself writes none of the workload resources, only kwok's node leases
     * and events. Settled = no such write in {@value #SETTLE_MILLIS} ms; then a quiet window five times as long.
     */
    @Test
    void aSettledWorkloadGetsNoWritesFromTheSimulatedCluster(KubernetesClient client, FakeNodes nodes) throws Exception {
        nodes.ensure(3);
        String ns = TestNamespaces.create(client, "quiet");
        client.resource(Workloads.statefulSet(ns, "db", 3, true)).create();
        client.resource(new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName("db").withNamespace(ns).endMetadata()
                .withNewSpec().withMinAvailable(new IntOrString(2))
                .withNewSelector().withMatchLabels(Map.of("app", "db")).endSelector().endSpec().build()).create();
        awaitReadyReplicas(client, ns, "db", 3);

        ApiRequestCounts last = ApiRequestCounts.scrape(client);
        long settleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            Thread.sleep(SETTLE_MILLIS);
            ApiRequestCounts now = ApiRequestCounts.scrape(client);
            boolean quiet = now.since(last).writes(SimulatedClusterIT::workload).isEmpty();
            last = now;
            if (quiet) {
                break;
            }
            assertThat(System.nanoTime()).as("settled within " + WAIT_SECONDS + " s").isLessThan(settleDeadline);
        }
        Thread.sleep(5 * SETTLE_MILLIS);
        ApiRequestCounts window = ApiRequestCounts.scrape(client).since(last);
        System.out.println("[SimulatedClusterIT] writes in a " + 5 * SETTLE_MILLIS + " ms quiet window: "
                + window.writes(r -> true));
        assertThat(window.writes(SimulatedClusterIT::workload)).isEmpty();
    }

    /** Requests on anything but the node leases kwok renews and the events components post. */
    private static boolean workload(ApiRequestCounts.Request r) {
        return !r.resource().equals("leases") && !r.resource().equals("events");
    }

    @Test
    void deletingAnOwnerGarbageCollectsWhatItOwnsAndKeepsTheClaims(KubernetesClient client, FakeNodes nodes) {
        nodes.ensure(3);
        String ns = TestNamespaces.create(client, "gc");
        StatefulSet sts = client.resource(Workloads.statefulSet(ns, "db", 3, false)).create();
        awaitReadyReplicas(client, ns, "db", 3);
        // An object the test owns through a plain owner reference, like the reconciler's ConfigMap of a cluster.
        ConfigMap owned = new ConfigMapBuilder().withNewMetadata().withName("db-config").withNamespace(ns)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("StatefulSet").withName("db")
                .withUid(sts.getMetadata().getUid()).endOwnerReference()
                .endMetadata().withData(Map.of("neo4j.conf", "server.memory.heap.max_size=1g")).build();
        client.resource(owned).create();
        assertThat(client.apps().controllerRevisions().inNamespace(ns).list().getItems()).isNotEmpty();

        client.apps().statefulSets().inNamespace(ns).withName("db").delete();

        Await.until(() -> pods(client, ns, "db").isEmpty()
                && client.configMaps().inNamespace(ns).withName("db-config").get() == null
                && client.apps().controllerRevisions().inNamespace(ns).list().getItems().isEmpty(),
                WAIT_SECONDS, "pods, ConfigMap and ControllerRevisions of the deleted StatefulSet garbage-collected");
        // whenDeleted defaults to Retain: the claims (the data) outlive the StatefulSet.
        assertThat(client.persistentVolumeClaims().inNamespace(ns).list().getItems()).hasSize(3);
    }

    @Test
    void podDisruptionBudgetStatusIsComputed(KubernetesClient client, FakeNodes nodes) {
        nodes.ensure(3);
        String ns = TestNamespaces.create(client, "pdb");
        client.resource(Workloads.statefulSet(ns, "db", 3, false)).create();
        PodDisruptionBudget pdb = new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName("db").withNamespace(ns).endMetadata()
                .withNewSpec().withMinAvailable(new IntOrString(2))
                .withNewSelector().withMatchLabels(Map.of("app", "db")).endSelector().endSpec().build();
        client.resource(pdb).create();
        awaitReadyReplicas(client, ns, "db", 3);

        // Raft majority of 3 is 2: one server may be disrupted at a time.
        PodDisruptionBudget computed = client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("db")
                .waitUntilCondition(p -> p.getStatus() != null && Objects.equals(p.getStatus().getCurrentHealthy(), 3),
                        WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(computed.getStatus().getExpectedPods()).isEqualTo(3);
        assertThat(computed.getStatus().getDesiredHealthy()).isEqualTo(2);
        assertThat(computed.getStatus().getDisruptionsAllowed()).isEqualTo(1);
        assertThat(computed.getStatus().getObservedGeneration()).isEqualTo(computed.getMetadata().getGeneration());
    }

    private static void assertRunningReadyOnLoopback(Pod p) {
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(condition(p, "Ready").getStatus()).isEqualTo("True");
        assertThat(p.getStatus().getPodIP()).startsWith("127.1.");
        assertThat(p.getStatus().getHostIP()).isEqualTo(SimulatedCluster.NODE_IP);
    }

    private static StatefulSet awaitReadyReplicas(KubernetesClient client, String ns, String name, int n) {
        return client.apps().statefulSets().inNamespace(ns).withName(name).waitUntilCondition(
                s -> s != null && s.getStatus() != null && Objects.equals(s.getStatus().getReadyReplicas(), n),
                WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static List<Pod> pods(KubernetesClient client, String ns, String app) {
        return client.pods().inNamespace(ns).withLabel("app", app).list().getItems();
    }

    private static PodCondition condition(Pod p, String type) {
        if (p.getStatus() == null || p.getStatus().getConditions() == null) {
            return null;
        }
        return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static boolean jobCondition(Job j, String type) {
        return j != null && j.getStatus() != null && j.getStatus().getConditions() != null
                && j.getStatus().getConditions().stream()
                .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
