package io.neo4jguard.reconciler.cli;

import io.neo4jguard.reconciler.ReconcilerRuntime;
import io.neo4jguard.reconciler.RuntimeOptions;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.ClientSettings;
import io.neo4jguard.kube.Connection;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.lease.CandidateIdentity;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.cli.PolicyOption;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.reconciler.desired.DesiredState;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsOptions;
import io.neo4jguard.reconciler.loop.NamespaceSelector;
import io.neo4jguard.reconciler.observe.MetricsEndpoint;
import io.neo4jguard.reconciler.observe.ReconcileLog;
import io.neo4jguard.reconciler.observe.ReconcilerMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs reconciler-lite: Neo4jEnterpriseCluster/Standalone become StatefulSets, Neo4jBackup "
                + "Jobs and CronJobs",
                "Manages only objects annotated neo4j-guard.io/reconcile: \"true\" or in namespaces matching "
                        + "--namespace-selector; never an object another controller owns (condition Conflict).",
                "Plain HTTP port: /metrics (Prometheus), /healthz, /readyz.",
                "Every option can also be set by the environment variable named in its description."},
        footer = {"", "Examples:",
                "  neo4j-guard reconcile --namespace-selector neo4j-guard.io/managed=true",
                "  neo4j-guard reconcile --leader-elect=false      # one replica, no Lease",
                "", "Exit codes: 143 stopped by SIGTERM (the JVM's 128+15, after a graceful stop), 1 lost the "
                + "leader Lease (restart to rejoin as standby), 2 usage or start-up error."})
