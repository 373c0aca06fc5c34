package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault test on a control plane and cluster of its own: the API server is killed and restarted on the same
 * port with its data, and a fabric8 informer (the reconciler's kind of client), the controller manager, the
 * scheduler and kwok all carry on.
 */
class ApiServerRestartIT {
    /** Reconnects back off: fabric8's watch retries up to every 32 s, client-go's reflectors about as long. */
    private static final long WAIT_SECONDS = 120;

    private static ControlPlane plane;
    private static SimulatedCluster cluster;

    @BeforeAll
    static void start() {
        plane = ControlPlane.start(KubeBinaries.resolve(), ControlPlane.defaultWorkDir());
        cluster = SimulatedCluster.start(plane);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void informerAndSimulatedControllersReconnectAfterARestart() {
        KubernetesClient client = plane.client();
        cluster.nodes().ensure(1);
        String ns = TestNamespaces.create(client, "restart");
        client.resource(configMap(ns, "before")).create();
        try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(ns).inform()) {
            Await.until(() -> informer.getStore().getByKey(ns + "/before") != null, WAIT_SECONDS, "the informer's first list");

            plane.restartApiServer();

            assertThat(client.configMaps().inNamespace(ns).withName("before").get())
                    .as("etcd keeps the data across the restart").isNotNull();
            client.resource(configMap(ns, "after")).create();
            Await.until(() -> informer.getStore().getByKey(ns + "/after") != null, WAIT_SECONDS,
                    "the informer's watch after the restart");
        }
        client.resource(Workloads.job(ns, "backup", false)).create();
        var job = client.batch().v1().jobs().inNamespace(ns).withName("backup").waitUntilCondition(
                j -> j.getStatus() != null && Objects.equals(j.getStatus().getSucceeded(), 1), WAIT_SECONDS,
                TimeUnit.SECONDS);
        assertThat(job.getStatus().getSucceeded()).as("job controller, scheduler and kwok after the restart").isEqualTo(1);
        cluster.ensureRunning();
    }

    private static ConfigMap configMap(String ns, String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata().build();
    }
}
