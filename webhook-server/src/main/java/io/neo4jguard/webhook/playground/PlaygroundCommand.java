package io.neo4jguard.webhook.playground;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.core.Validator;
import io.neo4jguard.kube.resolve.ApiServerResolver;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.FakeNodes;
import io.neo4jguard.kube.testenv.KubeBinaries;
import io.neo4jguard.kube.testenv.KubeTestEnvException;
import io.neo4jguard.kube.testenv.SimulatedCluster;
import io.neo4jguard.kube.testenv.WebhookRegistration;
import io.neo4jguard.reconciler.ReconcilerRuntime;
import io.neo4jguard.reconciler.RuntimeOptions;
import io.neo4jguard.reconciler.loop.NamespaceSelector;
import io.neo4jguard.reconciler.observe.ReconcileLog;
import io.neo4jguard.reconciler.observe.ReconcilerMetrics;
import io.neo4jguard.webhook.ServerConfig;
import io.neo4jguard.webhook.WebhookServer;
import io.neo4jguard.webhook.observe.JsonLog;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code neo4j-guard playground}: neo4j-guard end to end without a cluster. A real kube-apiserver and etcd on
 * loopback (kube-testenv's, built into the cache on first use), with kube-controller-manager, kube-scheduler and
 * kwok's fake nodes so workloads are scheduled as in a cluster ({@link SimulatedCluster}), our CRDs installed,
 * the webhooks and the reconciler running in this process (the webhooks registered with the API server, the
 * reconciler managing everything in the namespace {@value #NAMESPACE}), a kubeconfig to point kubectl at. It runs
 * until Ctrl-C (or SIGTERM), which stops the API server and etcd and leaves no process behind.
 */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Runs a local kube-apiserver with neo4j-guard's webhooks registered and its reconciler managing "
                + "the namespace " + PlaygroundCommand.NAMESPACE + ", to try them with kubectl "
                + "(Ctrl-C stops everything). First use builds the API server from Go modules (minutes).")
public final class PlaygroundCommand implements Callable<Integer> {
    /** What the test (and a user's script) waits for: everything below it is running. */
    public static final String READY = "Ready. Ctrl-C stops the playground.";
    /** Where runs, samples and the decision log go: under the working directory, git-ignored. */
    static final String DIR = ".neo4j-guard/playground";
    /** Three fake nodes, one per zone of {@link FakeNodes#ZONES}: what a three-server cluster spreads over. */
    static final int NODES = 3;
    /** The namespace of the tries: kubectl's default, so a user's plain {@code kubectl apply} lands in it. */
    static final String NAMESPACE = "default";
    /**
     * The label the playground puts on {@link #NAMESPACE} and the reconciler selects namespaces by: the one the
     * chart and {@code reconcile --namespace-selector} document, so what a user sees here is how a cluster is set up
     * (objects annotated {@code neo4j-guard.io/reconcile: "true"} elsewhere are managed too).
     */
    static final String MANAGED = "neo4j-guard.io/managed";

    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    public PlaygroundCommand(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createDirectories(cwd.resolve(DIR));
        err.println("neo4j-guard playground: starting etcd and kube-apiserver on loopback "
                + "(first use builds them into ~/.cache/neo4j-guard/kube: minutes, with progress below)");
        ControlPlane plane;
        try {
            plane = ControlPlane.start(KubeBinaries.resolve(), dir);
        } catch (KubeTestEnvException e) {
            err.println("neo4j-guard: cannot start the playground: " + e.getMessage());
            return 2;
        }
        Running running = new Running(plane);
        // Ctrl-C and SIGTERM run shutdown hooks: the one place that tears down, whatever way the JVM ends.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "playground-stop"));
        try {
            running.start(dir);
        } catch (IOException | RuntimeException e) {
            err.println("neo4j-guard: cannot start the playground: " + e.getMessage());
            running.close();
            return 2;
        }
        printTries(dir, plane);
        stopped.await(); // until a signal; the JVM then exits with the signal's status
        return 0;
    }

    private void printTries(Path dir, ControlPlane plane) throws IOException {
        Path good = sample(dir, "good-cluster.yaml");
        Path bad = sample(dir, "bad-cluster.yaml");
        Path backup = sample(dir, "nightly-backup.yaml");
        String kubectl = plane.binaries().kubectl().toString();
        out.println();
        out.println("The API server runs at " + plane.url() + " with neo4j-guard's webhooks registered; its reconciler"
                + " manages namespaces labelled " + MANAGED + "=true (the playground labelled " + NAMESPACE + ")"
                + " and objects annotated neo4j-guard.io/reconcile=true. In another shell:");
        out.println();
        out.println("  export KUBECONFIG=" + plane.kubeconfig());
        out.println("  alias kubectl=" + kubectl + "   # kubectl of the same release, if you have none");
        out.println();
        out.println("Things to try:");
        out.println("  1. a good cluster, stored with neo4j-guard's defaults (heap, page cache, placement):");
        out.println("       kubectl apply -f " + good);
        out.println("       kubectl get neo4jenterprisecluster good -o yaml");
        out.println("  2. a bad cluster, refused with the reasons:");
        out.println("       kubectl apply -f " + bad);
        out.println("  3. the good cluster becomes a StatefulSet with Ready pods on the fake nodes, and a scheduled backup");
        out.println("     becomes the CronJob nightly-backup-cron:");
        out.println("       kubectl apply -f " + backup);
        out.println("       kubectl get statefulset,pods,cronjob");
        out.println("  4. anything of your own: kubectl apply -f your-cluster.yaml");
        out.println("     (kubectl get nodes: " + NODES + " fake nodes run what gets scheduled, a pod is Running"
                + " without a container)");
        out.println();
        out.println("The webhooks' decisions are logged to " + dir.resolve("webhook.log") + ", the reconciler's to "
                + dir.resolve("reconciler.log") + ".");
        out.println(READY);
        out.flush();
    }

    private static Path sample(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = PlaygroundCommand.class.getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** The parts that run until the end, closed in reverse order of starting. */
    private final class Running implements AutoCloseable {
        private final ControlPlane plane;
        private SimulatedCluster cluster;
        private ApiServerResolver resolver;
        private WebhookServer server;
        private KubernetesClient reconcilerClient;
        private ReconcilerRuntime reconciler;
        private PrintStream log;
        private PrintStream reconcileLog;
        private boolean closed;

        Running(ControlPlane plane) {
            this.plane = plane;
        }

        void start(Path dir) throws IOException {
            err.println("neo4j-guard playground: starting kube-controller-manager, kube-scheduler and kwok with "
                    + NODES + " fake nodes");
            cluster = SimulatedCluster.start(plane);
            cluster.nodes().ensure(NODES);
            err.println("neo4j-guard playground: installing the CRDs");
            Crds.install(plane.client(), crds());
            Path certs = dir.resolve("certs");
            CertDir.ensure(certs, CertRequest.loopback(), Clock.systemUTC());
            log = new PrintStream(Files.newOutputStream(dir.resolve("webhook.log"), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
            resolver = new ApiServerResolver(plane::newClient);
            err.println("neo4j-guard playground: starting the webhooks and registering them");
            server = WebhookServer.start(ServerConfig.create(certs).bind("127.0.0.1").port(0).metricsPort(-1)
                    .validator(Validator.standard()).resolvers(resolver).shutdownDelay(Duration.ZERO)
                    .log(JsonLog.to(log)));
            WebhookRegistration.to(URI.create("https://127.0.0.1:" + server.port()),
                    Files.readString(certs.resolve(CertDir.CA_CERT))).register(plane.client());
            err.println("neo4j-guard playground: starting the reconciler for namespaces labelled " + MANAGED + "=true");
            plane.client().namespaces().withName(NAMESPACE).edit(ns -> new NamespaceBuilder(ns).editMetadata()
                    .addToLabels(MANAGED, "true").endMetadata().build());
            reconcileLog = new PrintStream(Files.newOutputStream(dir.resolve("reconciler.log"),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
            reconcilerClient = plane.newClient();
            // No leader election: this process is the only replica, and a Lease would only delay the first reconcile.
            // Bolt diagnostics stay off (RuntimeOptions' default): the playground's pods are kwok's, no Neo4j
            // answers behind them, and <cluster>-client.<ns>.svc.cluster.local does not resolve on this machine.
            reconciler = ReconcilerRuntime.start(reconcilerClient, null, RuntimeOptions.defaults("playground")
                    .withNamespaces(NamespaceSelector.parse(MANAGED + "=true")), ReconcileLog.to(reconcileLog),
                    new ReconcilerMetrics());
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            err.println("neo4j-guard playground: stopping");
            if (reconciler != null) {
                reconciler.close(); // first: its reconciles in flight still reach the API server
            }
            if (reconcilerClient != null) {
                reconcilerClient.close();
            }
            if (server != null) {
                server.close();
            }
            if (resolver != null) {
                resolver.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            plane.close(); // the API server and etcd: nothing keeps running
            if (log != null) {
                log.close();
            }
            if (reconcileLog != null) {
                reconcileLog.close();
            }
            err.println("neo4j-guard playground: stopped");
        }

        /** The chart's CRDs: above the working directory, or above the distribution's jar (the launcher's case). */
        private Path crds() {
            try {
                return Crds.chartDirectory();
            } catch (KubeTestEnvException notHere) {
                try {
                    Path jar = Path.of(PlaygroundCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                    for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                        if (Files.isDirectory(p.resolve(Crds.CHART_CRDS))) {
                            return p.resolve(Crds.CHART_CRDS);
                        }
                    }
                } catch (java.net.URISyntaxException | SecurityException e) {
                    // fall through to the first error
                }
                throw notHere;
            }
        }
    }
}
