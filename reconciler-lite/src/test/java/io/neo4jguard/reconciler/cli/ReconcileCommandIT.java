package io.neo4jguard.reconciler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.reconciler.ReconcilerRuntime;
import io.neo4jguard.reconciler.loop.Caches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code neo4j-guard reconcile} as an operator runs it: flags, the Lease, the JSON log, /metrics and /readyz on
 * the plain port, a cluster reconciled, and a clean stop with exit code 0.
 */
@ExtendWith(KubeApiServerExtension.class)
class ReconcileCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Port 1 on loopback: privileged, so no test process listens there. */
    private static final String CLOSED_BOLT = "bolt://127.0.0.1:1";

    @Test
    void runsReconcilesServesMetricsAndStopsCleanly(KubernetesClient client, ControlPlane plane) throws Exception {
        Crds.install(client);
        String ns = "cmd-" + ProcessHandle.current().pid();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                .addToLabels("team", "graph").endMetadata().build()).create();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcileCommand cmd = new ReconcileCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of(""));
        cmd.connection = () -> KubeClients.kubeconfig(plane.kubeconfig(), null);
        cmd.shutdownHook = false;
        CompletableFuture<ReconcilerRuntime> started = new CompletableFuture<>();
        cmd.onStarted = started::complete;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute(
                "--namespace-selector", "team in (graph)", "--metrics-port", "0", "--bind", "127.0.0.1",
                "--lease", ns + "/neo4j-guard-reconciler", "--workers", "2",
                // Loopback only (a closed port): no pod is ever Ready here, so nothing is dialled at all.
                "--bolt-address-template", CLOSED_BOLT));
        ReconcilerRuntime runtime = started.get(60, TimeUnit.SECONDS);

        JsonNode startLine = JSON.readTree(out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("reconciler started")).findFirst().orElseThrow());
        assertThat(startLine.path("level").asText()).isEqualTo("info");
        assertThat(startLine.path("leader_election").asText()).isEqualTo(ns + "/neo4j-guard-reconciler");
        assertThat(startLine.path("selection").asText()).contains("team in (graph)");
        assertThat(startLine.path("diagnostics").asText()).isEqualTo(CLOSED_BOLT);
        int port = startLine.path("metrics_port").asInt();
        assertThat(port).isPositive();

        GenericKubernetesResource c = Serialization.unmarshal("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.12-enterprise"}
                  topology: {servers: 3}
                  storage: {size: 10Gi}
                  resources: {limits: {memory: 4Gi}}
                """, GenericKubernetesResource.class);
        client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns).resource(c).create();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.apps().statefulSets().inNamespace(ns).withName("graph-server").get() == null) {
            assertThat(System.nanoTime()).as("StatefulSet in time").isLessThan(deadline);
            Thread.sleep(100);
        }

        // The diagnostics are wired from the command line: with no Ready server they say why they wait.
        while (!"ServersNotReady".equals(reason(client, ns, "ServersHealthy"))) {
            assertThat(System.nanoTime()).as("ServersHealthy in time").isLessThan(deadline);
            Thread.sleep(100);
        }

        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, port, "/readyz").statusCode()).isEqualTo(200);
        String metrics;
        do {
            metrics = get(http, port, "/metrics").body();
            assertThat(System.nanoTime()).as("reconcile counted in time").isLessThan(deadline);
        } while (!metrics.contains("neo4j_guard_reconcile_total{kind=\"Neo4jEnterpriseCluster\",result=\"success\"}"));
        assertThat(metrics).contains("neo4j_guard_leader 1.0", "neo4j_guard_workqueue_depth",
                "neo4j_guard_reconcile_duration_seconds_bucket", "neo4j_guard_apply_requests_total");
        assertThat(client.leases().inNamespace(ns).withName("neo4j-guard-reconciler").get().getSpec()
                .getHolderIdentity()).isNotBlank();

        runtime.close(); // what the SIGTERM hook does
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(client.leases().inNamespace(ns).withName("neo4j-guard-reconciler").get().getSpec()
                .getHolderIdentity()).as("released on a clean stop").isNullOrEmpty();
        // Every log line is one JSON object.
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(JSON.readTree(line).path("msg").asText()).isNotEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static String reason(KubernetesClient client, String ns, String type) {
        Object status = client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns)
                .withName("graph").get().getAdditionalProperties().get("status");
        if (!(status instanceof java.util.Map<?, ?> m) || !(m.get("conditions") instanceof java.util.List<?> l)) {
            return null;
        }
        return l.stream().map(c -> (java.util.Map<String, Object>) c).filter(c -> type.equals(c.get("type")))
                .map(c -> (String) c.get("reason")).findFirst().orElse(null);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
