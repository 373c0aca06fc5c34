package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The three binaries of the test control plane and where they came from. {@link #resolve()} looks, in order:
 * <ol>
 *   <li>{@code KUBEBUILDER_ASSETS}: a directory in envtest's layout ({@code setup-envtest use 1.34.x -p path})
 *       with {@code kube-apiserver}, {@code etcd} and {@code kubectl}; {@code TEST_ASSET_KUBE_APISERVER},
 *       {@code TEST_ASSET_ETCD} and {@code TEST_ASSET_KUBECTL} override single files, as in envtest. Used as
 *       they are, whatever their version: whoever sets the variable chose them.</li>
 *   <li>The cache, {@code ${XDG_CACHE_HOME:-~/.cache}/neo4j-guard/kube/<version>-<os>-<arch>/} (override the
 *       base with {@code NEO4J_GUARD_KUBE_CACHE}), when it holds binaries of the pinned versions.</li>
 *   <li>Otherwise it builds what is missing into the cache with the local Go (see {@link GoBuild}). Cold (empty
 *       Go module and build caches) that took 12 to 14 minutes on a 2-core machine busy with other builds, about
 *       8.6 CPU-minutes, and fills ~1 GB of module cache and ~2.6 GB of build cache; with warm Go caches it takes
 *       about 15 s; later runs reuse the binaries. Without Go it fails with one line that says what to install.</li>
 * </ol>
 * Concurrent JVMs (two modules' test forks, two checkouts) serialise on a lock file in the cache, so one builds
 * and the other waits and reuses.
 *
 * <p>Other binaries ({@link Tool}: kube-controller-manager, kube-scheduler, kwok for {@link SimulatedCluster})
 * go into the same directory through {@link #provide}, with the same stamp, lock and progress lines: each from
 * its {@code TEST_ASSET_<NAME>} variable, else from {@code KUBEBUILDER_ASSETS} if that directory has it, else
 * the cache. Asking for several at once lets the missing commands of one module build in one {@code go build}.
 *
 * <p>{@code main} provisions without starting anything, for a CI step that warms the cache:
 * {@code ./mvnw -q -pl kube-testenv compile exec:java -Dexec.mainClass=io.neo4jguard.kube.testenv.KubeBinaries}
 * (add {@code -Dexec.args=cluster} for the simulated cluster's binaries).
 */
public final class KubeBinaries {
    static final String ASSETS = "KUBEBUILDER_ASSETS";
    static final String CACHE = "NEO4J_GUARD_KUBE_CACHE";
    private static final String STAMP = "neo4j-guard-build.properties";

    private final Path apiServer;
    private final Path etcd;
    private final Path kubectl;
    private final String origin;

    KubeBinaries(Path apiServer, Path etcd, Path kubectl, String origin) {
        this.apiServer = apiServer;
        this.etcd = etcd;
        this.kubectl = kubectl;
        this.origin = origin;
    }

    public Path apiServer() {
        return apiServer;
    }

    public Path etcd() {
        return etcd;
    }

    /** kubectl of the same release: lets a test show exactly what a user would see. */
    public Path kubectl() {
        return kubectl;
    }

    /** Where the binaries came from ({@code KUBEBUILDER_ASSETS}, the cache, or a fresh build), for logs. */
    public String origin() {
        return origin;
    }

    /** Finds or builds the binaries, from the real environment. */
    public static KubeBinaries resolve() {
        return resolve(System.getenv(), defaultCacheBase(System.getenv()));
    }

    /**
     * Warms the cache: the control plane's binaries, and with the argument {@code cluster} also
     * kube-controller-manager, kube-scheduler and kwok (built together with the others when none is cached).
     */
    public static void main(String[] args) {
        List<Tool> tools = new ArrayList<>(Tool.CONTROL_PLANE);
        if (List.of(args).contains("cluster")) {
            tools.addAll(Tool.CLUSTER);
        }
        provide(tools).forEach((tool, path) -> System.out.printf("%-24s %s%n", tool.binary(), path));
    }

    static Path defaultCacheBase(Map<String, String> env) {
        String explicit = env.get(CACHE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("neo4j-guard").resolve("kube");
    }

    /** The envtest-layout directory of the pinned version in a cache. */
    static Path cacheDir(Path base) {
        return base.resolve(Versions.KUBERNETES + "-" + Platform.suffix());
    }

    static KubeBinaries resolve(Map<String, String> env, Path cacheBase) {
        return resolve(env, cacheBase, GoToolchain.DEFAULT_FALLBACKS);
    }

    static KubeBinaries resolve(Map<String, String> env, Path cacheBase, List<Path> goFallbacks) {
        Optional<KubeBinaries> assets = fromAssets(env);
        if (assets.isPresent()) {
            return assets.get();
        }
        return inDir(cacheDir(cacheBase), fromCache(env, cacheBase, goFallbacks, Tool.CONTROL_PLANE));
    }

    /**
     * Paths of {@code tools}, each from its {@code TEST_ASSET_<NAME>} variable, else from {@code KUBEBUILDER_ASSETS}
     * when that directory has it, else from the cache, building what the cache lacks (under the lock; tools of
     * one {@link Tool.Build} that are all missing are built together). For tools envtest does not ship
     * (kube-controller-manager, kube-scheduler, kwok) and for test beds that need several at once.
     */
    static Map<Tool, Path> provide(Map<String, String> env, Path cacheBase, List<Path> goFallbacks, List<Tool> tools) {
        Map<Tool, Path> out = new LinkedHashMap<>();
        List<Tool> fromCache = new ArrayList<>();
        String assets = env.get(ASSETS);
        for (Tool t : tools) {
            String single = env.get(t.assetVariable());
            Path inAssets = assets == null || assets.isBlank() ? null : Path.of(assets).resolve(t.binary());
            if (single != null && !single.isBlank()) {
                if (!Files.isExecutable(Path.of(single))) {
                    throw new KubeTestEnvException(t.assetVariable() + "=" + single + " is not an executable file");
                }
                out.put(t, Path.of(single));
            } else if (inAssets != null && Files.isExecutable(inAssets)) {
                out.put(t, inAssets);
            } else {
                fromCache.add(t);
            }
        }
        if (!fromCache.isEmpty()) {
            Path dir = cacheDir(cacheBase);
            fromCache(env, cacheBase, goFallbacks, fromCache);
            fromCache.forEach(t -> out.put(t, dir.resolve(t.binary())));
        }
        return out;
    }

    /** {@link #provide} from the real environment and the default cache. */
    static Map<Tool, Path> provide(List<Tool> tools) {
        return provide(System.getenv(), defaultCacheBase(System.getenv()), GoToolchain.DEFAULT_FALLBACKS, tools);
    }

    /** Makes sure the cache holds {@code tools}; returns where they came from, for logs. */
    private static String fromCache(Map<String, String> env, Path cacheBase, List<Path> goFallbacks, List<Tool> tools) {
        Path dir = cacheDir(cacheBase);
        if (upToDate(dir, tools)) {
            return "cache " + dir;
        }
        Optional<Path> go = GoToolchain.locate(env, goFallbacks);
        if (go.isEmpty()) {
            throw new KubeTestEnvException(missingGo(dir, tools));
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot use the cache " + cacheBase + ": " + e.getMessage());
        }
        return BuildLock.holding(cacheBase, () -> {
            if (upToDate(dir, tools)) {
                return "cache " + dir + " (built by another process)";
            }
            build(go.get(), env, cacheBase, dir, tools);
            return "built into " + dir;
        });
    }

    /** The one line a developer or CI log shows when nothing can provide the binaries. */
    static String missingGo(Path dir) {
        return missingGo(dir, Tool.CONTROL_PLANE);
    }

    static String missingGo(Path dir, List<Tool> tools) {
        String names = tools.stream().map(t -> t.binary() + " " + t.version()).collect(Collectors.joining(", "));
        return "The *IT tests need " + names + ": install Go " + Versions.MINIMUM_GO + "+ (https://go.dev/dl/) to have"
                + " them built once into " + dir + ", or set " + ASSETS + " to a directory with kube-apiserver, etcd"
                + " and kubectl (setup-envtest use 1.34.x -p path)"
                + (tools.stream().anyMatch(t -> !Tool.CONTROL_PLANE.contains(t)) ? " and the others" : "") + ".";
    }

    /** Builds the missing {@code tools}, grouped by their build, stamping each group as it lands. */
    private static void build(Path goExecutable, Map<String, String> env, Path cacheBase, Path dir, List<Tool> tools) {
        Path build = cacheBase.resolve("build");
        GoToolchain go = GoToolchain.check(goExecutable, Versions.MINIMUM_GO, GoBuild.environment(env),
                build.resolve("go-version.log"));
        GoBuild b = new GoBuild(go, build, env);
        Properties stamp = stamp(dir);
        Map<Tool.Build, List<Tool>> missing = new LinkedHashMap<>();
        for (Tool t : tools) {
            if (!built(dir, stamp, t.binary(), t.version())) {
                missing.computeIfAbsent(t.build(), k -> new ArrayList<>()).add(t);
            }
        }
        missing.forEach((how, group) -> {
            how.run(b, dir, group.stream().map(Tool::binary).toList());
            group.forEach(t -> stamp.setProperty(t.binary(), t.version()));
            writeStamp(dir, stamp);
        });
    }

    /**
     * The cache directory holds the control plane's binaries of the pinned versions. A directory without our
     * stamp was filled by someone else (copied from setup-envtest): its binaries are trusted as they are.
     */
    static boolean upToDate(Path dir) {
        return upToDate(dir, Tool.CONTROL_PLANE);
    }

    static boolean upToDate(Path dir, List<Tool> tools) {
        Properties stamp = stamp(dir);
        boolean foreign = !Files.exists(dir.resolve(STAMP));
        for (Tool t : tools) {
            boolean present = Files.isExecutable(dir.resolve(t.binary()));
            if (!present || (!foreign && !t.version().equals(stamp.getProperty(t.binary())))) {
                return false;
            }
        }
        return true;
    }

    private static boolean built(Path dir, Properties stamp, String binary, String version) {
        return Files.isExecutable(dir.resolve(binary)) && version.equals(stamp.getProperty(binary));
    }

    private static Properties stamp(Path dir) {
        Properties p = new Properties();
        Path f = dir.resolve(STAMP);
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                // Unreadable stamp: treated as "nothing built", so the build runs again and rewrites it.
            }
        }
        return p;
    }

    private static void writeStamp(Path dir, Properties stamp) {
        try (OutputStream out = Files.newOutputStream(dir.resolve(STAMP))) {
            stamp.store(out, "versions built by neo4j-guard kube-testenv");
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot write " + dir.resolve(STAMP) + ": " + e.getMessage());
        }
    }

    private static Optional<KubeBinaries> fromAssets(Map<String, String> env) {
        String assets = env.get(ASSETS);
        boolean anySingle = env.containsKey("TEST_ASSET_KUBE_APISERVER") || env.containsKey("TEST_ASSET_ETCD")
                || env.containsKey("TEST_ASSET_KUBECTL");
        if ((assets == null || assets.isBlank()) && !anySingle) {
            return Optional.empty();
        }
        Path dir = assets == null || assets.isBlank() ? Path.of("/usr/local/kubebuilder/bin") : Path.of(assets);
        Path api = single(env, "TEST_ASSET_KUBE_APISERVER", dir.resolve("kube-apiserver"));
        Path etcd = single(env, "TEST_ASSET_ETCD", dir.resolve("etcd"));
        Path kubectl = single(env, "TEST_ASSET_KUBECTL", dir.resolve("kubectl"));
        for (Path p : new Path[] {api, etcd, kubectl}) {
            if (!Files.isExecutable(p)) {
                throw new KubeTestEnvException(ASSETS + " is set but " + p + " is not an executable file: point it at"
                        + " a directory with kube-apiserver, etcd and kubectl, or unset it to build them with Go");
            }
        }
        return Optional.of(new KubeBinaries(api, etcd, kubectl, ASSETS + "=" + dir));
    }

    private static Path single(Map<String, String> env, String variable, Path fallback) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    private static KubeBinaries inDir(Path dir, String origin) {
        return new KubeBinaries(dir.resolve("kube-apiserver"), dir.resolve("etcd"), dir.resolve("kubectl"), origin);
    }
}
