package io.neo4jguard.kube.testenv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * helm v4 for chart tests, provisioned like the control plane's binaries: {@code TEST_ASSET_HELM} when set (a
 * helm binary chosen by whoever set it), else {@code <cache>/helm-v<version>-<os>-<arch>/helm} (the cache of
 * {@link KubeBinaries}), else built there from the Go module {@code helm.sh/helm/v4} with the local Go
 * (cold: {@link #COLD_BUILD}).
 * Nothing of helm is in the repository.
 *
 * <p>Every call runs with its own helm home ({@code HELM_CACHE_HOME}, {@code HELM_CONFIG_HOME},
 * {@code HELM_DATA_HOME}, {@code HOME} in the working directory) and the given kubeconfig, so neither the
 * machine's helm repositories and plugins nor its clusters are ever seen.
 *
 * <pre>{@code
 * Helm helm = Helm.resolve().in(workDir).against(plane.kubeconfig());
 * Kubectl.Result r = helm.run("install", "guard", chartDir.toString(), "-n", "guard", "--create-namespace");
 * }</pre>
 */
public final class Helm {
    static final String MODULE = "helm.sh/helm/v4";
    static final String ASSET = "TEST_ASSET_HELM";
    /**
     * Measured: about 10 minutes wall on a 2-core machine busy with other builds (load average 22). helm 4.3
     * needs client-go 0.37, not the 0.34 modules of kube-apiserver, so little of their build is reused; with
     * warm Go caches a rebuild links in about 10 s.
     */
    static final String COLD_BUILD = "about 10 minutes on a busy 2-core machine";
    /** A local install or upgrade without --wait takes seconds; two minutes means it hangs. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final String origin;
    private final Path workDir;
    private final Path kubeconfig;

    private Helm(Path binary, String origin, Path workDir, Path kubeconfig) {
        this.binary = binary;
        this.origin = origin;
        this.workDir = workDir;
        this.kubeconfig = kubeconfig;
    }

    /** Finds or builds helm, from the real environment; runs in the working directory until {@link #in}. */
    public static Helm resolve() {
        Map<String, String> env = System.getenv();
        return resolve(env, KubeBinaries.defaultCacheBase(env), GoToolchain.DEFAULT_FALLBACKS);
    }

    static Helm resolve(Map<String, String> env, Path cacheBase, List<Path> goFallbacks) {
        Path here = Path.of("").toAbsolutePath();
        String asset = env.get(ASSET);
        if (asset != null && !asset.isBlank()) {
            Path p = Path.of(asset);
            if (!Files.isExecutable(p)) {
                throw new KubeTestEnvException(ASSET + " is set but " + p + " is not an executable file");
            }
            return new Helm(p, ASSET + "=" + p, here, null);
        }
        Path dir = cacheBase.resolve("helm-v" + Versions.HELM + "-" + Platform.suffix());
        Path helm = dir.resolve("helm");
        if (Files.isExecutable(helm)) {
            return new Helm(helm, "cache " + dir, here, null);
        }
        Optional<Path> go = GoToolchain.locate(env, goFallbacks);
        if (go.isEmpty()) {
            throw new KubeTestEnvException("The chart tests need helm v" + Versions.HELM + ": install Go "
                    + Versions.MINIMUM_GO + "+ (https://go.dev/dl/) to have it built once into " + dir + ", or set "
                    + ASSET + " to a helm v4 binary.");
        }
        return BuildLock.holding(cacheBase, () -> {
            if (Files.isExecutable(helm)) {
                return new Helm(helm, "cache " + dir + " (built by another process)", here, null);
            }
            Path build = cacheBase.resolve("build");
            GoToolchain toolchain = GoToolchain.check(go.get(), Versions.MINIMUM_GO, GoBuild.environment(env),
                    build.resolve("go-version.log"));
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new KubeTestEnvException("cannot create " + dir + ": " + e.getMessage());
            }
            new GoBuild(toolchain, build, env).buildCommand("helm", MODULE, "v" + Versions.HELM, MODULE + "/cmd/helm",
                    COLD_BUILD, ldflags("v" + Versions.HELM), dir);
            return new Helm(helm, "built into " + dir, here, null);
        });
    }

    /**
     * What helm's Makefile sets for a release build from a tag: the version {@code helm version} prints and
     * that charts' {@code kubeVersion}/capabilities see, empty metadata (a release, not "unreleased"), a clean
     * tree. -s -w as for the Kubernetes binaries.
     */
    static String ldflags(String version) {
        String pkg = MODULE + "/internal/version";
        return "-s -w -X " + pkg + ".version=" + version + " -X " + pkg + ".metadata= -X " + pkg
                + ".gitTreeState=clean";
    }

    /** The same helm with files (its home, temporary output) in {@code dir}. */
    public Helm in(Path dir) {
        return new Helm(binary, origin, dir, kubeconfig);
    }

    /** The same helm talking to the cluster of this kubeconfig. */
    public Helm against(Path kubeconfigFile) {
        return new Helm(binary, origin, workDir, kubeconfigFile);
    }

    public Path binary() {
        return binary;
    }

    /** Where the binary came from, for logs. */
    public String origin() {
        return origin;
    }

    /** Runs {@code helm <args>}; the result has the same shape as kubectl's. */
    public Kubectl.Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code helm <args>} with {@code stdin} as input (for {@code -f -}). */
    public Kubectl.Result runWithInput(String stdin, String... args) {
        Path home = workDir.resolve(".helm-home");
        Map<String, String> env = new HashMap<>();
        env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        env.put("HELM_DATA_HOME", home.resolve("data").toString());
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        if (kubeconfig != null) {
            argv.add("--kubeconfig=" + kubeconfig);
        }
        argv.addAll(List.of(args));
        // Settings of the user's shell that would change what helm does: namespace, context, registry config.
        List<String> unset = new ArrayList<>(List.of("KUBECONFIG"));
        System.getenv().keySet().stream().filter(k -> k.startsWith("HELM_")).forEach(unset::add);
        return Kubectl.exec(argv, workDir, env, unset, stdin, TIMEOUT_SECONDS);
    }
}
