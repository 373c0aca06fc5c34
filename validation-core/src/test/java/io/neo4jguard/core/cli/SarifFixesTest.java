package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.report.Schemas;
import io.neo4jguard.core.rules.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --output sarif} with the real rules: memory fixes become text replacements that apply. */
class SarifFixesTest {
    @TempDir
    Path dir;

    private static final String CLUSTER = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata: {name: graph}   # café ☕ 𝄞 before the value on another line
            spec:
              topology: {servers: 3}
              resources: {limits: {memory: 8Gi}}
              config:
                server.memory.heap.max_size: '4Gi'   # single-quoted, with a comment
                server.memory.pagecache.size: 1536Mi
                "a/b": 𝄞
                dbms.memory.transaction.total.max: "1Gi"
              env:
                - {name: JAVA_OPTS, description: 𝄞☕, value: "-Xmx4Gi -XX:+UseG1GC"}
            """;

    private JsonNode sarif(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(Catalog.standard(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                false, dir).run("check", "--output", "sarif", file);
        assertThat(code).isIn(0, 1);
        String rendered = out.toString(StandardCharsets.UTF_8);
        assertThat(Schemas.sarifProblems(rendered)).isEmpty();
        return Schemas.tree(rendered);
    }

    /** Applies SARIF replacements (1-based lines, code-point columns, end exclusive) to the text. */
    private static String apply(String text, List<JsonNode> replacements) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (JsonNode r : replacements) {
            JsonNode region = r.at("/deletedRegion");
            assertThat(region.at("/startLine").asInt()).isEqualTo(region.at("/endLine").asInt());
            int i = region.at("/startLine").asInt() - 1;
            String line = lines.get(i);
            int from = line.offsetByCodePoints(0, region.at("/startColumn").asInt() - 1);
            int to = line.offsetByCodePoints(0, region.at("/endColumn").asInt() - 1);
            lines.set(i, line.substring(0, from) + r.at("/insertedContent/text").asText() + line.substring(to));
        }
        return String.join("\n", lines);
    }

    @Test
    void kubernetesUnitFixesReplaceTheValueOnItsLineAndTheResultPasses() throws Exception {
        JsonNode root = sarif("c.yaml", CLUSTER);
        List<JsonNode> replacements = new ArrayList<>();
        int withFixes = 0;
        for (JsonNode result : root.at("/runs/0/results")) {
            if (result.has("fixes")) {
                withFixes++;
                assertThat(result.at("/ruleId").asText()).isEqualTo("memory.kubernetes-unit");
                JsonNode change = result.at("/fixes/0/artifactChanges/0");
                assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("c.yaml");
                change.at("/replacements").forEach(replacements::add);
            }
        }
        assertThat(withFixes).isEqualTo(4);
        String fixed = apply(CLUSTER, replacements);
        assertThat(fixed).contains("server.memory.heap.max_size: \"4g\"   # single-quoted, with a comment")
                .contains("server.memory.pagecache.size: \"1536m\"")
                .contains("dbms.memory.transaction.total.max: \"1g\"")
                .contains("value: \"-Xmx4g -XX:+UseG1GC\"}");
        JsonNode again = sarif("fixed.yaml", fixed);
        for (JsonNode result : again.at("/runs/0/results")) {
            assertThat(result.at("/ruleId").asText()).isNotEqualTo("memory.kubernetes-unit");
        }
    }

    @Test
    void noFixWhereTheValueIsSharedThroughAnAnchorOrSpansLines() throws Exception {
        JsonNode root = sarif("a.yaml", """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph}
                spec:
                  topology: {servers: 3}
                  resources: {limits: {memory: 8Gi}}
                  config: &shared
                    server.memory.heap.max_size: 4Gi
                    server.memory.pagecache.size: >-
                      1536Mi
                """);
        int kubernetesUnit = 0;
        for (JsonNode result : root.at("/runs/0/results")) {
            if (result.at("/ruleId").asText().equals("memory.kubernetes-unit")) {
                kubernetesUnit++;
                assertThat(result.has("fixes")).isFalse();
            }
        }
        assertThat(kubernetesUnit).isEqualTo(2);
    }
}
