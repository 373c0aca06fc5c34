package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.reconciler.desired.ManagedLabels;
import io.neo4jguard.reconciler.loop.Caches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.neo4jguard.reconciler.Harness.await;
import static io.neo4jguard.reconciler.Harness.condition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler killed in the middle of its work and started again: it converges from what is in the API server
 * alone, creates nothing twice, loses nothing, and picks up a change made while it was down.
 */
@ExtendWith(KubeApiServerExtension.class)
class RestartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static String ns;

    @BeforeAll
    static void setUp(KubernetesClient client) {
        Crds.install(client);
        ns = Harness.namespace(client, "restart", Map.of());
    }

    @AfterAll
    static void clean(KubernetesClient client) {
        for (String kind : Caches.PRIMARY_KINDS) {
            client.genericKubernetesResources(Caches.context(kind)).inNamespace(ns).delete();
        }
    }

    @Test
    void killedMidReconcileAndRestartedItConvergesWithNoDuplicateAndNothingLost(KubernetesClient client,
                                                                                 ControlPlane plane) throws Exception {
        ReconcilerRuntime first = Harness.start(plane, Harness.options("first"));
        await("synced", WAIT, first::hasSynced);
        Harness.create(client, ns, Harness.cluster("graph", 3, true));
        Harness.create(client, ns, Harness.oneShotBackup("nightly", "graph"));
        // Kill it as soon as its first object is in: the cluster's remaining objects and its status are not.
        await("first object applied", WAIT,
                () -> client.serviceAccounts().inNamespace(ns).withName("graph-server").get() != null);
        first.crash();
        Job jobBefore = client.batch().v1().jobs().inNamespace(ns).withName("nightly-backup").get();

        // A change while nobody is reconciling.
        Harness.patch(client, ns, Kinds.CLUSTER, "graph", "{\"spec\":{\"topology\":{\"servers\":5}}}");

        ReconcilerRuntime second = Harness.start(plane, Harness.options("second"));
        try {
            await("the change reached the StatefulSet", WAIT, () -> {
                var sts = client.apps().statefulSets().inNamespace(ns).withName("graph-server").get();
                return sts != null && sts.getSpec().getReplicas() == 5;
            });
            await("backup status", WAIT, () -> condition(Harness.get(client, ns, Kinds.BACKUP, "nightly"),
                    "BackupSucceeded") != null);
            assertThat(client.configMaps().inNamespace(ns).withName("graph-config").get()).isNotNull();
            assertThat(client.services().inNamespace(ns).withName("graph-headless").get()).isNotNull();
            assertThat(client.services().inNamespace(ns).withName("graph-client").get()).isNotNull();
            assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("graph-server").get())
                    .isNotNull();
            List<Job> jobs = client.batch().v1().jobs().inNamespace(ns)
                    .withLabel(ManagedLabels.INSTANCE, "nightly").list().getItems();
            assertThat(jobs).as("one backup Job, however often it was reconciled").hasSize(1);
            if (jobBefore != null) {
                assertThat(jobs.get(0).getMetadata().getUid()).as("the same Job, not a re-creation")
                        .isEqualTo(jobBefore.getMetadata().getUid());
            }
            GenericKubernetesResource c = Harness.get(client, ns, Kinds.CLUSTER, "graph");
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) c.getAdditionalProperties().get("status");
            await("status of generation 2", WAIT, () -> {
                GenericKubernetesResource now = Harness.get(client, ns, Kinds.CLUSTER, "graph");
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) now.getAdditionalProperties().get("status");
                return s != null && ((Number) s.get("observedGeneration")).longValue() == now.getMetadata().getGeneration();
            });
        } finally {
            second.close();
        }
    }
}
