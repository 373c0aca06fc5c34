package io.neo4jguard.kube.testenv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code go} command and tells whether it is new enough to build the pinned versions. */
final class GoToolchain {
    private static final Pattern VERSION = Pattern.compile("go version go(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final Path go;
    private final String version;

    private GoToolchain(Path go, String version) {
        this.go = go;
        this.version = version;
    }

    Path executable() {
        return go;
    }

    String version() {
        return version;
    }

    /**
     * Where the official installers put go: a CI job or IDE started without a login shell often lacks them on
     * PATH.
     */
    static final List<Path> DEFAULT_FALLBACKS = List.of(Path.of("/usr/local/go/bin/go"),
            Path.of(System.getProperty("user.home"), "go", "bin", "go"));

    /**
     * {@code go} from {@code $GOROOT/bin}, then {@code PATH}, then {@code fallbacks}; empty when none exists.
     */
    static Optional<Path> locate(Map<String, String> env, List<Path> fallbacks) {
        List<Path> candidates = new ArrayList<>();
        String goroot = env.get("GOROOT");
        if (goroot != null && !goroot.isBlank()) {
            candidates.add(Path.of(goroot, "bin", "go"));
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "go"));
            }
        }
        candidates.addAll(fallbacks);
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** Runs {@code go version}; fails when the output is not a Go version or older than {@code minimum}. */
    static GoToolchain check(Path go, String minimum, Map<String, String> env, Path log) {
        String out = new Command(List.of(go.toString(), "version"), log.getParent(), env, log).run("go version");
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new KubeTestEnvException(go + " does not report a Go version (" + out.trim() + ")");
        }
        String version = m.group(1) + "." + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
        if (compare(version, minimum) < 0) {
            throw new KubeTestEnvException("Go " + version + " at " + go + " is too old to build kube-apiserver "
                    + Versions.KUBERNETES + " and etcd " + Versions.ETCD + ": install Go " + minimum
                    + " or newer (https://go.dev/dl/), or set KUBEBUILDER_ASSETS to a directory with the binaries");
        }
        return new GoToolchain(go, version);
    }

    /** Dotted numeric comparison; missing parts count as 0. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}
