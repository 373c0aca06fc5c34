package io.neo4jguard.webhook.image;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image the build writes (target/neo4j-guard-image.tar, src/image/README.md), unpacked
 * layer by layer and run from its entrypoint in an isolated, read-only root as its own user: what a
 * kubelet with the chart's securityContext does, minus the registry.
 */
class ImageIT {
    /** Generous for a JVM start on a loaded 2-core machine; a hang, not slowness, is what it catches. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path work;
    static OciImage image;
    static IsolatedRoot root;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(!Boolean.getBoolean("neo4jguard.image.skip"), "the image was not built (-Dimage.skip)");
        assumeTrue(IsolatedRoot.possible(), "running the image needs root (unshare, mount, chroot); "
                + "user.name is " + System.getProperty("user.name") + " — ImageIT skipped");
        Path archive = Path.of(System.getProperty("neo4jguard.image", "target/neo4j-guard-image.tar"));
        assertThat(archive).as("the image archive the build writes in pre-integration-test").exists();
        image = OciImage.unpack(archive, work, work.resolve("rootfs"));
        List<String> env = new ArrayList<>();
        image.config.path("Env").forEach(e -> env.add(e.asText()));
        root = new IsolatedRoot(work.resolve("rootfs"), image.config.path("User").asText(), env);
        System.out.printf("[image] %s: %d layers, %.1f MiB compressed, %.1f MiB unpacked%n", archive.getFileName(),
                image.layerSizes.size(), image.compressedSize() / 1048576.0, du(work.resolve("rootfs")) / 1048576.0);
    }

    @Test
    void configRunsTheCliAsNonRootWithLabels() {
        JsonNode c = image.config;
        assertThat(c.path("User").asText()).isEqualTo("65532:65532");
        List<String> entrypoint = entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData")
                .endsWith("io.neo4jguard.webhook.Main");
        assertThat(c.path("Cmd").isMissingNode() || c.path("Cmd").isNull() || c.path("Cmd").isEmpty())
                .as("no default command: the chart (or the user) says serve, check, ...").isTrue();
        JsonNode labels = c.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText())
                .isEqualTo(System.getProperty("neo4jguard.version"));
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isNotBlank();
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        IsolatedRoot.Result r = root.run(command("--version"), "", TIMEOUT);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("neo4j-guard " + System.getProperty("neo4jguard.version"));
    }

    @Test
    void checkFindsTheBadClusterOnly() throws Exception {
        String manifests;
        try (InputStream in = ImageIT.class.getResourceAsStream("/image/clusters.yaml")) {
            manifests = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        IsolatedRoot.Result r = root.run(command("check", "-"), manifests, TIMEOUT);
        assertThat(r.exit()).as("1 = findings; stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.out()).contains("memory.kubernetes-unit  Neo4jEnterpriseCluster/bad")
                .doesNotContain("Neo4jEnterpriseCluster/good")
                .contains("2 objects in 1 file: 1 error, 0 warnings");
    }

    @Test
    void serveBecomesReadyOnAReadOnlyRoot() throws Exception {
        IsolatedRoot.Result r = root.run(command("serve", "--exit-when-ready", "--port", "0", "--metrics-port", "-1",
                "--bind", "127.0.0.1", "--lookups", "none"), "", TIMEOUT);
        assertThat(r.exit()).as("stdout: %s%nstderr: %s", r.out(), r.err()).isZero();
        System.out.printf("[image] serve --exit-when-ready: %d ms from exec to exit (start, warm-up, ready, close)%n",
                r.elapsed().toMillis());
    }

    @Test
    void theRootIsReallyReadOnly() throws Exception {
        // --dev keeps its certificates under the working directory (/), which a read-only root refuses:
        // the serve above got by with /tmp alone.
        IsolatedRoot.Result r = root.run(command("serve", "--dev", "--exit-when-ready", "--port", "0",
                "--metrics-port", "-1", "--lookups", "none"), "", TIMEOUT);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot create certificates").containsIgnoringCase("read-only");
    }

    @Test
    void heapFollowsTheMemoryTheJvmIsGiven() throws Exception {
        // MaxRAM stands in for a cgroup memory limit (the JVM sizes from the smaller of the two; this test
        // may not create cgroups): 50 % of 256 MiB, the chart's limit, is a 128 MiB heap.
        IsolatedRoot.Result r = root.withEnv("JDK_JAVA_OPTIONS=-XX:MaxRAM=256m -XX:+PrintFlagsFinal")
                .run(command("--version"), "", TIMEOUT);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("size_t MaxHeapSize\\s+= " + 128L * 1024 * 1024 + "\\s");
    }

    private static List<String> entrypoint() {
        List<String> e = new ArrayList<>();
        image.config.path("Entrypoint").forEach(a -> e.add(a.asText()));
        return e;
    }

    private static List<String> command(String... args) {
        List<String> c = entrypoint();
        c.addAll(List.of(args));
        return c;
    }

    private static long du(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
