package io.neo4jguard.reconciler.diagnostics;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.ClientSettings;
import io.neo4jguard.kube.Connection;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.FakeNodes;
import io.neo4jguard.kube.testenv.SimulatedClusterExtension;
import io.neo4jguard.reconciler.ReconcilerRuntime;
import io.neo4jguard.reconciler.RuntimeOptions;
import io.neo4jguard.reconciler.loop.Caches;
import io.neo4jguard.reconciler.loop.NamespaceSelector;
import io.neo4jguard.reconciler.observe.ReconcileLog;
import io.neo4jguard.reconciler.observe.ReconcilerMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's Bolt diagnostics end to end: the reconciler against the real kube-apiserver with controller manager,
 * scheduler and kwok (so the StatefulSet's pods become Ready as in a cluster), its diagnostics pointed at the
 * in-process Neo4j 5.26 Community on loopback, the admin password read from a Secret through the API server.
 *
 * <p>What the real server can show: SHOW DATABASES (system and neo4j online, with the address it advertises), a
 * wrong password refused, a closed port. What it cannot: SHOW SERVERS is Enterprise-only, so ServersHealthy is
 * Unknown/NotAvailableOnCommunity here; the Enterprise server states are proven on the summariser with the fake
 * query layer ({@code ClusterSummariserTest}).
 */
@ExtendWith({SimulatedClusterExtension.class, EmbeddedNeo4j.Resolver.class})
class ReconcilerDiagnosticsIT {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String WRONG_PASSWORD = "Wrong-Admin-2c81d4-p4ss";
    /** Same reasoning as BoltDiagnosticsIT's ANSWERING: a loaded two-core machine, the server in this JVM. */
    private static final DiagnosticsBounds ANSWERING = new DiagnosticsBounds(Duration.ofSeconds(30),
            Duration.ofSeconds(60));
    /** Reconciles every second: a diagnosis driven by reconciles instead of its retry hint would show at once. */
    private static final Duration RESYNC = Duration.ofSeconds(1);
    private static final String SELECT = "neo4j-guard.io/diag-it-" + ProcessHandle.current().pid();

    private static JulCapture jul;
    private static final ByteArrayOutputStream reconcilerLog = new ByteArrayOutputStream();
    private static final List<String> figures = Collections.synchronizedList(new ArrayList<>());

    private static EmbeddedNeo4j neo4j;
    private static KubernetesClient client;
    private static ReconcilerRuntime answering;
    private static ReconcilerRuntime closed;
    private static String answeringNs;
    private static String closedNs;
    private static int closedPort;

    @BeforeAll
    static void start(KubernetesClient admin, ControlPlane plane, FakeNodes nodes, EmbeddedNeo4j started)
            throws Exception {
        neo4j = started;
        client = admin;
        jul = JulCapture.install();
        Crds.install(client);
        nodes.ensure(2);
        answeringNs = namespace("answering");
        closedNs = namespace("closed");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // closed again at once: nothing listens there
        }
        PrintStream log = new PrintStream(reconcilerLog, true, StandardCharsets.UTF_8);
        // Two reconcilers, each for its own namespace: one pointed at the embedded server, one at the closed port.
        answering = start(plane, answeringNs, neo4j.bolt().toString(), log);
        closed = start(plane, closedNs, "bolt://127.0.0.1:" + closedPort, log);
        await("caches synced", () -> answering.hasSynced() && closed.hasSynced());
    }

    private static ReconcilerRuntime start(ControlPlane plane, String ns, String template, PrintStream log) {
        Connection c = KubeClients.kubeconfig(plane.kubeconfig(), null);
        RuntimeOptions options = RuntimeOptions.defaults("diag-" + ns).withWorkers(2).withResync(RESYNC)
                .withNamespaces(NamespaceSelector.parse(SELECT + "=" + ns))
                .withDiagnostics(DiagnosticsOptions.on(template).withBounds(ANSWERING));
        return ReconcilerRuntime.start(KubeClients.client(c, ClientSettings.DEFAULT), null, options,
                ReconcileLog.to(log), new ReconcilerMetrics());
    }

    @AfterAll
    static void stop() throws IOException {
        for (ReconcilerRuntime r : new ReconcilerRuntime[] {answering, closed}) {
            if (r != null) {
                r.close();
            }
        }
        if (jul != null) {
            jul.remove();
        }
        if (client != null) {
            for (String ns : new String[] {answeringNs, closedNs}) {
                if (ns != null) {
                    clusters(ns).delete();
                }
            }
        }
        Path out = Path.of("target", "reconciler-diagnostics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures);
        figures.forEach(System.out::println);
    }

    @Test
    void aReadyClusterGetsWhatTheRealServerSaysAndAWrongPasswordIsAConditionWithoutThePassword() throws Exception {
        secret(answeringNs, "neo4j-admin-secret", EmbeddedNeo4j.PASSWORD);
        create(answeringNs, "graph", "");
        await("graph: DatabasesHealthy from the server, all pods Ready", () -> "True".equals(status(answeringNs,
                "graph", "DatabasesHealthy")) && "True".equals(status(answeringNs, "graph", "Ready")));
        GenericKubernetesResource graph = clusters(answeringNs).withName("graph").get();
        Map<String, Object> servers = condition(graph, "ServersHealthy");
        assertThat(servers).containsEntry("status", "Unknown").containsEntry("reason", "NotAvailableOnCommunity");
        assertThat(condition(graph, "DatabasesHealthy")).containsEntry("reason", "AllDatabasesAsRequested");
        Map<String, Object> diagnostics = field(graph, "diagnostics");
        assertThat(diagnostics).containsEntry("address", neo4j.bolt().toString()).doesNotContainKey("servers");
        Map<String, Object> databases = asMap(diagnostics.get("databases"));
        assertThat(databases).containsEntry("total", 2).containsEntry("asRequested", 2);
        assertThat(databases.get("members").toString()).contains("name=neo4j", "name=system",
                "address=" + EmbeddedNeo4j.ADVERTISED_HOST + ":7687", "currentStatus=online");
        ReconcilerMetrics m = answering.metrics();
        figures.add(String.format("diagnosis against the embedded Neo4j 5.26 Community (Secret GET + SHOW SERVERS + "
                + "SHOW DATABASES): %.1f ms mean over %d rounds", mean(m), (long) m.diagnoses()));

        // The same address with a Secret holding a wrong password (the user "neo4j" is the Secret's default).
        secret(answeringNs, "wrong-admin", WRONG_PASSWORD);
        create(answeringNs, "locked", "  auth: {adminSecret: wrong-admin}\n");
        await("locked: AuthenticationFailed", () -> "AuthenticationFailed".equals(reason(answeringNs, "locked",
                "ServersHealthy")));
        GenericKubernetesResource locked = clusters(answeringNs).withName("locked").get();
        for (String type : List.of("ServersHealthy", "DatabasesHealthy")) {
            assertThat(condition(locked, type)).containsEntry("status", "Unknown")
                    .containsEntry("reason", "AuthenticationFailed");
            assertThat((String) condition(locked, type).get("message")).contains("refused user neo4j")
                    .doesNotContain(WRONG_PASSWORD);
        }
        assertThat(field(locked, "diagnostics")).containsOnlyKeys("address");
        // A wrong password must not lock the admin out: stop asking before Neo4j's 3 failed logins lock the user.
        clusters(answeringNs).withName("locked").delete();

        String statuses = Serialization.asJson(clusters(answeringNs).list());
        String log = reconcilerLog.toString(StandardCharsets.UTF_8);
        for (String password : List.of(EmbeddedNeo4j.PASSWORD, WRONG_PASSWORD)) {
            assertThat(statuses).as("no password in any status").doesNotContain(password);
            assertThat(log).as("no password in the reconciler's log").doesNotContain(password);
            assertThat(jul.text()).as("no password in the JVM's log (the driver's)").doesNotContain(password);
        }
    }

    @Test
    void anUnreachableClusterIsAConditionAndIsAskedAtTheRetryHintsPaceNotAtEachReconcile() throws Exception {
        secret(closedNs, "neo4j-admin-secret", EmbeddedNeo4j.PASSWORD);
        ReconcilerMetrics m = closed.metrics();
        double reconciles0 = m.reconciles();
        create(closedNs, "down", "");
        // Every finished round, timed by polling the counter every 100 ms, for 50 s from the first: RetryHint puts
        // them at 0 s, 15 s and 45 s (15 s doubling), while the 1 s resync reconciles the cluster ~50 times. Each
        // round is one Bolt connection attempt (the second query is not sent after a connection failure).
        List<Long> rounds = new ArrayList<>();
        double seen = m.diagnoses();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rounds.isEmpty() || System.nanoTime() - rounds.get(0) < Duration.ofSeconds(50).toNanos()) {
            assertThat(System.nanoTime()).as("a first round in time").isLessThan(deadline);
            for (double now = m.diagnoses(); seen < now; seen++) {
                rounds.add(System.nanoTime());
            }
            Thread.sleep(100);
        }
        double reconciles = m.reconciles() - reconciles0;
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < rounds.size(); i++) {
            gaps.add((rounds.get(i) - rounds.get(i - 1)) / 1e9);
        }
        figures.add(String.format("closed port: %d Bolt attempts in the 50 s from the first, gaps %s s (%d reconciles "
                + "of the cluster meanwhile)", rounds.size(), gaps.stream().map(g -> String.format("%.1f", g)).toList(),
                (long) reconciles));
        assertThat(reconciles).as("the resync kept reconciling").isGreaterThanOrEqualTo(10);
        assertThat(rounds).as("attempts in 50 s: the first, the 15 s and the 45 s retry").hasSizeBetween(2, 3);
        // 0.2 s below the hint: two 100 ms polls of timing error.
        assertThat(gaps.get(0)).as("first retry after RetryHint.FIRST_RETRY").isGreaterThanOrEqualTo(14.8);
        if (gaps.size() > 1) {
            assertThat(gaps.get(1)).as("then doubled").isGreaterThanOrEqualTo(29.8);
        }

        await("down: Unreachable, all pods Ready", () -> "Unreachable".equals(reason(closedNs, "down",
                "ServersHealthy")) && "True".equals(status(closedNs, "down", "Ready")));
        GenericKubernetesResource down = clusters(closedNs).withName("down").get();
        for (String type : List.of("ServersHealthy", "DatabasesHealthy")) {
            assertThat(condition(down, type)).containsEntry("status", "Unknown").containsEntry("reason", "Unreachable");
            assertThat((String) condition(down, type).get("message")).contains("127.0.0.1:" + closedPort);
        }
        assertThat(condition(down, "Ready")).as("the pods are Ready; Bolt is what fails").containsEntry("status", "True");
    }

    private static double mean(ReconcilerMetrics m) {
        var timer = m.registry().find("neo4j_guard_diagnostics_duration").timer();
        return timer == null ? Double.NaN : timer.mean(TimeUnit.MILLISECONDS);
    }

    private static String namespace(String prefix) {
        String name = "diag-" + prefix + "-" + ProcessHandle.current().pid();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(SELECT, name).endMetadata().build()).create();
        return name;
    }

    private static void secret(String ns, String name, String password) {
        client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
                .addToStringData("password", password).build()).create();
    }

    private static void create(String ns, String name, String extraSpec) {
        GenericKubernetesResource c = Serialization.unmarshal("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: %s}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.12-enterprise"}
                  topology: {servers: 2}
                  storage: {size: 10Gi}
                  resources: {limits: {memory: 4Gi}}
                %s""".formatted(name, extraSpec), GenericKubernetesResource.class);
        clusters(ns).resource(c).create();
    }

    private static io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> clustersOp() {
        return client.genericKubernetesResources(Caches.context(Kinds.CLUSTER));
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> clusters(String ns) {
        return clustersOp().inNamespace(ns);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> field(GenericKubernetesResource o, String name) {
        return asMap(asMap(o.getAdditionalProperties().get("status")).get(name));
    }

    private static Map<String, Object> condition(GenericKubernetesResource o, String type) {
        Object list = asMap(o == null ? null : o.getAdditionalProperties().get("status")).get("conditions");
        if (!(list instanceof List<?> l)) {
            return Map.of();
        }
        return l.stream().map(ReconcilerDiagnosticsIT::asMap).filter(c -> type.equals(c.get("type"))).findFirst()
                .orElse(Map.of());
    }

    private static String status(String ns, String name, String type) {
        return (String) condition(clusters(ns).withName(name).get(), type).get("status");
    }

    private static String reason(String ns, String name, String type) {
        return (String) condition(clusters(ns).withName(name).get(), type).get("reason");
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out after %d s waiting for %s", WAIT.toSeconds(), what)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
