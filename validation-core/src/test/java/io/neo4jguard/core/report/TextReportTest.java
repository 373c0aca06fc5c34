package io.neo4jguard.core.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {
    @Test
    void oneLinePerFindingThenASummary() {
        String text = new TextReport(false).render(ReportFixture.report());
        assertThat(text.lines().toList()).containsExactly(
                "k8s/cluster.yaml:10:5  error  memory.test-heap-syntax  Neo4jEnterpriseCluster/graph  "
                        + "spec.config[server.memory.heap.max_size]: Invalid value: \"4Gi\": Neo4j does not read "
                        + "Kubernetes quantities  hint: write 4g",
                "k8s/cluster.yaml:8:5  error  topology.test-min-servers  Neo4jEnterpriseCluster/graph  "
                        + "spec.topology.servers: Invalid value: 1: a cluster needs at least 2 servers  "
                        + "hint: use Neo4jEnterpriseStandalone for one server",
                "k8s/cluster.yaml:6:1  warning  memory.test-no-limit  Neo4jEnterpriseCluster/graph  "
                        + "spec.resources: Required value: a memory limit",
                "2 objects in 2 files: 2 errors, 1 warning (1 other object read as context, not checked)");
        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void colourOnlyWhenAsked() {
        String text = new TextReport(true).render(ReportFixture.report());
        assertThat(text).contains("\u001b[1;31merror\u001b[0m").contains("\u001b[1;33mwarning\u001b[0m");
    }

    @Test
    void aMultiLineMessageStaysOnOneLineAndAnUnknownLineShowsTheFileOnly() {
        List<String> lines = new TextReport(false).render(ReportFixture.hostile()).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("dir with space/<&>\"'.yaml  warning  memory.test-no-limit");
    }

    @Test
    void summaries() {
        TextReport t = new TextReport(false);
        assertThat(t.summary(new Summary(3, 0, 2, 0, 0)))
                .isEqualTo("no Neo4j operator objects found in 3 files (2 other objects read as context, not checked)");
        assertThat(t.summary(new Summary(1, 1, 0, 0, 0))).isEqualTo("1 object in 1 file: no findings");
        assertThat(t.summary(new Summary(1, 2, 0, 0, 2))).isEqualTo("2 objects in 1 file: 0 errors, 2 warnings");
    }
}
