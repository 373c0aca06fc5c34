package io.neo4jguard.kube.testenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds kube-apiserver, kubectl and etcd from the Go module proxy, following
 * {@code shared/reference/kube-apiserver-testenv.md}: one wrapper module per upstream module (see
 * {@link WrapperModule}), {@code go mod tidy}, then {@code go build} of each command with the flags upstream's
 * release build uses. Sources and go.sum land in {@code <cache>/build/}, the binaries in the envtest-layout
 * directory; nothing touches the repository.
 */
final class GoBuild {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KUBERNETES_MODULE = "k8s.io/kubernetes";
    private static final String ETCD_MODULE = "go.etcd.io/etcd/server/v3";
    private static final String KWOK_MODULE = "sigs.k8s.io/kwok";
    /** Upstream's build tags for release binaries (hack/lib/golang.sh); none changes behaviour we test. */
    private static final String KUBE_TAGS = "selinux,notest,grpcnotrace";

    private final GoToolchain go;
    private final Path buildRoot;
    private final Map<String, String> env;

    GoBuild(GoToolchain go, Path buildRoot, Map<String, String> inherited) {
        this.go = go;
        this.buildRoot = buildRoot;
        this.env = environment(inherited);
    }

    /**
     * The environment of every go command: the caller's (proxy, caches, GOPATH stay as the user set them) plus
     * what makes the build reproducible and static.
     */
    static Map<String, String> environment(Map<String, String> inherited) {
        Map<String, String> e = new HashMap<>(inherited);
        // Never fetch another toolchain because a go.mod asks for a newer one: the check against
        // Versions.MINIMUM_GO gives a clear message instead. A user who set GOTOOLCHAIN keeps their choice.
        e.putIfAbsent("GOTOOLCHAIN", "local");
        // Static binaries, as upstream ships them; also no C compiler needed on the machine.
        e.put("CGO_ENABLED", "0");
        // The wrapper modules are self-contained; a go.work above the cache must not pull them in.
        e.put("GOWORK", "off");
        // -p: compile at most as many packages at once as there are cores (the go default, stated because a
        // GOFLAGS inherited from the user could say otherwise); the user's other GOFLAGS (-mod=vendor, ...)
        // would break a module-mode build, so they are replaced rather than extended.
        e.put("GOFLAGS", "-p=" + Runtime.getRuntime().availableProcessors());
        return e;
    }

    /**
     * Commands of k8s.io/kubernetes {@link Versions#KUBERNETES} ({@code kube-apiserver}, {@code kubectl},
     * {@code kube-controller-manager}, {@code kube-scheduler}: the names under {@code cmd/}) into {@code target},
     * in one {@code go build}: packages the commands share compile once, and while one command links the
     * compiler works on the next. Measured on a 2-core machine shared with other builds (load average 13 to
     * 21), with the Go build cache already holding kube-apiserver's packages: kube-controller-manager and
     * kube-scheduler add 387 packages, 5.5 minutes wall, 1.8 CPU-minutes (see the module's README).
     */
    void buildKubernetes(Path target, List<String> commands) {
        String version = "v" + Versions.KUBERNETES;
        Path work = fresh(buildRoot.resolve("kubernetes-" + version));
        Path log = work.resolve("build.log");
        long start = System.nanoTime();
        String names = String.join(", ", commands);
        Progress.log("building " + names + " " + version + " from Go modules with Go " + go.version()
                + " (cold, on a busy 2-core machine: kube-apiserver and kubectl 12 to 14 minutes,"
                + " kube-controller-manager and kube-scheduler 5 to 6 more; log " + log + ")");
        Download dep = download(KUBERNETES_MODULE, version, work, log);
        String goMod = read(dep.goMod());
        List<String> tools = commands.stream().map(c -> KUBERNETES_MODULE + "/cmd/" + c).toList();
        WrapperModule module = new WrapperModule("neo4j-guard.invalid/kube-testenv/kubernetes", WrapperModule.goLine(goMod),
                WrapperModule.godebug(goMod), tools, KUBERNETES_MODULE, version,
                WrapperModule.stagingReplaces(WrapperModule.stagingModules(goMod), Versions.stagingVersion(Versions.KUBERNETES)));
        write(work.resolve("go.mod"), module.render());
        go(work, log, "resolving modules", "mod", "tidy");
        build(work, log, target, commands, List.of("-tags", KUBE_TAGS, "-ldflags", kubeLdflags(version, dep.time())), tools);
        Progress.log("built " + names + " " + version + " in " + Progress.seconds(System.nanoTime() - start));
    }

    /** etcd of {@link Versions#ETCD} into {@code target}. */
    void buildEtcd(Path target) {
        // server/v3 requires real versions of etcd's other modules; its own replace lines do not apply to a
        // dependency, so the wrapper needs none. etcd's own build sets only GitSHA; its version is a constant in
        // the source.
        buildCommand("etcd", ETCD_MODULE, "v" + Versions.ETCD, ETCD_MODULE, "about 2 minutes",
                "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=unknown", target);
    }

