package io.neo4jguard.reconciler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {
    private static final Path GOLDEN = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    private static final Path CASES = GOLDEN.resolveSibling("cases");

    private record Run(int code, String out, String err) {
    }

    private static Run render(String stdin, Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RenderCommand cmd = new RenderCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd);
        int code = new CommandLine(cmd).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsWhatTheGoldenFileHolds() throws IOException {
        Run r = render("", CASES, "cluster-5.26.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve("cluster-5.26.yaml")));
    }

    @Test
    void readsStdinAndPutsNamespacelessManifestsIntoTheGivenNamespace() throws IOException {
        String manifest = Files.readString(CASES.resolve("standalone.yaml")).replace("  namespace: sandbox\n", "");
        Run r = render(manifest, CASES, "-n", "team-a", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("namespace: team-a").doesNotContain("sandbox")
                .contains("kind: StatefulSet").doesNotContain("kind: PodDisruptionBudget");
    }

    @Test
    void validationErrorsExitOneWithTheReportAndPrintNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.0-enterprise"}
                  topology: {servers: 3}
                  storage: {size: 10Gi}
                  config: {server.memory.heap.max_size: 4Gi}
                """);
        Run r = render("", dir, "bad.yaml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.yaml:9").contains("memory.kubernetes-unit").contains("error");
    }

    @Test
    void aBackupWhoseTargetIsNotGivenIsAnErrorNotACrash(@TempDir Path dir) throws IOException {
        String backup = Files.readString(CASES.resolve("backup-pvc.yaml"));
        Files.writeString(dir.resolve("b.yaml"), backup.substring(0, backup.indexOf("\n---\n") + 1));
        Run r = render("", dir, "b.yaml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Neo4jBackup/local").contains("'dev'").doesNotContain("\tat ");
    }

    @Test
    void anUnreadableFileIsAUsageError(@TempDir Path dir) {
        Run r = render("", dir, "missing.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("missing.yaml");
    }

    @Test
    void objectsOfOtherKindsRenderNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        Run r = render("", dir, "cm.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }
}
