package io.neo4jguard.webhook;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.Pem;
import io.neo4jguard.certs.RotationLoop;
import io.neo4jguard.certs.RotationPolicy;
import io.neo4jguard.certs.CertState;
import io.neo4jguard.certs.kube.CaBundleInjector;
import io.neo4jguard.certs.kube.Kube;
import io.neo4jguard.certs.kube.SecretCertStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.cli.PolicyOption;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.defaults.DefaultsOptions;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.resolve.ApiServerResolver;
import io.neo4jguard.kube.resolve.ResolverProvider;
import io.neo4jguard.webhook.dev.WebhookConfigurations;
import io.neo4jguard.webhook.observe.JsonLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the admission webhooks (HTTPS) for the API server",
                "HTTPS port: POST /validate and /mutate (AdmissionReview v1), /healthz, /readyz.",
                "Plain HTTP port: /metrics (Prometheus), /healthz, /readyz.",
                "Every option can also be set by the environment variable named in its description."},
        footer = {"", "Examples:",
                "  neo4j-guard serve --dev                  # local: certificates, 127.0.0.1:8443, webhook YAML printed",
                "  neo4j-guard serve --cert-dir /tls --policy /etc/neo4j-guard/policy.yaml",
                "", "Exit codes: 0 stopped, 2 usage or start-up error (unreadable certificates or policy, port in use)."})