public final class ReconcileCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int LOST_LEASE = 1;
    static final int USAGE = 2;
    /** A namespace (RFC 1123 label) and a Lease name (RFC 1123 subdomain). */
    private static final java.util.regex.Pattern LEASE = java.util.regex.Pattern.compile(
            "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?");

    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    @Option(names = "--namespace-selector", paramLabel = "SELECTOR", defaultValue = "${env:NEO4J_GUARD_NAMESPACE_SELECTOR}",
            description = "manage the objects in namespaces whose labels match, e.g. 'neo4j-guard.io/managed=true' "
                    + "(NEO4J_GUARD_NAMESPACE_SELECTOR; default: annotated objects only)")
    String namespaceSelector;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:NEO4J_GUARD_METRICS_PORT:-8080}",
            description = "plain HTTP port of /metrics, /healthz, /readyz; -1 turns it off "
                    + "(NEO4J_GUARD_METRICS_PORT; default ${DEFAULT-VALUE})")
    int metricsPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:NEO4J_GUARD_BIND:-0.0.0.0}",
            description = "address of the metrics port (NEO4J_GUARD_BIND; default ${DEFAULT-VALUE})")
    String bind;

    @CommandLine.Mixin
    PolicyOption policy;

    @Option(names = "--leader-elect", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:NEO4J_GUARD_LEADER_ELECT:-true}",
            description = "hold a Lease so that of several replicas only one writes (NEO4J_GUARD_LEADER_ELECT; "
                    + "default ${DEFAULT-VALUE})")
    boolean leaderElect;

    @Option(names = "--lease", paramLabel = "NS/NAME", defaultValue = "${env:NEO4J_GUARD_LEASE}",
            description = "the Lease of the leader election (NEO4J_GUARD_LEASE; default: POD_NAMESPACE, else the "
                    + "kubeconfig's namespace, / " + RuntimeOptions.LEASE_NAME + ")")
    String lease;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "${env:NEO4J_GUARD_WORKERS:-4}",
            description = "reconciles in parallel (NEO4J_GUARD_WORKERS; default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--resync", paramLabel = "DURATION", defaultValue = "${env:NEO4J_GUARD_RESYNC:-10m}",
            description = "check every object again this often, writing nothing unless it drifted "
                    + "(NEO4J_GUARD_RESYNC; default ${DEFAULT-VALUE})")
    String resync;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN",
            defaultValue = "${env:NEO4J_GUARD_CLUSTER_DOMAIN:-" + DesiredState.DEFAULT_CLUSTER_DOMAIN + "}",
            description = "DNS domain of the cluster's Services, for pod FQDNs (NEO4J_GUARD_CLUSTER_DOMAIN; "
                    + "default ${DEFAULT-VALUE})")
    String clusterDomain;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", defaultValue = "${env:NEO4J_GUARD_SHUTDOWN_GRACE:-20s}",
            description = "after SIGTERM, wait this long for reconciles in flight (NEO4J_GUARD_SHUTDOWN_GRACE; "
                    + "default ${DEFAULT-VALUE})")
    String shutdownGrace;

    @Option(names = "--diagnostics", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:NEO4J_GUARD_DIAGNOSTICS:-true}",
            description = "ask clusters and standalones with a Ready server over Bolt (SHOW SERVERS, SHOW DATABASES) "
                    + "with the admin Secret's credentials: conditions ServersHealthy, DatabasesHealthy and "
                    + "status.diagnostics (NEO4J_GUARD_DIAGNOSTICS; default ${DEFAULT-VALUE})")
    boolean diagnostics;

    // No ${env:...:-default} here: the default's braces would end picocli's expression early.
    @Option(names = "--bolt-address-template", paramLabel = "TEMPLATE",
            defaultValue = "${env:NEO4J_GUARD_BOLT_ADDRESS_TEMPLATE}",
            description = "where the diagnostics find a resource's Bolt port; placeholders {scheme} (bolt, or "
                    + "bolt+s with spec.tls), {service} (<name>-client), {name}, {namespace}, {clusterDomain}; "
                    + "e.g. bolt://localhost:7687 through 'kubectl port-forward svc/<name>-client 7687' "
                    + "(NEO4J_GUARD_BOLT_ADDRESS_TEMPLATE; default " + DiagnosticsOptions.DEFAULT_TEMPLATE + ")")
    String boltAddressTemplate;

    /** Where the API server is (kubeconfig or in-cluster); replaceable by tests. */
    Supplier<Connection> connection = () -> KubeClients.system().discovered();
    /** Told the started runtime (tests stop it with {@link ReconcilerRuntime#close()}). */
    Consumer<ReconcilerRuntime> onStarted = r -> { };
    /** Whether to install a SIGTERM hook (tests run several commands in one JVM). */
    boolean shutdownHook = true;

    public ReconcileCommand(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
    }

    @Override
    public Integer call() {
        ReconcileLog log = ReconcileLog.to(out);
        Optional<Validator> judged = policy.apply(Validator.standard(), cwd, err);
        if (judged.isEmpty()) {
            return USAGE;
        }
        Validator validator = judged.get();
        Duration resyncEvery = duration("--resync", resync);
        Duration grace = duration("--shutdown-grace", shutdownGrace);
        if (resyncEvery == null || grace == null) {
            return USAGE;
        }
        if (workers < 1) {
            return usage("--workers must be at least 1, got " + workers);
        }
        RuntimeOptions options = RuntimeOptions.defaults(CandidateIdentity.current()).withValidator(validator).withWorkers(workers)
                .withResync(resyncEvery).withShutdownGrace(grace)
                .withDesired(DesiredState.withClusterDomain(clusterDomain));
        if (diagnostics) {
            try {
                options = options.withDiagnostics(DiagnosticsOptions.on(boltAddressTemplate == null
                        || boltAddressTemplate.isBlank() ? DiagnosticsOptions.DEFAULT_TEMPLATE
                        : boltAddressTemplate.trim()));
            } catch (IllegalArgumentException e) {
                return usage("--bolt-address-template: " + e.getMessage());
            }
        }
        if (namespaceSelector != null && !namespaceSelector.isBlank()) {
            try {
                options = options.withNamespaces(NamespaceSelector.parse(namespaceSelector));
            } catch (IllegalArgumentException e) {
                return usage("--namespace-selector: " + e.getMessage());
            }
        }
        KubernetesClient client;
        KubernetesClient electionClient;
        try {
            Connection c = connection.get();
            client = KubeClients.client(c, ClientSettings.DEFAULT);
            electionClient = leaderElect ? KubeClients.client(c, ClientSettings.LEADER_ELECTION) : null;
        } catch (RuntimeException e) {
            error("cannot configure the API server client: " + e.getMessage());
            return USAGE;
        }
        if (leaderElect) {
            String ns = System.getenv("POD_NAMESPACE") != null ? System.getenv("POD_NAMESPACE")
                    : client.getNamespace() != null ? client.getNamespace() : "default";
            String name = RuntimeOptions.LEASE_NAME;
            if (lease != null && !lease.isBlank()) {
                if (!LEASE.matcher(lease.trim()).matches()) {
                    close(client, electionClient);
                    return usage("--lease expects NAMESPACE/NAME, got '" + lease + "'");
                }
                ns = lease.trim().substring(0, lease.trim().indexOf('/'));
                name = lease.trim().substring(lease.trim().indexOf('/') + 1);
            }
            options = options.withLeaderElection(ns, name);
        }
        ReconcilerMetrics metrics = new ReconcilerMetrics();
        ReconcilerRuntime runtime;
        try {
            runtime = ReconcilerRuntime.start(client, electionClient, options, log, metrics);
        } catch (RuntimeException e) {
            error("cannot start: " + e.getMessage());
            close(client, electionClient);
            return USAGE;
        }
        MetricsEndpoint endpoint = null;
        if (metricsPort >= 0) {
            try {
                endpoint = MetricsEndpoint.start(bind, metricsPort, metrics::scrape, runtime::hasSynced);
            } catch (IOException e) {
                error("cannot listen on " + bind + ":" + metricsPort + ": " + e.getMessage());
                runtime.close();
                close(client, electionClient);
                return USAGE;
            }
        }
        RuntimeOptions started = options;
        log.info("reconciler started", Map.of("identity", started.identity(),
                "leader_election", started.leaseNamespace().map(n -> n + "/" + started.leaseName()).orElse("off"),
                "selection", started.namespaces().map(s -> "namespaces " + s + " or annotated").orElse("annotated only"),
                "metrics_port", endpoint == null ? -1 : endpoint.port(),
                "diagnostics", started.diagnostics().enabled() ? started.diagnostics().template() : "off"));
        Thread hook = new Thread(runtime::close, "sigterm");
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        onStarted.accept(runtime);
        boolean graceful;
        try {
            graceful = runtime.terminated().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
            graceful = true;
        } catch (ExecutionException e) {
            graceful = false;
        }
        if (endpoint != null) {
            endpoint.close();
        }
        close(client, electionClient);
        if (shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: that hook is what stopped us
            }
        }
        log.info("reconciler stopped", Map.of("graceful", graceful));
        return graceful ? OK : LOST_LEASE;
    }

    private static void close(KubernetesClient client, KubernetesClient electionClient) {
        client.close();
        if (electionClient != null) {
            electionClient.close();
        }
    }

    private Duration duration(String flag, String value) {
        Parsed<Duration> d = GoDuration.parse(value.trim());
        if (!d.ok() || d.value().isNegative() || d.value().isZero()) {
            usage(flag + " expects a positive duration like 10m or 20s, got '" + value + "'");
            return null;
        }
        return d.value();
    }

    private int usage(String message) {
        error(message);
        err.println("Try 'neo4j-guard reconcile --help' for usage.");
        return USAGE;
    }

    private void error(String message) {
        err.println("neo4j-guard: " + message);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}
