package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ApiRequestCounts;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.FakeNodes;
import io.neo4jguard.kube.testenv.SimulatedClusterExtension;
import io.neo4jguard.reconciler.loop.Caches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.neo4jguard.reconciler.Harness.await;
import static io.neo4jguard.reconciler.Harness.condition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 clusters (300 fake server pods) reach Ready under one reconciler process, run as in production
 * ({@code reconcile} in its own JVM with the launcher's long-running-server options); then full resyncs with
 * nothing changed make no write request at all, counted by the API server. The figures (time to Ready,
 * reconciles per second, the process's RSS) go to {@code target/reconciler-scale.txt}: measured, not asserted.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ScaleIT {
    private static final int CLUSTERS = 100;
    private static final Duration RESYNC = Duration.ofSeconds(5);
    /** 300 pods through controller manager, scheduler and kwok on a 2-core machine shared with builds. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final Pattern RECONCILES = Pattern.compile(
            "^neo4j_guard_reconcile_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern DURATION_SUM = Pattern.compile(
            "^neo4j_guard_reconcile_duration_seconds_sum\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

    @Test
    void hundredClustersReachReadyAndAnIdleResyncWritesNothing(KubernetesClient client, ControlPlane plane,
                                                              FakeNodes nodes) throws Exception {
        Crds.install(client);
        nodes.ensure(6);
        String label = "neo4j-guard.io/scale-" + ProcessHandle.current().pid();
        String ns = Harness.namespace(client, "scale", Map.of(label, "on"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "reconciler-scale.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The launcher's options for `reconcile` (the neo4j-guard script; keep the two alike).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx96m", "-Xss512k",
                "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), ReconcileMain.class.getName(),
                "--leader-elect=false", "--namespace-selector", label + "=on", "--resync", RESYNC.toSeconds() + "s",
                "--metrics-port", String.valueOf(port), "--bind", "127.0.0.1",
                // Its pods become Ready, and diagnostics would then dial <cluster>-client.<ns>.svc.cluster.local:
                // tests dial loopback only, and this one measures the reconciler, not Bolt.
                "--diagnostics=false"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KUBECONFIG", plane.kubeconfig().toString());
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        Process p = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await("reconciler ready", Duration.ofSeconds(120), () -> status(http, port, "/readyz") == 200);

            long t0 = System.nanoTime();
            for (int i = 0; i < CLUSTERS; i++) {
                Harness.create(client, ns, Harness.cluster("c" + i, 3, false));
            }
            await(CLUSTERS + " clusters Ready", READY_WITHIN, () -> readyCount(client, ns) == CLUSTERS);
            double readySeconds = (System.nanoTime() - t0) / 1e9;
            double reconcilesToReady = reconciles(http, port);

            // Settle: the last status writes of the convergence, the controller manager's last status updates.
            Thread.sleep(2 * RESYNC.toMillis());
            ApiRequestCounts before = ApiRequestCounts.scrape(client);
            double reconcilesBefore = reconciles(http, port);
            double secondsBefore = sum(http, port, DURATION_SUM);
            long w0 = System.nanoTime();
            // The window lasts until two full resyncs have been reconciled (each replays all 100), however slowly
            // a loaded machine runs them: the zero below then covers them for certain.
            await("two full resyncs", Duration.ofSeconds(120),
                    () -> uncheckedReconciles(http, port) - reconcilesBefore >= 2.0 * CLUSTERS);
            double window = (System.nanoTime() - w0) / 1e9;
            ApiRequestCounts delta = ApiRequestCounts.scrape(client).since(before);
            double idleReconciles = reconciles(http, port) - reconcilesBefore;
            double idleMillis = 1000 * (sum(http, port, DURATION_SUM) - secondsBefore) / idleReconciles;
            long rssKiB = rssKiB(p.pid());

            // Every resync reconciled all 100 again, and none of it was a write: no server-side apply anywhere
            // (only this reconciler applies), no write at all to our kinds.
            assertThat(idleReconciles).isGreaterThanOrEqualTo(2.0 * CLUSTERS);
            assertThat(delta.writes(Harness::reconcilerWrite)).isEmpty();

            String report = String.format(java.util.Locale.ROOT, """
                    reconciler-lite scale run (%d clusters, %d fake server pods, 6 fake nodes)
                    time to all Ready: %.1f s (reconciles during convergence: %.0f, %.1f/s)
                    idle resyncs (every %d s): %.0f reconciles in %.1f s (%.0f/s, paced by the resync), write requests: 0
                    mean time of an idle reconcile: %.2f ms (one worker could do %.0f/s)
                    reconciler RSS after convergence: %d MiB (JVM: %s)
                    """, CLUSTERS, 3 * CLUSTERS, readySeconds, reconcilesToReady, reconcilesToReady / readySeconds,
                    RESYNC.toSeconds(), idleReconciles, window, idleReconciles / window, idleMillis, 1000 / idleMillis, rssKiB / 1024,
                    String.join(" ", cmd.subList(1, 8)));
            Files.writeString(Path.of("target", "reconciler-scale.txt"), report);
            System.out.print(report);
        } finally {
            p.destroy(); // SIGTERM: the graceful path
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns).delete();
        }
        // The JVM's status after SIGTERM is 128 + 15 whatever its hooks do; the hook's own log line says how it went.
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(Files.readString(log)).contains("\"msg\":\"stopped\"").contains("\"graceful\":true")
                .contains("\"workers_finished\":true");
    }

    private static long readyCount(KubernetesClient client, String ns) {
        return client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns).list().getItems()
                .stream().filter((GenericKubernetesResource c) -> "True".equals(condition(c, "Ready"))).count();
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double uncheckedReconciles(HttpClient http, int port) {
        try {
            return reconciles(http, port);
        } catch (Exception e) {
            return -1;
        }
    }

    private static double reconciles(HttpClient http, int port) throws Exception {
        return sum(http, port, RECONCILES);
    }

    /** The sum over every series of one metric line pattern, from the reconciler's /metrics. */
    private static double sum(HttpClient http, int port, Pattern metric) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        Matcher m = metric.matcher(body);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
