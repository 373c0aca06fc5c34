package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A running etcd + kube-apiserver on loopback, with an admin client. Tests normally get the one shared
 * instance through {@link KubeApiServerExtension}; {@link #shared()} is the same instance for code that is not a
 * JUnit test (a benchmark, a main).
 *
 * <p>The API server runs with envtest's flag set (RBAC, service-account keys, ServiceAccount admission off
 * because no controller manager creates the tokens) plus loopback binding. There is no controller manager and
 * no scheduler: namespaces never finish deleting, nothing garbage-collects, no pod runs. Admission webhooks
 * are on by default and are called through {@code clientConfig.url} (see {@link WebhookRegistration}).
 *
 * <p>Files of a run live in {@code target/kube-testenv/run-<time>-<pid>/} of the module under test (change with
 * {@code -Dneo4jguard.kube.workDir=...}): the etcd and API server logs stay for a failed build to read; the
 * keys, the token and the etcd data are deleted when the control plane stops.
 */
public final class ControlPlane implements PerJvm.Processes {
    /**
     * etcd is ready within a second; 30 s leaves room for a machine busy with parallel builds.
     */
    private static final Duration ETCD_READY = Duration.ofSeconds(30);
    /**
     * kube-apiserver answers /readyz after about 6 s on an idle 2-core machine (its post-start hooks install
     * the bootstrap RBAC roles and priority levels); 120 s covers a machine loaded by other builds many times
     * over, and a start that takes longer than that is broken, not slow.
     */
    private static final Duration API_READY = Duration.ofSeconds(120);
    /** Binding races on a port another process took after we found it free; three fresh tries settle it. */
    private static final int START_ATTEMPTS = 3;

    private static final PerJvm<ControlPlane> SHARED =
            new PerJvm<>("kube-testenv", () -> start(KubeBinaries.resolve(), defaultWorkDir()));

    private final KubeBinaries binaries;
    private final Path runDir;
    private final Credentials credentials;
    private final Supervised etcd;
    /** Replaced by {@link #restartApiServer()}. */
    private volatile Supervised apiServer;
    private final List<String> apiServerArgs;
    private final URI url;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private volatile boolean closed;

    private ControlPlane(KubeBinaries binaries, Path runDir, Credentials credentials, Supervised etcd,
                         Supervised apiServer, List<String> apiServerArgs, URI url, Path kubeconfig) {
        this.binaries = binaries;
        this.runDir = runDir;
        this.credentials = credentials;
        this.etcd = etcd;
        this.apiServer = apiServer;
        this.apiServerArgs = List.copyOf(apiServerArgs);
        this.url = url;
        this.kubeconfig = kubeconfig;
        this.client = newClient();
    }

    /**
     * The control plane of this JVM, started on the first call (provisioning the binaries first if needed) and
     * stopped when the JVM exits. A failure is remembered: every later call fails with the same message at
     * once instead of building or starting again.
     */
    public static ControlPlane shared() {
        return SHARED.get();
    }

    /** Stops the shared control plane if one runs (the extension calls this when the test run ends). */
    static void stopShared() {
        SHARED.stop();
    }

    static Path defaultWorkDir() {
        return Path.of(System.getProperty("neo4jguard.kube.workDir", "target/kube-testenv")).toAbsolutePath();
    }

    /** Starts a control plane of its own (for a test that must not share one), in a new run directory. */
    public static ControlPlane start(KubeBinaries binaries, Path workDir) {
        return start(binaries, workDir, List.of());
    }

