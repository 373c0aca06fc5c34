package io.neo4jguard.webhook.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neo4jguard.webhook.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code check --output sarif} passes the SARIF Multitool's {@code validate} with nothing to say: no
 * error, and none of the warnings code scanning's ingestion would show (SARIF2005 asked for the tool's
 * version and informationUri until the driver had them).
 */
class SarifMultitoolIT {
    @TempDir
    Path dir;

    @Test
    void checkSarifIsCleanForTheMultitool() throws Exception {
        Optional<SarifMultitool> tool = SarifMultitool.provision();
        assumeTrue(tool.isPresent(), "npm is not on PATH: cannot provision " + SarifMultitool.PACKAGE);
        Path manifests = dir.resolve("clusters.yaml");
        try (InputStream in = SarifMultitoolIT.class.getResourceAsStream("/image/clusters.yaml")) {
            Files.copy(in, manifests);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir)
                .run("check", "--output", "sarif", "clusters.yaml");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        Path log = dir.resolve("neo4j-guard.sarif");
        Files.write(log, out.toByteArray());
        JsonNode ours = new ObjectMapper().readTree(log.toFile());
        assertThat(ours.at("/runs/0/results").size()).as("the log has a finding to validate").isPositive();

        Path verdict = dir.resolve("validation.sarif");
        tool.get().validate(log, verdict);
        List<String> said = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(verdict.toFile()).path("runs")) {
            run.path("results").forEach(r -> said.add(r.path("ruleId").asText() + ": " + r.at("/message/text")));
        }
        assertThat(said).as("what the multitool reports about our SARIF").isEmpty();
    }
}