    /**
     * kwok of {@link Versions#KWOK} into {@code target}: its own module (it requires client-go 0.36, not our
     * 0.34 staging tags), no replace lines. Its version is a constant in the source ({@code pkg/consts}), so
     * only -s -w. Measured cold on the same busy machine: about 600 packages, 5.9 minutes wall, 2.1 CPU-minutes,
     * 315 MB more in the module cache.
     */
    void buildKwok(Path target) {
        buildCommand("kwok", KWOK_MODULE, "v" + Versions.KWOK, KWOK_MODULE + "/cmd/kwok",
                "about 6 minutes on a busy 2-core machine", "-s -w", target);
    }

    /** One command of a module that needs no replace lines (etcd, kwok, helm), through a wrapper module of its own. */
    void buildCommand(String binary, String modulePath, String version, String pkg, String coldTime,
                              String ldflags, Path target) {
        Path work = fresh(buildRoot.resolve(binary + "-" + version));
        Path log = work.resolve("build.log");
        long start = System.nanoTime();
        Progress.log("building " + binary + " " + version + " from Go modules (cold: " + coldTime + "; log " + log + ")");
        Download dep = download(modulePath, version, work, log);
        String goMod = read(dep.goMod());
        WrapperModule module = new WrapperModule("neo4j-guard.invalid/kube-testenv/" + binary, WrapperModule.goLine(goMod),
                WrapperModule.godebug(goMod), List.of(pkg), modulePath, version, Map.of());
        write(work.resolve("go.mod"), module.render());
        go(work, log, "resolving " + binary + " modules", "mod", "tidy");
        build(work, log, target, List.of(binary), List.of("-ldflags", ldflags), List.of(pkg));
        Progress.log("built " + binary + " " + version + " in " + Progress.seconds(System.nanoTime() - start));
    }

    /**
     * The -X pairs upstream's hack/lib/version.sh sets, so {@code --version}, {@code /version} and clients that
     * parse gitVersion see {@code v1.34.N} rather than {@code v0.0.0-master}. -s -w: no symbol table or DWARF,
     * a third smaller and nobody debugs these binaries. The build date is the tag's date, so two builds of
     * one version report the same.
     */
    static String kubeLdflags(String version, String buildDate) {
        String[] mm = version.substring(1).split("\\.");
        StringBuilder b = new StringBuilder("-s -w");
        for (String pkg : List.of("k8s.io/component-base/version", "k8s.io/client-go/pkg/version")) {
            b.append(" -X ").append(pkg).append(".gitVersion=").append(version)
                    .append(" -X ").append(pkg).append(".gitMajor=").append(mm[0])
                    .append(" -X ").append(pkg).append(".gitMinor=").append(mm[1])
                    .append(" -X ").append(pkg).append(".gitTreeState=clean")
                    .append(" -X ").append(pkg).append(".gitCommit=unknown")
                    .append(" -X ").append(pkg).append(".buildDate=").append(buildDate);
        }
        return b.toString();
    }

    /**
     * {@code go build} into a private directory beside {@code target}, then each binary renamed into place: never
     * copied, so a reader never sees half a binary, even when two builds race.
     *
     * <p>{@code -o <dir>/} names each binary after its package's last path element without a major-version
     * suffix: etcd's {@code go.etcd.io/etcd/server/v3} comes out as {@code server}. So one package is written to
     * the file name asked for; several (Kubernetes' {@code cmd/<name>}, whose names are the binaries') to the
     * directory.
     */
    void build(Path work, Path log, Path target, List<String> binaries, List<String> flags, List<String> pkgs) {
        Path partial = target.resolve(".partial-" + ProcessHandle.current().pid());
        List<String> args = new ArrayList<>(List.of("build", "-trimpath", "-v"));
        args.addAll(flags);
        args.addAll(List.of("-o", pkgs.size() == 1 ? partial.resolve(binaries.get(0)).toString() : partial + "/"));
        args.addAll(pkgs);
        long start = System.nanoTime();
        try {
            fresh(partial);
            go(work, log, "compiling " + String.join(", ", binaries), args.toArray(String[]::new));
            for (String binary : binaries) {
                Files.move(partial.resolve(binary), target.resolve(binary), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(partial);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot move " + binaries + " from " + partial + " into place: " + e.getMessage());
        }
        Progress.log("compiled " + String.join(", ", binaries) + " in " + Progress.seconds(System.nanoTime() - start));
    }

    private record Download(Path goMod, String time) {
    }

    /** {@code go mod download -json module@version}: the dependency's go.mod and its tag date. */
    private Download download(String module, String version, Path work, Path log) {
        String out = go(work, log, "downloading " + module + "@" + version, "mod", "download", "-json",
                module + "@" + version);
        try {
            JsonNode json = JSON.readTree(out);
            if (json.hasNonNull("Error")) {
                throw new KubeTestEnvException("cannot download " + module + "@" + version + ": "
                        + json.get("Error").asText());
            }
            Path goMod = Path.of(json.path("GoMod").asText());
            String time = "1970-01-01T00:00:00Z";
            if (json.hasNonNull("Info")) {
                time = JSON.readTree(Path.of(json.get("Info").asText()).toFile()).path("Time").asText(time);
            }
            return new Download(goMod, time);
        } catch (IOException e) {
            throw new KubeTestEnvException("unexpected output of go mod download for " + module + ": " + e.getMessage());
        }
    }

    private String go(Path work, Path log, String what, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(go.executable().toString());
        argv.addAll(List.of(args));
        return new Command(argv, work, env, log).run(what);
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot prepare build directory " + dir + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
