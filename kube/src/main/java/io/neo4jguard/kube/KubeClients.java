package io.neo4jguard.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place neo4j-guard builds fabric8 clients. A {@link Connection} says where the API server is; this
 * class finds one the way kubectl and client-go do, and applies {@link ClientSettings}.
 *
 * <p>Discovery order ({@link #discover()}): the files of {@code $KUBECONFIG} (a {@code :}-separated list; missing
 * files are skipped, as kubectl does), or {@code ~/.kube/config} when that variable is unset; failing both, the
 * pod's service account when {@code $KUBERNETES_SERVICE_HOST}/{@code _PORT} are set and the token file exists. An explicit choice
 * ({@link #kubeconfig}, {@link Connection.Token}) skips discovery.
 *
 * <p>Nothing here logs: a {@link Connection#describe()} line is safe to log, a {@link Config} is not (it holds
 * the token).
 */
public final class KubeClients {
    /** Where the kubelet projects a pod's service-account token, CA and namespace. */
    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final UnaryOperator<String> env;
    private final Path home;
    private final Path serviceAccountDir;

    /**
     * @param env               environment lookup ({@code System::getenv} in production)
     * @param home              the user's home directory ({@code ~/.kube/config} is looked up under it)
     * @param serviceAccountDir the projected service-account directory (tests use a temporary one)
     */
    public KubeClients(UnaryOperator<String> env, Path home, Path serviceAccountDir) {
        this.env = env;
        this.home = home;
        this.serviceAccountDir = serviceAccountDir;
    }

    /** This process: its environment, {@code user.home} and {@link #SERVICE_ACCOUNT_DIR}. */
    public static KubeClients system() {
        String home = System.getProperty("user.home");
        return new KubeClients(System::getenv, home == null ? null : Path.of(home), SERVICE_ACCOUNT_DIR);
    }

    /** The connection discovery finds, if any (see the class comment for the order). */
    public Optional<Connection> discover() {
        List<Path> files = new ArrayList<>();
        String list = env.apply("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            // A set $KUBECONFIG replaces ~/.kube/config, even when none of its files exist (kubectl's rule).
            for (String f : list.split(File.pathSeparator)) {
                if (!f.isBlank() && Files.isRegularFile(Path.of(f))) {
                    files.add(Path.of(f));
                }
            }
        } else if (home != null && Files.isRegularFile(home.resolve(".kube").resolve("config"))) {
            files.add(home.resolve(".kube").resolve("config"));
        }
        if (!files.isEmpty()) {
            return Optional.of(new Connection.Kubeconfig(files, null));
        }
        return inCluster();
    }

    /** The pod's service account, when this process runs in a pod (service env and token file present). */
    public Optional<Connection> inCluster() {
        String host = env.apply("KUBERNETES_SERVICE_HOST");
        String port = env.apply("KUBERNETES_SERVICE_PORT");
        if (host == null || host.isBlank() || port == null || port.isBlank()
                || !Files.isRegularFile(serviceAccountDir.resolve(Connection.InCluster.TOKEN))) {
            return Optional.empty();
        }
        return Optional.of(new Connection.InCluster(host.strip(), port.strip(), serviceAccountDir));
    }

    /** An explicit kubeconfig file; {@code context} null means its current context. */
    public static Connection kubeconfig(Path file, String context) {
        if (!Files.isRegularFile(file)) {
            throw new KubeConfigException("kubeconfig " + file + ": no such file");
        }
        return new Connection.Kubeconfig(List.of(file), context);
    }

    /** The discovered connection, or an exception that says where we looked. */
    public Connection discovered() {
        return discover().orElseThrow(() -> new KubeConfigException("no API server configured: no kubeconfig "
                + "($KUBECONFIG, ~/.kube/config) and no pod service account (" + serviceAccountDir + ")"));
    }

    /** A client for the discovered connection with {@link ClientSettings#DEFAULT}; the caller closes it. */
    public KubernetesClient client() {
        return client(discovered(), ClientSettings.DEFAULT);
    }

    /** A client for {@code connection}; the caller closes it. */
    public static KubernetesClient client(Connection connection, ClientSettings settings) {
        return new KubernetesClientBuilder().withConfig(config(connection, settings)).build();
    }

    /** fabric8's configuration for {@code connection} with {@code settings} applied. */
    public static Config config(Connection connection, ClientSettings settings) {
        Config config;
        try {
            config = connection.config();
        } catch (RuntimeException e) {
            // Only the first line of fabric8's message: YAML parse errors quote the offending lines after it,
            // and a kubeconfig line may hold a token.
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new KubeConfigException(connection.describe() + ": " + m, e);
        }
        config.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()));
        config.setRequestRetryBackoffLimit(settings.retries());
        return config;
    }
}
