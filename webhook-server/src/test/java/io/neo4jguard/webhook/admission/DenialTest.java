package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DenialTest {
    private static final ReviewRequest REQUEST = new ReviewRequest(ReviewRequest.API_VERSION, "u1", "neo4j.neo4j.com",
            "v1beta1", "Neo4jEnterpriseCluster", "", "prod", "graph", Operation.CREATE, false, null, null);

    private static Finding e(String rule, String field, String message) {
        return new Finding(rule, Severity.ERROR, field, message, "", null, null);
    }

    @Test
    void messageNamesTheObjectThenEachErrorWithItsRule() {
        String m = Denial.message(REQUEST, List.of(e("topology.min-servers", "spec.topology.servers", "Invalid value: 1: too few"),
                e("x.whole", "", "Forbidden: no")));
        assertThat(m).isEqualTo("Neo4jEnterpriseCluster \"graph\" is invalid: spec.topology.servers: Invalid value: 1: "
                + "too few (topology.min-servers); Forbidden: no (x.whole)");
    }

    @Test
    void causesCarryFieldMessageWithRuleAndTheKubernetesCauseType() {
        ObjectNode status = Denial.invalid(REQUEST, List.of(e("a.b", "spec.x", "Required value: give one"),
                e("c.d", "spec.y", "Unsupported value: \"z\": supported values: \"a\""), e("e.f", "spec.z", "odd")));
        assertThat(status.path("code").asInt()).isEqualTo(422);
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(status.path("details").path("causes").get(0).toString())
                .isEqualTo("{\"reason\":\"FieldValueRequired\",\"message\":\"Required value: give one (a.b)\",\"field\":\"spec.x\"}");
        assertThat(status.path("details").path("causes").get(1).path("reason").asText()).isEqualTo("FieldValueNotSupported");
        assertThat(status.path("details").path("causes").get(2).path("reason").asText()).isEqualTo("FieldValueInvalid");
    }

    @Test
    void hugeDenialsStayBounded() {
        List<Finding> errors = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            errors.add(e("r.n" + i, "spec.f" + i, "Invalid value: " + "v".repeat(100)));
        }
        ObjectNode status = Denial.invalid(REQUEST, errors);
        assertThat(status.path("message").asText().length()).isLessThanOrEqualTo(Denial.MESSAGE_LIMIT);
        assertThat(status.path("message").asText()).containsPattern("; and \\d+ more errors$");
        assertThat(status.path("details").path("causes").size()).isEqualTo(Denial.CAUSES_LIMIT);
    }

    @Test
    void anObjectWithoutANameIsANewOne() {
        ReviewRequest unnamed = new ReviewRequest(ReviewRequest.API_VERSION, "u1", "neo4j.neo4j.com", "v1beta1",
                "Neo4jDatabase", "", "prod", "", Operation.CREATE, false, null, null);
        assertThat(Denial.subject(unnamed)).isEqualTo("a new Neo4jDatabase");
    }
}