    /**
     * Starts a control plane of its own whose API server also gets {@code extraApiServerArgs} (after ours, so a
     * flag given twice takes the later value), e.g. {@code --egress-selector-config-file} for a test that routes
     * the API server's calls into the cluster network.
     */
    public static ControlPlane start(KubeBinaries binaries, Path workDir, List<String> extraApiServerArgs) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String runName = "run-" + stamp + "-" + ProcessHandle.current().pid();
        KubeTestEnvException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return attempt(binaries, workDir.resolve(runName + (attempt == 1 ? "" : "-retry" + attempt)),
                        extraApiServerArgs);
            } catch (KubeTestEnvException e) {
                last = e;
                if (!String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                Progress.log("a port was taken while starting; retrying on fresh ports");
            }
        }
        throw last;
    }

    private static ControlPlane attempt(KubeBinaries binaries, Path runDir, List<String> extraApiServerArgs) {
        long start = System.nanoTime();
        Credentials credentials = Credentials.create(runDir.resolve("secrets"));
        Path data = runDir.resolve("etcd-data");
        Supervised etcd = null;
        Supervised api = null;
        try {
            Files.createDirectories(data);
            int etcdPort = FreePort.next();
            int peerPort = FreePort.next();
            String client = "http://127.0.0.1:" + etcdPort;
            String peer = "http://127.0.0.1:" + peerPort;
            etcd = Supervised.start("etcd", List.of(binaries.etcd().toString(),
                    "--name=default", "--data-dir=" + data,
                    "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
                    "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
                    "--initial-cluster=default=" + peer,
                    // Test data: durability buys nothing and fsync is the slowest part of every write.
                    "--unsafe-no-fsync=true"), runDir, runDir.resolve("etcd.log"));
            Readiness.await("etcd", etcd, URI.create(client + "/health"), null, credentials.caPem, ETCD_READY);

            int port = FreePort.next();
            URI url = URI.create("https://127.0.0.1:" + port);
            List<String> args = new ArrayList<>(apiServerArgs(binaries, credentials, etcdPort, port, runDir));
            args.addAll(extraApiServerArgs);
            api = Supervised.start("kube-apiserver", args, runDir, runDir.resolve("kube-apiserver.log"));
            Readiness.await("kube-apiserver", api, url.resolve("/readyz"), credentials.token, credentials.caPem,
                    API_READY);
            Path kubeconfig = Kubeconfig.write(runDir.resolve("secrets/kubeconfig"), url, credentials);
            ControlPlane cp = new ControlPlane(binaries, runDir, credentials, etcd, api, args, url, kubeconfig);
            // /readyz is green before the "default" namespace exists (a controller inside the API server makes
            // it); tests create things there, so wait for it too.
            cp.client.namespaces().withName("default").waitUntilCondition(Objects::nonNull, 30, TimeUnit.SECONDS);
            Progress.log("kube-apiserver ready at " + url + " in " + Progress.seconds(System.nanoTime() - start)
                    + " (" + binaries.origin() + "; logs in " + runDir + ")");
            return cp;
        } catch (RuntimeException | IOException e) {
            if (api != null) {
                api.stop();
            }
            if (etcd != null) {
                etcd.stop();
            }
            deleteQuietly(credentials.dir);
            deleteQuietly(data);
            if (e instanceof KubeTestEnvException k) {
                throw k;
            }
            String logs = api != null ? Command.tail(api.log(), 20) : etcd != null ? Command.tail(etcd.log(), 20) : "";
            throw new KubeTestEnvException("cannot start the control plane: " + e.getMessage() + "\n" + logs);
        }
    }

    /** envtest's flags (controller-runtime's defaultArgs) plus loopback binding; see the class comment. */
    static List<String> apiServerArgs(KubeBinaries binaries, Credentials c, int etcdPort, int port, Path runDir) {
        List<String> a = new ArrayList<>();
        a.add(binaries.apiServer().toString());
        a.add("--etcd-servers=http://127.0.0.1:" + etcdPort);
        // Without an explicit address the API server binds every interface and, on a host with no default
        // route (a sandboxed CI runner), exits with "Unable to find suitable network address".
        a.add("--bind-address=127.0.0.1");
        a.add("--advertise-address=127.0.0.1");
        a.add("--secure-port=" + port);
        a.add("--tls-cert-file=" + c.servingCert);
        a.add("--tls-private-key-file=" + c.servingKey);
        a.add("--cert-dir=" + runDir.resolve("secrets"));
        a.add("--token-auth-file=" + c.tokenFile);
        a.add("--authorization-mode=RBAC");
        a.add("--service-account-issuer=https://127.0.0.1:" + port);
        a.add("--service-account-key-file=" + c.saPublicKey);
        a.add("--service-account-signing-key-file=" + c.saPrivateKey);
        // Any private range works: no Service gets traffic without kube-proxy; /24 is envtest's choice.
        a.add("--service-cluster-ip-range=10.0.0.0/24");
        a.add("--allow-privileged=true");
        a.add("--disable-admission-plugins=ServiceAccount");
        // The "kubernetes" Endpoints would point at a loopback address, which the reconciler refuses noisily.
        a.add("--endpoint-reconciler-type=none");
        return a;
    }

    /** The admin client, shared: do not close it. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * A new admin client for a test that changes client settings or closes it. Like the shared one it does not
     * retry: fabric8 by default repeats a request that got a 5xx answer up to 10 times with backoff, which would
     * turn one failing webhook call (500) into half a minute of calls and hide what the API server said.
     */
    public KubernetesClient newClient() {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url.toString())
                .withRequestRetryBackoffLimit(0)
                .withOauthToken(credentials.token)
                .withCaCertData(Base64.getEncoder().encodeToString(credentials.caPem.getBytes(StandardCharsets.US_ASCII)))
                .withNamespace("default")
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** {@code https://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** The CA that signed the API server's certificate, PEM. */
    public String caCertificatePem() {
        return credentials.caPem;
    }

    /** A kubeconfig with admin access to this control plane (for kubectl; deleted when it stops). */
    public Path kubeconfig() {
        return kubeconfig;
    }

    public KubeBinaries binaries() {
        return binaries;
    }

    /** kubectl of the same release, talking to this control plane. */
    public Kubectl kubectl() {
        return new Kubectl(binaries.kubectl(), kubeconfig, runDir);
    }

    /** Where this run's logs are. */
    public Path runDirectory() {
        return runDir;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Fails with the exit report of whichever process has died. */
    @Override
    public void ensureRunning() {
        if (closed) {
            throw new KubeTestEnvException("the control plane was stopped");
        }
        Supervised.ensureAlive("the control plane", List.of(etcd, apiServer));
    }

    /**
     * Kills kube-apiserver (SIGKILL, like a crashed or evicted API server: no graceful drain, open watches just
     * break) and starts it again with the same flags on the same port; etcd and everything stored stay. Returns
     * once the new process answers {@code /readyz}. For fault tests: a controller's informers and leases must
     * survive this. Use it on a control plane of the test's own ({@link #start}): on the shared one it would
     * interrupt every other user of the run. The API server's metrics start again from zero.
     */
    public synchronized void restartApiServer() {
        ensureRunning();
        long start = System.nanoTime();
        apiServer.stop();
        Supervised api = Supervised.start("kube-apiserver", apiServerArgs, runDir, runDir.resolve("kube-apiserver.log"));
        apiServer = api;
        Readiness.await("kube-apiserver", api, url.resolve("/readyz"), credentials.token, credentials.caPem, API_READY);
        Progress.log("kube-apiserver restarted at " + url + " in " + Progress.seconds(System.nanoTime() - start));
    }

    /** Stops the API server and etcd and deletes keys, token and data; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        apiServer.stop();
        etcd.stop();
        deleteQuietly(credentials.dir);
        deleteQuietly(runDir.resolve("etcd-data"));
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: what remains is under target/ and goes with the next clean.
        }
    }
}
