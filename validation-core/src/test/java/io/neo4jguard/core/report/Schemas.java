package io.neo4jguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.neo4jguard.core.testkit.RepositoryRoot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** JSON Schema checks of our outputs with networknt (already a dependency of validation-core). */
public final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    /** The subset of SARIF 2.1.0 GitHub code scanning requires (test resource, written for these tests). */
    public static List<String> sarifProblems(String sarif) {
        try (InputStream in = Schemas.class.getResourceAsStream("/sarif-2.1.0-github-subset.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            return messages(schema, JSON.readTree(sarif));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented schema of the JSON report, {@code docs/report.schema.json}. */
    public static List<String> jsonReportProblems(String json) {
        Path schemaFile = RepositoryRoot.get().resolve("docs/report.schema.json");
        try (InputStream in = Files.newInputStream(schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return messages(schema, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(JsonSchema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
