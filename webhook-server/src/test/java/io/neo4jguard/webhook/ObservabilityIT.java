package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics, decision logs, and the patch as the API server would apply it. */
class ObservabilityIT {
    @TempDir
    static Path certs;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(certs);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthAndReadinessOnBothPorts() throws Exception {
        assertThat(server.getPlain("/healthz").statusCode()).isEqualTo(200);
        assertThat(server.getPlain("/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> tls = server.client.send(java.net.http.HttpRequest.newBuilder(server.uri("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(server.server.ready()).isTrue();
        assertThat(server.getPlain("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsCarryTheDesignNamesAndLabels() throws Exception {
        server.post("/validate", Reviews.text("validate-deny"));
        server.post("/validate", Reviews.text("validate-dry-run"));
        server.post("/mutate", Reviews.text("mutate-defaults"));
        server.post("/validate", "not json");
        String m = server.getPlain("/metrics").body();
        assertThat(m).contains("neo4j_guard_admission_requests_total{allowed=\"false\",dry_run=\"false\",kind=\"Neo4jEnterpriseCluster\",operation=\"CREATE\",webhook=\"validate\"}");
        assertThat(m).contains("neo4j_guard_admission_requests_total{allowed=\"false\",dry_run=\"true\",kind=\"Neo4jEnterpriseCluster\",operation=\"CREATE\",webhook=\"validate\"}");
        assertThat(m).contains("neo4j_guard_admission_requests_total{allowed=\"true\",dry_run=\"false\",kind=\"Neo4jEnterpriseCluster\",operation=\"CREATE\",webhook=\"mutate\"}");
        assertThat(m).contains("neo4j_guard_admission_duration_seconds_bucket{webhook=\"validate\",le=\"0.001\"}");
        assertThat(m).contains("neo4j_guard_admission_duration_seconds_bucket{webhook=\"validate\",le=\"0.1\"}");
        assertThat(m).contains("neo4j_guard_rule_findings_total{rule=\"topology.min-servers\",severity=\"error\"}");
        assertThat(m).contains("neo4j_guard_admission_refused_total{code=\"400\",webhook=\"validate\"}");
        assertThat(m).containsPattern("neo4j_guard_certificate_expiry_timestamp_seconds\\{certificate=\"serving\"} \\d\\.\\d+E9");
        assertThat(m).containsPattern("neo4j_guard_certificate_expiry_timestamp_seconds\\{certificate=\"ca\"} \\d\\.\\d+E9");
        long servingNotAfter = server.server.certificate().getNotAfter().toInstant().getEpochSecond();
        assertThat(m).contains("neo4j_guard_certificate_expiry_timestamp_seconds{certificate=\"serving\"} "
                + (double) servingNotAfter);
    }

    @Test
    void oneJsonLineperDecisionWithIdsAndNoObjectContent() throws Exception {
        ObjectNode review = Reviews.tree("validate-deny");
        String secret = "S3cr3t-Passw0rd-Value";
        ObjectNode object = (ObjectNode) review.path("request").path("object");
        ((ObjectNode) object.path("metadata")).putObject("annotations").put("example.com/token", secret);
        ((ObjectNode) object.path("spec").path("config")).put("dbms.security.auth_password", secret);
        ((ObjectNode) review.path("request")).put("uid", "log-test-uid-1");
        HttpResponse<String> r = server.post("/validate", Reviews.bytes(review));
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = List.copyOf(server.logs);
        String line = lines.stream().filter(l -> l.contains("log-test-uid-1")).findFirst().orElseThrow();
        JsonNode log = TestServer.JSON.readTree(line);
        assertThat(log.path("msg").asText()).isEqualTo("admission decision");
        assertThat(log.path("kind").asText()).isEqualTo("Neo4jEnterpriseCluster");
        assertThat(log.path("namespace").asText()).isEqualTo("prod");
        assertThat(log.path("name").asText()).isEqualTo("graph");
        assertThat(log.path("operation").asText()).isEqualTo("CREATE");
        assertThat(log.path("allowed").asBoolean()).isFalse();
        assertThat(log.path("rules").toString()).contains("topology.min-servers", "memory.kubernetes-unit");
        assertThat(log.path("duration_ms").isNumber()).isTrue();
        assertThat(String.join("\n", lines)).doesNotContain(secret).doesNotContain("4Gi");
    }

    @Test
    void thePatchAppliesAndIsIdempotentAndTheResultIsValid() throws Exception {
        ObjectNode review = Reviews.tree("mutate-defaults");
        JsonNode resp = TestServer.JSON.readTree(server.post("/mutate", Reviews.bytes(review)).body()).path("response");
        assertThat(resp.path("patchType").asText()).isEqualTo("JSONPatch");
        JsonNode patch = TestServer.JSON.readTree(Base64.getDecoder().decode(resp.path("patch").asText()));
        JsonNode patched = JsonPatch.apply(patch, review.path("request").path("object"));
        assertThat(patched).isNotEqualTo(review.path("request").path("object"));

        ((ObjectNode) review.path("request")).set("object", patched);
        JsonNode again = TestServer.JSON.readTree(server.post("/mutate", Reviews.bytes(review)).body()).path("response");
        assertThat(again.path("allowed").asBoolean()).isTrue();
        assertThat(again.has("patch")).as("a second call (reinvocation) proposes nothing").isFalse();
        assertThat(again.has("patchType")).isFalse();

        JsonNode valid = TestServer.JSON.readTree(server.post("/validate", Reviews.bytes(review)).body()).path("response");
        assertThat(valid.path("allowed").asBoolean()).isTrue();
    }
}
