package io.neo4jguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {
    @Test
    void rendersTheDocumentedShape() {
        String json = new JsonReport().render(ReportFixture.report());
        JsonNode root = Schemas.tree(json);
        assertThat(root.at("/summary").toString())
                .isEqualTo("{\"files\":2,\"objects\":2,\"errors\":2,\"warnings\":1,\"skipped\":1}");
        JsonNode graph = root.at("/objects/0");
        assertThat(graph.at("/file").asText()).isEqualTo("k8s/cluster.yaml");
        assertThat(graph.at("/document").asInt()).isZero();
        assertThat(graph.at("/line").asInt()).isEqualTo(1);
        assertThat(graph.at("/kind").asText()).isEqualTo("Neo4jEnterpriseCluster");
        assertThat(graph.at("/namespace").asText()).isEqualTo("prod");
        assertThat(graph.at("/name").asText()).isEqualTo("graph");
        JsonNode heap = graph.at("/findings/0");
        assertThat(heap.at("/rule").asText()).isEqualTo("memory.test-heap-syntax");
        assertThat(heap.at("/severity").asText()).isEqualTo("error");
        assertThat(heap.at("/field").asText()).isEqualTo("spec.config[server.memory.heap.max_size]");
        assertThat(heap.at("/message").asText()).startsWith("Invalid value: \"4Gi\"");
        assertThat(heap.at("/hint").asText()).isEqualTo("write 4g");
        assertThat(heap.at("/line").asInt()).isEqualTo(10);
        assertThat(heap.at("/column").asInt()).isEqualTo(5);
        assertThat(heap.at("/fix").toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/spec/config/server.memory.heap.max_size\",\"value\":\"4g\"}]");
        // No fix, no "fix" field; a clean object has an empty findings list; a missing namespace reads default.
        assertThat(graph.at("/findings/1").has("fix")).isFalse();
        assertThat(root.at("/objects/1/namespace").asText()).isEqualTo("default");
        assertThat(root.at("/objects/1/findings").isArray()).isTrue();
        assertThat(root.at("/objects/1/findings").size()).isZero();
    }

    @Test
    void conformsToTheDocumentedSchema() {
        assertThat(Schemas.jsonReportProblems(new JsonReport().render(ReportFixture.report()))).isEmpty();
        assertThat(Schemas.jsonReportProblems(new JsonReport().render(ReportFixture.hostile()))).isEmpty();
    }

    @Test
    void theExampleInTheDocsConformsToo() throws Exception {
        String doc = java.nio.file.Files.readString(RepositoryRoot.get()
                .resolve("docs/json-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertThat(Schemas.jsonReportProblems(example)).isEmpty();
    }

    @Test
    void schemaRejectsAnUndocumentedField() {
        String json = new JsonReport().render(ReportFixture.report()).replaceFirst("\"files\"", "\"filez\"");
        assertThat(Schemas.jsonReportProblems(json)).isNotEmpty();
    }

    @Test
    void formattingIsStableTwoSpaceLfWithTrailingNewline() {
        String json = new JsonReport().render(ReportFixture.report());
        assertThat(json).startsWith("{\n  \"summary\": {\n    \"files\": 2,").endsWith("}\n").doesNotContain("\r");
        assertThat(json).contains("\"findings\": []");
    }
}
