package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.FakeNodes;
import io.neo4jguard.kube.testenv.SimulatedClusterExtension;
import io.neo4jguard.reconciler.desired.ManagedLabels;
import io.neo4jguard.reconciler.loop.Caches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.neo4jguard.reconciler.Harness.await;
import static io.neo4jguard.reconciler.Harness.condition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler on a cluster without kubelets (kube-controller-manager, kube-scheduler, kwok): what issue 10's
 * proof asks of a running cluster. Servers spread over nodes by the default anti-affinity, pods Ready → cluster
 * Ready, scaling and a config roll, deletion garbage-collects everything but the data claims, backups run.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ClusterEndToEndIT {
    /** Pods start within seconds here; a minute covers a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static String ns;
    private static ReconcilerRuntime runtime;

    @BeforeAll
    static void start(KubernetesClient client, ControlPlane plane, FakeNodes nodes) throws Exception {
        Crds.install(client);
        nodes.ensure(3);
        ns = Harness.namespace(client, "e2e", Map.of());
        runtime = Harness.start(plane, Harness.options("e2e"));
        await("synced", WAIT, runtime::hasSynced);
    }

    @AfterAll
    static void stop(KubernetesClient client) {
        if (runtime != null) {
            runtime.close();
        }
        for (String kind : Caches.PRIMARY_KINDS) {
            client.genericKubernetesResources(Caches.context(kind)).inNamespace(ns).delete();
        }
    }

    private static GenericKubernetesResource cluster(KubernetesClient client, String name) {
        return Harness.get(client, ns, Kinds.CLUSTER, name);
    }

    private static List<Pod> serverPods(KubernetesClient client, String name) {
        return client.pods().inNamespace(ns).withLabel(ManagedLabels.INSTANCE, name)
                .withLabel(ManagedLabels.COMPONENT, ManagedLabels.COMPONENT_SERVER).list().getItems();
    }

    @Test
    void serversSpreadOverNodesBecomeReadyScaleRollAndAreCollectedButTheirDataIsKept(KubernetesClient client)
            throws Exception {
        Harness.create(client, ns, Harness.cluster("graph", 3, true));
        await("cluster Ready", WAIT, () -> "True".equals(condition(cluster(client, "graph"), "Ready")));
        List<Pod> pods = serverPods(client, "graph");
        assertThat(pods).hasSize(3);
        // The defaulted preferred anti-affinity, honoured by the real scheduler: one server per node.
        Set<String> placed = pods.stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
        assertThat(placed).hasSize(3).allMatch(n -> n.startsWith(FakeNodes.PREFIX));
        assertThat(condition(cluster(client, "graph"), "Progressing")).isEqualTo("False");

        // Scale 3 → 5: the StatefulSet and the PDB follow, and the two new servers become Ready.
        Harness.patch(client, ns, Kinds.CLUSTER, "graph", "{\"spec\":{\"topology\":{\"servers\":5}}}");
        await("5 servers Ready", WAIT, () -> {
            GenericKubernetesResource c = cluster(client, "graph");
            return "True".equals(condition(c, "Ready")) && status(c).get("readyServers") instanceof Number n
                    && n.intValue() == 5;
        });
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("graph-server").get()
                .getSpec().getMinAvailable().getIntVal()).isEqualTo(3);

        // A config change: new hash on the pod template, a rollout, every server on the new revision again.
        StatefulSet before = client.apps().statefulSets().inNamespace(ns).withName("graph-server").get();
        String oldRevision = before.getStatus().getUpdateRevision();
        Harness.patch(client, ns, Kinds.CLUSTER, "graph", "{\"spec\":{\"config\":{\"db.logs.query.enabled\":\"INFO\"}}}");
        await("rollout started", WAIT, () -> !oldRevision.equals(client.apps().statefulSets().inNamespace(ns)
                .withName("graph-server").get().getStatus().getUpdateRevision()));
        await("rolled and Ready", WAIT, () -> {
            GenericKubernetesResource c = cluster(client, "graph");
            return "True".equals(condition(c, "Ready"))
                    && ((Number) status(c).get("observedGeneration")).longValue() == c.getMetadata().getGeneration();
        });
        String newHash = client.apps().statefulSets().inNamespace(ns).withName("graph-server").get().getSpec()
                .getTemplate().getMetadata().getAnnotations().get(ManagedLabels.CONFIG_HASH);
        assertThat(serverPods(client, "graph")).hasSize(5).allSatisfy(p ->
                assertThat(p.getMetadata().getAnnotations().get(ManagedLabels.CONFIG_HASH)).isEqualTo(newHash));

        // Delete: the garbage collector takes every owned object; the data claims stay.
        List<String> claims = client.persistentVolumeClaims().inNamespace(ns).list().getItems().stream()
                .map(p -> p.getMetadata().getName()).filter(n -> n.contains("graph-server")).toList();
        assertThat(claims).hasSize(5);
        client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns).withName("graph").delete();
        await("owned objects collected", WAIT, () ->
                client.apps().statefulSets().inNamespace(ns).withName("graph-server").get() == null
                        && client.configMaps().inNamespace(ns).withName("graph-config").get() == null
                        && client.services().inNamespace(ns).withName("graph-headless").get() == null
                        && client.services().inNamespace(ns).withName("graph-client").get() == null
                        && client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("graph-server").get() == null
                        && client.serviceAccounts().inNamespace(ns).withName("graph-server").get() == null);
        for (String claim : claims) {
            assertThat(client.persistentVolumeClaims().inNamespace(ns).withName(claim).get())
                    .as("claim " + claim + " kept").isNotNull();
        }
    }

    @Test
    void aOneShotBackupRunsItsJobToSuccess(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("source", 3, true));
        Harness.create(client, ns, Harness.oneShotBackup("once", "source"));
        await("BackupSucceeded", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.BACKUP, "once"),
                "BackupSucceeded")));
        Map<String, Object> s = status(Harness.get(client, ns, Kinds.BACKUP, "once"));
        assertThat(s.get("lastSuccessTime")).isNotNull();
        assertThat(s.get("lastRunTime")).isNotNull();
        assertThat(((Number) s.get("failures")).intValue()).isZero();
        assertThat(client.batch().v1().jobs().inNamespace(ns).withLabel(ManagedLabels.INSTANCE, "once").list()
                .getItems()).hasSize(1);
    }

    @Test
    void aScheduledBackupIsACronJobThatHonoursSuspend(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("target", 3, true));
        Harness.create(client, ns, Harness.oneShotBackup("every-minute", "target")
                .replace("  instanceRef:", "  schedule: \"* * * * *\"\n  suspend: true\n  instanceRef:"));
        await("CronJob", WAIT, () -> client.batch().v1().cronjobs().inNamespace(ns)
                .withName("every-minute-backup-cron").get() != null);
        CronJob cron = client.batch().v1().cronjobs().inNamespace(ns).withName("every-minute-backup-cron").get();
        assertThat(cron.getSpec().getSchedule()).isEqualTo("* * * * *");
        assertThat(cron.getSpec().getSuspend()).isTrue();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        await("status says suspended", WAIT, () -> String.valueOf(Harness.conditionMessage(
                Harness.get(client, ns, Kinds.BACKUP, "every-minute"), "BackupSucceeded")).contains("suspended"));

        Harness.patch(client, ns, Kinds.BACKUP, "every-minute", "{\"spec\":{\"suspend\":false}}");
        await("resumed", WAIT, () -> !client.batch().v1().cronjobs().inNamespace(ns)
                .withName("every-minute-backup-cron").get().getSpec().getSuspend());
        // The CronJob controller works to the minute: the first run starts within about 60 s, then succeeds.
        await("a scheduled run succeeded", Duration.ofSeconds(180), () -> "True".equals(condition(
                Harness.get(client, ns, Kinds.BACKUP, "every-minute"), "BackupSucceeded")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(GenericKubernetesResource o) {
        Object s = o.getAdditionalProperties().get("status");
        return s instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

}
