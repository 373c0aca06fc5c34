package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeBinaries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;

import static io.neo4jguard.reconciler.Harness.await;
import static io.neo4jguard.reconciler.Harness.condition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API server killed and started again under a running reconciler (with its Lease): the informers reconnect
 * and a resource created after the restart is reconciled. A restart shorter than the renew deadline (10 s) keeps
 * the Lease; a longer one makes the leader stop (exit 1 in a pod, which Kubernetes restarts): then a fresh
 * process takes over, as the pod's restart would. On a control plane of its own: a restart of the shared one
 * would interrupt every other class of the run.
 */
class ApiServerRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static ControlPlane plane;

    @BeforeAll
    static void start() {
        plane = ControlPlane.start(KubeBinaries.resolve(), Path.of("target", "kube-testenv").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void reconnectsAfterARestartAndKeepsReconciling() throws Exception {
        KubernetesClient client = plane.client();
        Crds.install(client);
        String ns = Harness.namespace(client, "apirestart", Map.of());
        ReconcilerRuntime first = Harness.start(plane, Harness.options("survivor").withLeaderElection(ns, "lease"));
        ReconcilerRuntime runtime = first;
        try {
            Harness.create(client, ns, Harness.cluster("before", 3, true));
            await("reconciled before", WAIT, () -> client.apps().statefulSets().inNamespace(ns)
                    .withName("before-server").get() != null);

            plane.restartApiServer();
            if (first.terminated().isDone()) {
                assertThat(first.terminated().get()).as("stopped only for a lost Lease").isFalse();
                runtime = Harness.start(plane, Harness.options("restarted").withLeaderElection(ns, "lease"));
            }

            Harness.create(client, ns, Harness.cluster("after", 3, true));
            await("reconciled after the restart", WAIT, () -> "True".equals(condition(
                    Harness.get(client, ns, Kinds.CLUSTER, "after"), "Progressing")));
            assertThat(client.apps().statefulSets().inNamespace(ns).withName("after-server").get()).isNotNull();
            assertThat(runtime.terminated()).as("running and leading").isNotDone();
            assertThat(runtime.isLeader()).isTrue();
        } finally {
            first.close();
            runtime.close();
        }
    }
}
