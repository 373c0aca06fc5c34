package io.neo4jguard.webhook.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.kube.testenv.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kube-apiserver itself calls our webhooks: what a kubectl user sees for a refused and a risky cluster, the
 * mutating defaults as stored, server-side dry run, UPDATE and DELETE, status writes, and cross-object lookups
 * against what the API server holds. DELETE is registered too, so that "never blocked" is our server's answer
 * and not only the registration's.
 */
@ExtendWith(KubeApiServerExtension.class)
class AdmissionThroughApiServerIT {
    private static GuardedApiServer guard;
    private static String ns;

    @BeforeAll
    static void start(ControlPlane plane, KubernetesClient client, @TempDir Path certs) throws Exception {
        guard = GuardedApiServer.start(plane, client, certs);
        ns = guard.namespace("admission");
        guard.hooks.operations("CREATE", "UPDATE", "DELETE").register(client);
        // Registration reaches the API server's admission chain asynchronously: wait until a dry run is refused.
        GuardedApiServer.await("validating webhook active", () -> !kubectl("apply", "--dry-run=server",
                cluster("probe", 3, "2025.10.0-enterprise", "    server.memory.heap.max_size: \"4Gi\"\n")).ok());
    }

    @AfterAll
    static void stop() {
        if (guard != null) {
            guard.close();
        }
    }

    @Test
    void anInvalidClusterIsRefusedNamingTheFieldAndTheRule() {
        Kubectl.Result r = kubectl("apply", cluster("bad-heap", 3, "2025.10.0-enterprise",
                "    server.memory.heap.max_size: \"4Gi\"\n"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("spec.config[server.memory.heap.max_size]")
                .contains("memory.kubernetes-unit");
        assertThat(guard.clusters().inNamespace(ns).withName("bad-heap").get()).isNull();
    }

    @Test
    void aRiskyClusterIsAdmittedWithAWarningKubectlPrints() {
        Kubectl.Result r = kubectl("apply", cluster("two", 2, "2025.10.0-enterprise", ""));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).containsPattern("(?m)^Warning: .*topology\\.two-servers");
        assertThat(guard.clusters().inNamespace(ns).withName("two").get()).isNotNull();
    }

    @Test
    void aMemoryLimitAloneIsStoredWithHeapAndPageCacheAndReapplyingChangesNothing() {
        String manifest = cluster("sized", 3, "2025.10.0-enterprise", null);
        Kubectl.Result first = kubectl("apply", manifest);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        GenericKubernetesResource stored = guard.clusters().inNamespace(ns).withName("sized").get();
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) stored.getAdditionalProperties()
                .get("spec")).get("config");
        // 8Gi limit: what neo4j-admin server memory-recommendation --memory=8g prints (MemoryRecommendation),
        // written by the mutating webhook in Neo4j units.
        assertThat(config).containsEntry("server.memory.heap.initial_size", "3584m")
                .containsEntry("server.memory.heap.max_size", "3584m")
                .containsEntry("server.memory.pagecache.size", "2g");

