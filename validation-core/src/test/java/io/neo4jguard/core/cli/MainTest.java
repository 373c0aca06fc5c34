package io.neo4jguard.core.cli;

import io.neo4jguard.core.TestChecks;
import io.neo4jguard.core.report.Schemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI in-process with captured streams, as CI would see it. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String stdin, boolean colour, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(TestChecks.all(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                colour, dir).run(args);
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        // Whatever happens: no stack trace, ever.
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
        return r;
    }

    private Run run(String... args) {
        return run("", false, args);
    }

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static final String BAD_CLUSTER = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph
            spec:
              topology:
                servers: 1
              resources:
                limits: {memory: 8Gi}
            """;

    private static final String CLUSTER_WITHOUT_LIMIT = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph
            spec:
              topology:
                servers: 3
            """;

    @BeforeEach
    void manifests() throws Exception {
        write("ok/cluster.yaml", TestChecks.cluster("graph", null, 3));
        write("ok/db.yaml", TestChecks.database("sales", "default", "graph"));
        write("bad/cluster.yaml", BAD_CLUSTER);
        write("warn/cluster.yaml", CLUSTER_WITHOUT_LIMIT);
    }

    @Test
    void cleanRunExitsZero() {
        Run r = run("check", "ok");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("2 objects in 2 files: no findings\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorsExitOneWithOneLinePerFinding() {
        Run r = run("check", "bad/cluster.yaml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("bad/cluster.yaml:7:5  error  topology.test-min-servers  "
                + "Neo4jEnterpriseCluster/graph  spec.topology.servers: Invalid value: 1: a cluster needs at least "
                + "2 servers  hint: use Neo4jEnterpriseStandalone for one server\n"
                + "1 object in 1 file: 1 error, 0 warnings\n");
    }

    @Test
    void warningsPassUnlessFailOnWarning() {
        assertThat(run("check", "warn").code()).isZero();
        assertThat(run("check", "--fail-on", "warning", "warn").code()).isEqualTo(1);
        assertThat(run("check", "--fail-on", "warning", "ok").code()).isZero();
        assertThat(run("check", "--fail-on", "error", "bad").code()).isEqualTo(1);
    }

    @Test
    void jsonOutputIsTheDocumentedFormat() {
        Run r = run("check", "--output", "json", "bad", "warn", "ok");
        assertThat(r.code()).isEqualTo(1);
        assertThat(Schemas.jsonReportProblems(r.out())).isEmpty();
        var root = Schemas.tree(r.out());
        assertThat(root.at("/summary/files").asInt()).isEqualTo(4);
        assertThat(root.at("/summary/objects").asInt()).isEqualTo(4);
        assertThat(root.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(root.at("/objects/0/file").asText()).isEqualTo("bad/cluster.yaml");
        assertThat(root.at("/objects/0/findings/0/line").asInt()).isEqualTo(7);
    }

    @Test
    void sarifOutputMeetsGitHubsRequirementsWithRelativeUris() {
        Run r = run("check", "-o", "sarif", "bad", "warn");
        assertThat(r.code()).isEqualTo(1);
        assertThat(Schemas.sarifProblems(r.out())).isEmpty();
        var results = Schemas.tree(r.out()).at("/runs/0/results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("bad/cluster.yaml");
        assertThat(results.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
        // Absolute paths under the working directory are made relative too.
        Run abs = run("check", "-o", "sarif", dir.resolve("bad").toString());
        assertThat(Schemas.tree(abs.out()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText()).isEqualTo("bad/cluster.yaml");
    }

    @Test
    void junitOutputParses() throws Exception {
        Run r = run("check", "-o", "junit", "bad", "ok");
        assertThat(r.code()).isEqualTo(1);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void outputFormatIsCaseInsensitiveAndUnknownIsUsageError() {
        assertThat(run("check", "-o", "JSON", "ok").code()).isZero();
        Run r = run("check", "-o", "xml", "ok");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected one of [text, json, sarif, junit]");
    }

    @Test
    void readsStandardInput() {
        Run r = run(BAD_CLUSTER, false, "check", "-o", "json", "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(Schemas.tree(r.out()).at("/objects/0/file").asText()).isEqualTo("-");
        Run text = run(BAD_CLUSTER, false, "check", "-");
        assertThat(text.out()).startsWith("-:7:5  error  topology.test-min-servers");
    }

    @Test
    void standardInputOnlyOnce() {
        Run r = run(BAD_CLUSTER, false, "check", "-", "--old", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("standard input (-) can be read only once");
    }

    @Test
    void directoriesAreWalkedSortedSkippingHiddenAndNonManifestFiles() throws Exception {
        write("tree/b/z.yml", TestChecks.cluster("z", null, 1));
        write("tree/a.json", """
                {"apiVersion": "neo4j.neo4j.com/v1beta1", "kind": "Neo4jEnterpriseCluster",
                 "metadata": {"name": "json"}, "spec": {"topology": {"servers": 1}, "resources": {"limits": {"memory": "1Gi"}}}}
                """);
        write("tree/.git/c.yaml", "this: [is not yaml");
        write("tree/.hidden.yaml", "this: [is not yaml");
        write("tree/notes.txt", "this: [is not yaml");
        Run r = run("check", "-o", "json", "tree");
        assertThat(r.err()).isEmpty();
        var root = Schemas.tree(r.out());
        assertThat(root.at("/summary/files").asInt()).isEqualTo(2);
        assertThat(root.at("/objects/0/file").asText()).isEqualTo(Path.of("tree", "a.json").toString());
        assertThat(root.at("/objects/1/file").asText()).isEqualTo(Path.of("tree", "b", "z.yml").toString());
    }

    @Test
    void aFileNamedTwiceIsReadOnce() {
        Run r = run("check", "-o", "json", "ok/cluster.yaml", "ok", "./ok/cluster.yaml");
        assertThat(r.code()).isZero();
        assertThat(Schemas.tree(r.out()).at("/summary/files").asInt()).isEqualTo(2);
        assertThat(Schemas.tree(r.out()).at("/summary/objects").asInt()).isEqualTo(2);
    }

    @Test
    void parseErrorExitsTwoNamingFileAndLine() throws Exception {
        write("broken/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");
        Run r = run("check", "ok", "broken/x.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("neo4j-guard: broken/x.yaml:").contains("invalid YAML")
                .contains("1 input could not be read; nothing was checked");
        assertThat(r.err().lines().findFirst().orElseThrow()).matches("neo4j-guard: broken/x\\.yaml:\\d+:\\d+: .*");
    }

    @Test
    void aDocumentThatIsNotAMappingIsAParseError() throws Exception {
        write("list.yaml", "- a\n- b\n");
        Run r = run("check", "list.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("list.yaml:1:1: expected a Kubernetes object");
    }

    @Test
    void missingAndUnreadableInputsExitTwo() throws Exception {
        Run r = run("check", "nope.yaml", "nodir/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("neo4j-guard: nope.yaml: no such file or directory")
                .contains("2 inputs could not be read");
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        Run latin = run("check", "latin1.yaml");
        assertThat(latin.code()).isEqualTo(2);
        assertThat(latin.err()).contains("latin1.yaml:1:4: not UTF-8 text");
    }

    @Test
    void oldObjectsMakeTheRunAnUpdate() throws Exception {
        write("now/cluster.yaml", TestChecks.cluster("graph", null, 3));
        write("before/cluster.yaml", TestChecks.cluster("graph", "default", 6));
        write("before/other.yaml", TestChecks.cluster("graph", "prod", 6));
        assertThat(run("check", "now").code()).isZero();
        Run update = run("check", "--old", "before", "now");
        assertThat(update.code()).isEqualTo(1);
        assertThat(update.out()).contains("topology.test-scale-down").contains("was 6");
        // Repeatable, and stdin works for the old objects.
        Run fromStdin = run(TestChecks.cluster("graph", null, 6), false, "check", "--old", "-", "now");
        assertThat(fromStdin.code()).isEqualTo(1);
    }

    @Test
    void strictRefsMakesAMissingReferenceAnError() throws Exception {
        write("db-only/db.yaml", TestChecks.database("sales", "prod", "graph"));
        Run lenient = run("check", "db-only");
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("warning  refs.target-not-in-run  Neo4jDatabase/sales  spec.clusterRef");
        Run strict = run("check", "--strict-refs", "db-only");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.out()).contains("error  refs.target-missing  Neo4jDatabase/sales  spec.clusterRef");
        // The target in another file of the run resolves.
        assertThat(run("check", "--strict-refs", "ok/db.yaml", "ok/cluster.yaml").code()).isZero();
    }

    @Test
    void policyFileChangesTheVerdict() throws Exception {
        write("p/relaxed.yaml", """
                apiVersion: neo4j-guard.io/v1alpha1
                kind: Policy
                rules:
                  topology.test-min-servers: warning
                """);
        assertThat(run("check", "bad").code()).isEqualTo(1);
        Run r = run("check", "--policy", "p/relaxed.yaml", "bad");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("warning  topology.test-min-servers");
    }

    @Test
    void badPolicyExitsTwoNamingFileAndLine() throws Exception {
        write("p/typo.yaml", """
                apiVersion: neo4j-guard.io/v1alpha1
                kind: Policy
                rules:
                  topology.test-min-server: off
                  memory: fatal
                """);
        Run r = run("check", "--policy", "p/typo.yaml", "ok");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("neo4j-guard: policy p/typo.yaml:4:3: rules[topology.test-min-server]: unknown rule")
                .contains("did you mean topology.test-min-servers")
                .contains("neo4j-guard: policy p/typo.yaml:5:3: rules.memory: invalid severity \"fatal\"");
        Run missing = run("check", "--policy", "p/none.yaml", "ok");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("p/none.yaml: no such file");
    }

    @Test
    void usageErrorsExitTwo() {
        Run none = run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("missing command").contains("Usage: neo4j-guard");
        Run noPath = run("check");
        assertThat(noPath.code()).isEqualTo(2);
        assertThat(noPath.err()).contains("Missing required parameter: 'PATH'");
        assertThat(run("check", "--nope", "ok").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("check", "--fail-on", "info", "ok").code()).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("check", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--output", "--policy", "--old", "--strict-refs", "--fail-on", "Exit codes");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("neo4j-guard ");
    }

    @Test
    void explainPrintsEveryPartOfTheRule() {
        Run r = run("explain", "memory.test-heap-syntax");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("memory.test-heap-syntax (error)\nNeo4j sizes use g/m, not Gi/Mi\n")
                .contains("Kinds:\n  Neo4jEnterpriseCluster, Neo4jEnterpriseStandalone\n")
                .contains("Why:\n  Test rationale for memory.test-heap-syntax")
                .contains("Remediation:\n  Test remediation for memory.test-heap-syntax.")
                .contains("Example:\n  spec:\n    example: memory.test-heap-syntax\n");
    }

    @Test
    void explainUnknownRuleSuggestsTheClosestAndExitsTwo() {
        Run r = run("explain", "topology.test-min-server");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown rule \"topology.test-min-server\"; did you mean topology.test-min-servers");
        Run far = run("explain", "zzz");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).contains("unknown rule \"zzz\"").contains("'neo4j-guard rules' lists every rule.");
    }

    @Test
    void explainAConcernListsItsRules() {
        Run r = run("explain", "memory");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("memory is a concern with 2 rules:\n")
                .contains("  memory.test-heap-syntax  error  Neo4j sizes use g/m, not Gi/Mi\n");
    }

    @Test
    void rulesListsIdSeverityTitle() {
        Run r = run("rules");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).contains(
                "engine.check-failed        error    A check failed with an internal error",
                "memory.test-no-limit       warning  No memory limit set");
    }

    @Test
    void rulesAsMarkdownIsTheRuleReference() {
        Run r = run("rules", "--format", "markdown");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(io.neo4jguard.core.report.RulesDoc.render(TestChecks.allRules(),
                io.neo4jguard.core.report.RuleSources.of(TestChecks.all())));
        assertThat(r.out()).contains("- Source: [`Engine.java`](../validation-core/src/main/java/io/neo4jguard/core/"
                + "engine/Engine.java)\n");
        assertThat(run("rules", "--format", "html").code()).isEqualTo(2);
    }

    @Test
    void colourOnlyInTextAndOnlyWhenAllowed() {
        assertThat(run("", true, "check", "bad").out()).contains("\u001b[1;31merror");
        assertThat(run("", false, "check", "bad").out()).doesNotContain("\u001b[");
        assertThat(run("", true, "check", "-o", "json", "bad").out()).doesNotContain("\u001b[");
    }

    @Test
    void noColorDisablesColourAndNoConsoleMeansNoColour() {
        assertThat(Terminal.colour(Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.interactive(null)).isFalse();
        // Under the test runner stdout is not a terminal.
        assertThat(Terminal.colour(Map.of())).isFalse();
    }

    @Test
    void objectsOfOtherKindsAreCountedAsContext() throws Exception {
        write("mixed.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        Run r = run("check", "mixed.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("no Neo4j operator objects found in 1 file "
                + "(2 other objects read as context, not checked)\n");
    }
}
