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

    /** kube-apiserver and kubectl of {@link Versions#KUBERNETES} into {@code target}. */
    void buildKubernetes(Path target, boolean withKubectl) {
        String version = "v" + Versions.KUBERNETES;
        Path work = fresh(buildRoot.resolve("kubernetes-" + version));
        Path log = work.resolve("build.log");
        long start = System.nanoTime();
        Progress.log("building kube-apiserver " + version + (withKubectl ? " and kubectl" : "")
                + " from Go modules with Go " + go.version() + " (a cold build took 12 to 14 minutes on a busy 2-core machine; log " + log + ")");
        Download dep = download(KUBERNETES_MODULE, version, work, log);
        String goMod = read(dep.goMod());
        List<String> tools = new ArrayList<>(List.of(KUBERNETES_MODULE + "/cmd/kube-apiserver"));
        if (withKubectl) {
            tools.add(KUBERNETES_MODULE + "/cmd/kubectl");
        }
        WrapperModule module = new WrapperModule("neo4j-guard.invalid/kube-testenv/kubernetes", WrapperModule.goLine(goMod),
                WrapperModule.godebug(goMod), tools, KUBERNETES_MODULE, version,
                WrapperModule.stagingReplaces(WrapperModule.stagingModules(goMod), Versions.stagingVersion(Versions.KUBERNETES)));
        write(work.resolve("go.mod"), module.render());
        go(work, log, "resolving modules", "mod", "tidy");
        String ldflags = kubeLdflags(version, dep.time());
        for (String tool : tools) {
            String binary = tool.substring(tool.lastIndexOf('/') + 1);
            build(work, log, target, binary, List.of("-tags", KUBE_TAGS, "-ldflags", ldflags), tool);
        }
        Progress.log("built kube-apiserver" + (withKubectl ? " and kubectl " : " ") + version + " in "
                + Progress.seconds(System.nanoTime() - start));
    }

    /** etcd of {@link Versions#ETCD} into {@code target}. */
    void buildEtcd(Path target) {
        String version = "v" + Versions.ETCD;
        Path work = fresh(buildRoot.resolve("etcd-" + version));
        Path log = work.resolve("build.log");
        long start = System.nanoTime();
        Progress.log("building etcd " + version + " from Go modules (cold: about 2 minutes; log " + log + ")");
        Download dep = download(ETCD_MODULE, version, work, log);
        String goMod = read(dep.goMod());
        // server/v3 requires real versions of etcd's other modules; its own replace lines do not apply to a
        // dependency, so the wrapper needs none.
        WrapperModule module = new WrapperModule("neo4j-guard.invalid/kube-testenv/etcd", WrapperModule.goLine(goMod),
                List.of(), List.of(ETCD_MODULE), ETCD_MODULE, version, Map.of());
        write(work.resolve("go.mod"), module.render());
        go(work, log, "resolving etcd modules", "mod", "tidy");
        // etcd's own build sets only GitSHA; its version is a constant in the source.
        build(work, log, target, "etcd", List.of("-ldflags", "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=unknown"),
                ETCD_MODULE);
        Progress.log("built etcd " + version + " in " + Progress.seconds(System.nanoTime() - start));
    }

    /**
     * One command of a module that builds without replace directives (helm, for one) into {@code target}:
     * a wrapper module requiring {@code module@version}, {@code go mod tidy}, {@code go build} of {@code pkg}.
     * The wrapper repeats the module's {@code go} and {@code godebug} lines, as for kube-apiserver.
     */
    void buildCommand(String module, String version, String pkg, String binary, String ldflags, Path target) {
        Path work = fresh(buildRoot.resolve(binary + "-" + version));
        Path log = work.resolve("build.log");
        long start = System.nanoTime();
        Progress.log("building " + binary + " " + version + " from Go modules (log " + log + ")");
        String goMod = read(download(module, version, work, log).goMod());
        WrapperModule wrapper = new WrapperModule("neo4j-guard.invalid/kube-testenv/" + binary,
                WrapperModule.goLine(goMod), WrapperModule.godebug(goMod), List.of(pkg), module, version, Map.of());
        write(work.resolve("go.mod"), wrapper.render());
        go(work, log, "resolving " + binary + " modules", "mod", "tidy");
        build(work, log, target, binary, List.of("-ldflags", ldflags), pkg);
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

    private void build(Path work, Path log, Path target, String binary, List<String> flags, String pkg) {
        Path partial = target.resolve("." + binary + ".partial-" + ProcessHandle.current().pid());
        List<String> args = new ArrayList<>(List.of("build", "-trimpath", "-v"));
        args.addAll(flags);
        args.addAll(List.of("-o", partial.toString(), pkg));
        long start = System.nanoTime();
        go(work, log, "compiling " + binary, args.toArray(String[]::new));
        try {
            // Rename, never copy: a reader never sees half a binary, even when two builds race.
            Files.move(partial, target.resolve(binary), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot move " + partial + " into place: " + e.getMessage());
        }
        Progress.log("compiled " + binary + " in " + Progress.seconds(System.nanoTime() - start));
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