        Kubectl.Result again = kubectl("apply", manifest);
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("unchanged");
        assertThat(guard.clusters().inNamespace(ns).withName("sized").get().getMetadata().getResourceVersion())
                .isEqualTo(stored.getMetadata().getResourceVersion());
    }

    @Test
    void serverSideDryRunIsSupportedAndStoresNothing() {
        Kubectl.Result ok = kubectl("apply", "--dry-run=server", cluster("dry", 3, "2025.10.0-enterprise", ""));
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("(server dry run)");
        assertThat(ok.stderr()).doesNotContain("does not support dry run");
        // The webhooks were called on the dry run: an invalid object is still refused.
        Kubectl.Result refused = kubectl("apply", "--dry-run=server", cluster("dry-bad", 3, "2025.10.0-enterprise",
                "    server.memory.heap.max_size: \"4Gi\"\n"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("memory.kubernetes-unit").doesNotContain("does not support dry run");
        assertThat(guard.clusters().inNamespace(ns).withName("dry").get()).isNull();
    }

    @Test
    void aDowngradeIsRefusedOnUpdate() {
        assertThat(kubectl("apply", cluster("upgraded", 3, "2025.10.0-enterprise", "")).exitCode()).isZero();
        Kubectl.Result r = kubectl("apply", cluster("upgraded", 3, "5.26.0-enterprise", ""));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("update.version-downgrade");
        assertThat(guard.clusters().inNamespace(ns).withName("upgraded").get().getAdditionalProperties().toString())
                .contains("2025.10.0-enterprise");
    }

    @Test
    void deleteIsNeverBlocked() {
        assertThat(kubectl("apply", cluster("doomed", 3, "2025.10.0-enterprise", "")).exitCode()).isZero();
        Kubectl.Result r = guard.plane.kubectl().run("delete", "-n", ns, Kinds.CLUSTER.toLowerCase() + "/doomed");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(guard.clusters().inNamespace(ns).withName("doomed").get()).isNull();
    }

    @Test
    void statusWritesAreNotIntercepted() {
        assertThat(kubectl("apply", cluster("observed", 3, "2025.10.0-enterprise", "")).exitCode()).isZero();
        Kubectl.Result r = guard.plane.kubectl().run("patch", "-n", ns, "neo4jenterpriseclusters/observed",
                "--subresource=status", "--type=merge", "-p", "{\"status\":{\"phase\":\"Ready\"}}");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(guard.clusters().inNamespace(ns).withName("observed").get().getAdditionalProperties().get("status"))
                .isEqualTo(Map.of("phase", "Ready"));
    }

    @Test
    void aDatabaseNeedsItsClusterToExistInTheApiServer() {
        String database = """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jDatabase
                metadata:
                  name: sales
                  namespace: %s
                spec:
                  clusterRef: orders
                  name: sales
                  wait: true
                  ifNotExists: true
                  topology:
                    primaries: 3
                """.formatted(ns);
        // The resolver starts its informers on the first lookup and is authoritative once synced: until then
        // a missing target is not a denial, so retry for a while.
        AtomicReference<Kubectl.Result> refused = new AtomicReference<>();
        GuardedApiServer.await("refusal of a database without its cluster", () -> {
            Kubectl.Result r = guard.plane.kubectl().runWithInput(database, "apply", "--dry-run=server", "-f", "-");
            refused.set(r);
            return !r.ok();
        });
        assertThat(refused.get().stderr()).contains("refs.target-missing").contains("orders");

        assertThat(kubectl("apply", cluster("orders", 3, "2025.10.0-enterprise", "")).exitCode()).isZero();
        AtomicReference<Kubectl.Result> admitted = new AtomicReference<>();
        GuardedApiServer.await("database admitted once its cluster exists", () -> {
            Kubectl.Result r = guard.plane.kubectl().runWithInput(database, "apply", "-f", "-");
            admitted.set(r);
            return r.ok();
        });
        assertThat(admitted.get().stdout()).contains("created");
    }

    private static Kubectl.Result kubectl(String verb, String manifest) {
        return guard.plane.kubectl().runWithInput(manifest, verb, "-f", "-");
    }

    private static Kubectl.Result kubectl(String verb, String flag, String manifest) {
        return guard.plane.kubectl().runWithInput(manifest, verb, flag, "-f", "-");
    }

    /**
     * A cluster that passes the CRD schema; with {@code config == null} it has a memory limit and nothing else
     * about memory (for the mutating webhook), otherwise requests = limits = 8Gi and heap 3g + page cache 2g
     * plus the given config lines.
     */
    static String cluster(String name, int servers, String tag, String config) {
        return cluster(name, ns, servers, tag, config);
    }

    static String cluster(String name, String namespace, int servers, String tag, String config) {
        String resources = config == null ? """
                  resources:
                    limits:
                      memory: 8Gi
                """ : """
                  resources:
                    requests:
                      cpu: "2"
                      memory: 8Gi
                    limits:
                      cpu: "4"
                      memory: 8Gi
                  config:
                    server.memory.heap.initial_size: "3g"
                    server.memory.pagecache.size: "2g"
                """ + (config.contains("heap.max_size") ? config : "    server.memory.heap.max_size: \"3g\"\n" + config);
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  acceptLicenseAgreement: "yes"
                  image:
                    repo: neo4j
                    tag: "%s"
                  topology:
                    servers: %d
                  storage:
                    className: standard
                    size: 100Gi
                """.formatted(name, namespace, tag, servers) + resources;
    }
}