final class ServeCommand implements Callable<Integer> {
    /** Where {@code --dev} keeps its CA and serving certificate (reused; .neo4j-guard/ is git-ignored). */
    static final String DEV_DIR = ".neo4j-guard/dev-certs";

    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dev", defaultValue = "${env:NEO4J_GUARD_DEV:-false}",
            description = "local development: make a CA and a certificate for 127.0.0.1/localhost in " + DEV_DIR
                    + " (reused), listen on 127.0.0.1, print the webhook configurations to apply (NEO4J_GUARD_DEV)")
    boolean dev;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NEO4J_GUARD_PORT:-8443}",
            description = "HTTPS port of the webhooks (NEO4J_GUARD_PORT; default ${DEFAULT-VALUE}; 10250 suits private GKE)")
    int port;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:NEO4J_GUARD_METRICS_PORT:-8080}",
            description = "plain HTTP port of /metrics, /healthz, /readyz; -1 turns it off "
                    + "(NEO4J_GUARD_METRICS_PORT; default ${DEFAULT-VALUE})")
    int metricsPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:NEO4J_GUARD_BIND}",
            description = "address to listen on (NEO4J_GUARD_BIND; default 0.0.0.0, with --dev 127.0.0.1)")
    String bind;

    @Option(names = "--cert-dir", paramLabel = "DIR", defaultValue = "${env:NEO4J_GUARD_CERT_DIR}",
            description = "directory with tls.crt, tls.key (and ca.crt), e.g. a mounted TLS Secret; reloaded when "
                    + "the files change (NEO4J_GUARD_CERT_DIR; required unless --dev)")
    String certDir;

    @CommandLine.Mixin
    PolicyOption policy;

    @Option(names = "--client-ca", paramLabel = "FILE", defaultValue = "${env:NEO4J_GUARD_CLIENT_CA}",
            description = "PEM CA bundle: /validate and /mutate then require a client certificate it issued "
                    + "(the API server's, via its admission config) (NEO4J_GUARD_CLIENT_CA)")
    String clientCa;

    @Option(names = "--self-signed-secret", paramLabel = "NS/NAME", defaultValue = "${env:NEO4J_GUARD_SELF_SIGNED_SECRET}",
            description = "keep a self-signed CA and serving certificate in this Secret and rotate them in-process, "
                    + "instead of cert-manager (NEO4J_GUARD_SELF_SIGNED_SECRET)")
    String selfSignedSecret;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "${env:NEO4J_GUARD_SERVICE:-neo4j-guard}",
            description = "with --self-signed-secret: the Service in front of the webhooks, in the Secret's namespace; "
                    + "the serving certificate names it (NEO4J_GUARD_SERVICE; default ${DEFAULT-VALUE})")
    String service;

    @Option(names = "--inject-webhook", paramLabel = "NAME", defaultValue = "${env:NEO4J_GUARD_INJECT_WEBHOOK}",
            description = "with --self-signed-secret: keep the caBundle of the Validating/MutatingWebhookConfiguration "
                    + "of this name current (NEO4J_GUARD_INJECT_WEBHOOK)")
    String injectWebhook;

    @Option(names = "--lookups", paramLabel = "MODE", defaultValue = "${env:NEO4J_GUARD_LOOKUPS:-auto}",
            description = "where cross-object rules look objects up: api-server, none, or auto = api-server when a "
                    + "kubeconfig or in-cluster service account is found (NEO4J_GUARD_LOOKUPS; default ${DEFAULT-VALUE})")
    String lookups;

    @Option(names = "--shutdown-delay", paramLabel = "DURATION", defaultValue = "${env:NEO4J_GUARD_SHUTDOWN_DELAY}",
            description = "after SIGTERM, stay up (not ready) this long before closing the port, e.g. 5s "
                    + "(NEO4J_GUARD_SHUTDOWN_DELAY; default 5s, with --dev 0)")
    String shutdownDelay;

    /**
     * Start, become ready, stop: the launcher's training run for its class-data-sharing archive (every
     * class start-up and warm-up load is archived, so later starts map them instead of loading them).
     * Without --cert-dir it uses throw-away loopback certificates.
     */
    @Option(names = "--exit-when-ready", hidden = true)
    boolean exitWhenReady;

    /**
     * With --exit-when-ready: send this many reviews to ourselves over TLS before exiting
     * ({@link TrainingLoad}), so the launcher's archive holds the classes, and on Java 25 the method
     * profiles, of a server that has answered reviews, not one that has only started.
     */
    @Option(names = "--train-reviews", hidden = true, paramLabel = "N")
    int trainReviews;

    /** The API server client for --self-signed-secret; owned (closed) by the command. Replaceable by tests. */
    Supplier<KubernetesClient> kube = KubeClients.system()::client;
    /** Told the started server (tests stop it with {@link WebhookServer#shutdown()}). */
    Consumer<WebhookServer> onStarted = s -> { };

    ServeCommand(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
    }

    @Override
    public Integer call() {
        JsonLog log = JsonLog.to(out);
        if (selfSignedSecret != null && !selfSignedSecret.isBlank()
                && !selfSignedSecret.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-.a-z0-9]*[a-z0-9])?")) {
            return usage("--self-signed-secret expects NAMESPACE/NAME, got '" + selfSignedSecret + "'");
        }
        Duration delay = dev ? Duration.ZERO : ServerConfig.SHUTDOWN_DELAY;
        if (shutdownDelay != null && !shutdownDelay.isBlank()) {
            Parsed<Duration> d = GoDuration.parse(shutdownDelay.trim());
            if (!d.ok() || d.value().isNegative()) {
                return usage("--shutdown-delay expects a duration like 5s or 500ms, got '" + shutdownDelay + "'");
            }
            delay = d.value();
        }
        // Checked now, made after the policy loads (an API-server client is not made for a start that fails).
        Supplier<ResolverProvider> lookupsMode = switch (lookups) {
            case "none" -> () -> ResolverProvider.NONE;
            case "api-server" -> ApiServerResolver::autoConfigured;
            case "auto" -> () -> KubeClients.system().discover().isPresent()
                    ? ApiServerResolver.autoConfigured() : ResolverProvider.NONE;
            default -> null;
        };
        if (lookupsMode == null) {
            return usage("--lookups expects auto, api-server or none, got '" + lookups + "'");
        }

        boolean selfSigned = selfSignedSecret != null && !selfSignedSecret.isBlank();
        boolean tempDir = false;
        Path dir;
        // Loopback certificates (--dev, the training run) are made while the rules load: two key pairs
        // and two signatures on a cold JVM take 0.15 to 0.25 s, the rules 40 to 60 ms more, and a start
        // has the cores to itself (docs/benchmarks.md, session 4).
        CompletableFuture<Void> loopbackCertificates = CompletableFuture.completedFuture(null);
        String host = bind != null && !bind.isBlank() ? bind : dev ? "127.0.0.1" : "0.0.0.0";
        try {
            if (certDir != null && !certDir.isBlank()) {
                dir = resolve(certDir);
            } else if (selfSigned) {
                dir = Files.createTempDirectory("neo4j-guard-certs");
                tempDir = true;
            } else if (exitWhenReady && !dev) {
                dir = Files.createTempDirectory("neo4j-guard-train");
                loopbackCertificates = makeLoopbackCertificates(dir);
            } else if (dev) {
                dir = cwd.resolve(DEV_DIR);
                loopbackCertificates = makeLoopbackCertificates(dir);
            } else {
                return usage("--cert-dir is required (or NEO4J_GUARD_CERT_DIR; --dev makes its own)");
            }
        } catch (InvalidPathException e) {
            return usage("--cert-dir " + certDir + ": not a valid path");
        } catch (IOException e) {
            error("cannot create certificates in " + (dev ? DEV_DIR : "a temporary directory") + ": " + e.getMessage());
            return Main.USAGE;
        }
        Optional<Validator> loaded = policy.apply(Validator.standard(), cwd, err);
        try {
            loopbackCertificates.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            error("cannot create certificates in " + (dev ? DEV_DIR : "a temporary directory") + ": " + cause.getMessage());
            return Main.USAGE;
        }
        if (loaded.isEmpty()) {
            return Main.USAGE;
        }
        Validator validator = loaded.get();
        ResolverProvider resolvers = lookupsMode.get();
        RotationLoop rotation = null;
        KubernetesClient client = null;
        if (selfSigned) {
            String namespace = selfSignedSecret.substring(0, selfSignedSecret.indexOf('/'));
            CertRequest request;
            try {
                request = CertRequest.forService(service, namespace, List.of(), List.of());
                if (injectWebhook != null && !injectWebhook.isBlank()) {
                    Kube.checkName(injectWebhook);
                }
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            try {
                client = kube.get();
                Optional<io.neo4jguard.certs.BundlePublisher> publisher = injectWebhook == null || injectWebhook.isBlank()
                        ? Optional.empty() : Optional.of(new CaBundleInjector(client).publisher(injectWebhook));
                Path mirror = dir;
                rotation = new RotationLoop(SecretCertStore.of(client, selfSignedSecret), request,
                        RotationPolicy.defaults(), Clock.systemUTC(), RotationLoop.DEFAULT_PERIOD, publisher,
                        new RotationLoop.Listener() {
                            @Override
                            public void changed(CertState state) throws IOException {
                                CertDir.mirror(mirror, state);
                                log.info("serving certificate from the Secret", Map.of("secret", selfSignedSecret));
                            }

                            @Override
                            public void failed(Exception e) {
                                log.warn("certificate rotation failed; retrying next period",
                                        Map.of("secret", selfSignedSecret, "reason", describe(e)));
                            }
                        });
                rotation.runOnce();
            } catch (IOException | RuntimeException e) {
                error("--self-signed-secret " + selfSignedSecret + ": cannot reach the API server or write the "
                        + "Secret: " + oneLine(describe(e)));
                stopRotation(rotation, client, tempDir ? dir : null);
                return Main.USAGE;
            }
        }

        ServerConfig config = ServerConfig.create(dir).bind(host).port(port).metricsPort(metricsPort)
                .validator(validator).defaults(Defaults.standard(DefaultsOptions.from(validator.policy())))
                .resolvers(resolvers).shutdownDelay(delay).log(log);
        try {
            config.clientCa(clientCa == null || clientCa.isBlank() ? null : resolve(clientCa));
        } catch (InvalidPathException e) {
            return usage("--client-ca " + clientCa + ": not a valid path");
        }
        WebhookServer server;
        try {
            server = WebhookServer.start(config);
        } catch (IOException | RuntimeException e) {
            error("cannot start: " + describe(e));
            stopRotation(rotation, client, tempDir ? dir : null);
            return Main.USAGE;
        }
        if (exitWhenReady) {
            if (trainReviews > 0) {
                try {
                    int ok = TrainingLoad.run(ListenAddress.dialable(host), server.port(), trainReviews);
                    log.info("training reviews answered", Map.of("sent", trainReviews, "ok", ok));
                } catch (IOException e) {
                    log.warn("training reviews failed", Map.of("reason", describe(e)));
                }
            }
            server.close();
            stopRotation(rotation, client, null);
            if (certDir == null || certDir.isBlank()) {
                deleteQuietly(dir);
            }
            return Main.OK;
        }
        if (rotation != null) {
            rotation.start();
        }
        Thread hook = new Thread(server::shutdown, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onStarted.accept(server);
        if (dev) {
            printDevConfig(dir, host, server.port(), log);
        }
        server.awaitTermination();
        stopRotation(rotation, client, tempDir ? dir : null);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: that hook is what stopped us
        }
        return Main.OK;
    }

    private static CompletableFuture<Void> makeLoopbackCertificates(Path dir) {
        return CompletableFuture.runAsync(() -> {
            try {
                CertDir.ensure(dir, CertRequest.loopback(), Clock.systemUTC());
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
    }

    private static void stopRotation(RotationLoop rotation, KubernetesClient client, Path tempDir) {
        if (rotation != null) {
            rotation.close();
        }
        if (client != null) {
            client.close();
        }
        if (tempDir != null) {
            deleteQuietly(tempDir);
        }
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    private void printDevConfig(Path dir, String host, int port, JsonLog log) {
        try {
            X509Certificate[] cas = CertDir.read(dir).caBundle().toArray(new X509Certificate[0]);
            String yaml = WebhookConfigurations.yaml("neo4j-guard-dev", "https://" + ListenAddress.inUrl(host) + ":" + port,
                    Pem.write((Object[]) cas));
            Path file = dir.resolve("webhooks.yaml");
            Files.writeString(file, yaml);
            out.print(yaml);
            out.println("# Saved as " + cwd.relativize(file) + ". Register the webhooks with:");
            out.println("#   kubectl apply -f " + cwd.relativize(file));
            out.flush();
        } catch (IOException e) {
            log.warn("cannot write the webhook configurations", Map.of("reason", e.getMessage()));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.BindException || (e.getCause() instanceof java.net.BindException)) {
            return "port in use or address not available (" + m + ")";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    private int usage(String message) {
        error(message);
        err.println("Try 'neo4j-guard serve --help' for usage.");
        return Main.USAGE;
    }

    private void error(String message) {
        err.println("neo4j-guard: " + message);
    }
}
