package io.neo4jguard.webhook;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher runs the short commands on the newest Java installed (Java 25 here, for its class
 * archive), while the build and every other test run on the build's Java (17). Same distribution, same
 * inputs: the reports must be byte for byte the same on both. Skipped when no newer Java is installed.
 */
class NewestJavaIT {
    private static final Path EXAMPLES = Path.of("..", "validation-core", "src", "main", "resources",
            "io", "neo4jguard", "core", "rules", "examples");

    @Test
    void everyReportFormatIsTheSameOnTheNewestInstalledJava(@TempDir Path dir) throws Exception {
        Optional<Path> newer = newestJavaAbove(Runtime.version().feature());
        Assumptions.assumeTrue(newer.isPresent(), "no Java newer than " + Runtime.version().feature() + " installed");
        // The rules' base examples (one valid object of each kind) and a cluster with findings: two
        // servers, and heap plus page cache over the memory limit.
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: prod}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.0-enterprise"}
                  topology: {servers: 2}
                  storage: {size: 10Gi}
                  resources: {limits: {memory: 4Gi}, requests: {memory: 4Gi}}
                  config: {server.memory.heap.max_size: 3g, server.memory.pagecache.size: 2g}
                """);
        for (String format : List.of("text", "json", "sarif", "junit")) {
            List<String> args = List.of("check", "--output", format, EXAMPLES.toString(), bad.toString());
            Run build = run(Path.of(System.getProperty("java.home")), args, dir.resolve("build-" + format));
            Run newest = run(newer.get(), args, dir.resolve("newest-" + format));
            assertThat(build.exit()).as(format + ": " + build.out()).isEqualTo(1);
            assertThat(newest.exit()).as(format).isEqualTo(build.exit());
            assertThat(newest.out()).as(format + " on " + newer.get()).isEqualTo(build.out());
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(Path javaHome, List<String> args, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished: " + cmd).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The newest installed Java (by its release file) of a feature version above {@code floor}. */
    private static Optional<Path> newestJavaAbove(int floor) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")))
                    .filter(h -> feature(h) > floor)
                    .max(Comparator.comparingInt(NewestJavaIT::feature));
        }
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not a Java home we can read: not a candidate
        }
        return 0;
    }
}
