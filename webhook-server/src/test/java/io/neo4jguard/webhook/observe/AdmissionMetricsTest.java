package io.neo4jguard.webhook.observe;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.webhook.admission.Answer;
import io.neo4jguard.webhook.admission.Decision;
import io.neo4jguard.webhook.admission.Operation;
import io.neo4jguard.webhook.admission.Status;
import io.neo4jguard.webhook.admission.Webhook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters are looked up once per label set: each request still counts once, in its own series. */
class AdmissionMetricsTest {
    private static Answer answer(String kind, boolean allowed, List<Finding> findings) {
        return new Answer(200, new byte[0], new Decision(Webhook.VALIDATE, "u", kind, "ns", "n", Operation.CREATE,
                false, allowed, findings, 0, ""), "", Map.of());
    }

    private static Finding finding(String rule) {
        return new Finding(rule, Severity.ERROR, "spec", "m", "", Location.UNKNOWN, List.of());
    }

    @Test
    void everyRequestCountsOnceInItsSeries() {
        AdmissionMetrics m = new AdmissionMetrics();
        for (int i = 0; i < 3; i++) {
            m.record(Webhook.VALIDATE, answer("Neo4jEnterpriseCluster", false, List.of(finding("a.b"))), 1_000_000);
        }
        m.record(Webhook.VALIDATE, answer("ConfigMap", true, List.of()), 1_000_000);
        m.record(Webhook.VALIDATE, answer("Secret", true, List.of()), 1_000_000);
        m.record(Webhook.VALIDATE, Status.error(400, "bad"), 1_000_000);
        String s = m.scrape();
        assertThat(s).contains("neo4j_guard_admission_requests_total{allowed=\"false\",dry_run=\"false\","
                + "kind=\"Neo4jEnterpriseCluster\",operation=\"CREATE\",webhook=\"validate\"} 3.0");
        // Kinds that are not ours share the one "other" series.
        assertThat(s).contains("neo4j_guard_admission_requests_total{allowed=\"true\",dry_run=\"false\","
                + "kind=\"other\",operation=\"CREATE\",webhook=\"validate\"} 2.0");
        assertThat(s).contains("neo4j_guard_rule_findings_total{rule=\"a.b\",severity=\"error\"} 3.0");
        assertThat(s).contains("neo4j_guard_admission_refused_total{code=\"400\",webhook=\"validate\"} 1.0");
        assertThat(s).contains("neo4j_guard_admission_duration_seconds_count{webhook=\"validate\"} 6");
    }
}
