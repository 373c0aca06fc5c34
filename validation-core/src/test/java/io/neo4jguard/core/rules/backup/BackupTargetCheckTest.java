package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.backup.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.objects;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static io.neo4jguard.core.rules.backup.Fixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class BackupTargetCheckTest {
    private final BackupTargetCheck check = new BackupTargetCheck();
    private final Resolver withGraph = objects(true, cluster("graph", "2025.12.1-enterprise"));

    private static String backup(String specLines) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata:
                  name: nightly
                spec:
                """ + specLines.indent(2);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'{allDatabases: true}'                                 | ''",
            "'{database: orders}'                                   | ''",
            "'{shardedDatabase: products}'                          | ''",
            "'{allDatabases: false}'                                | backup.scope-required",
            "'{database: \"\"}'                                     | backup.scope-required",
            "'{}'                                                   | backup.scope-required",
            "'{database: orders, allDatabases: true}'               | backup.scope-conflict",
            "'{database: orders, shardedDatabase: p}'               | backup.scope-conflict",
            "'{database: tenant_a_prod}'                            | backup.database-name",
            "'{database: 1orders}'                                  | backup.database-name",
            "'{database: orders.v2-eu}'                             | ''",
            "'{shardedDatabase: Products}'                          | backup.sharded-database-name",
            "'{shardedDatabase: products_1}'                        | backup.sharded-database-name",
    })
    void scope(String scope, String expected) {
        String yaml = backup("instanceRef: graph\n" + scope.substring(1, scope.length() - 1).replace(", ", "\n")
                .replace(": ", ": ") + "\n");
        List<Finding> f = run(check, yaml, withGraph);
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void allThreeScopesGiveTwoConflicts() {
        List<Finding> f = run(check, backup("instanceRef: graph\ndatabase: a\nallDatabases: true\nshardedDatabase: s\n"),
                withGraph);
        assertThat(ids(f)).containsExactly("backup.scope-conflict", "backup.scope-conflict");
        assertThat(f).extracting(Finding::field).containsExactly("spec.allDatabases", "spec.shardedDatabase");
        assertThat(f.get(0).message()).contains("database, allDatabases, shardedDatabase are set");
    }

    /** The CRD allows 65 characters: both sides of the limit. */
    @Test
    void databaseNameLength() {
        assertThat(run(check, backup("instanceRef: graph\ndatabase: " + "d".repeat(65) + "\n"), withGraph)).isEmpty();
        assertThat(ids(run(check, backup("instanceRef: graph\ndatabase: " + "d".repeat(66) + "\n"), withGraph)))
                .containsExactly("backup.database-name");
    }

    @Test
    void underscoresGetAHint() {
        assertThat(run(check, backup("instanceRef: graph\ndatabase: tenant_a\n"), withGraph).get(0).hint())
                .contains("'-'");
    }

    @Test
    void instanceRefIsRequiredAndTheOldTargetFormGetsAHint() {
        List<Finding> f = run(check, backup("target: {kind: Cluster, name: graph}\nallDatabases: true\n"));
        assertThat(ids(f)).containsExactly("backup.instance-ref-required");
        assertThat(f.get(0).field()).isEqualTo("spec.instanceRef");
        assertThat(f.get(0).hint()).contains("spec.target was replaced");
    }

    @Test
    void theTargetIsResolvedThroughTheSharedReferenceRules() {
        String yaml = backup("instanceRef: missing\nallDatabases: true\n");
        assertThat(ids(run(check, yaml, objects(true)))).containsExactly("refs.target-missing");
        assertThat(ids(run(check, yaml, objects(false)))).containsExactly("refs.target-not-in-run");
        assertThat(ids(run(check, yaml))).containsExactly("refs.target-unresolved");
        assertThat(run(check, backup("instanceRef: graph\nallDatabases: true\n"), withGraph)).isEmpty();
    }

    @Test
    void shardedBackupsNeedAClusterTarget() {
        Resolver r = objects(true, standalone("solo", "2025.12.1-enterprise"));
        List<Finding> f = run(check, backup("instanceRef: solo\nshardedDatabase: products\n"), r);
        assertThat(ids(f)).containsExactly("backup.sharded-needs-cluster");
        assertThat(f.get(0).field()).isEqualTo("spec.shardedDatabase");
    }

    @Test
    void reportsEverythingAtOnce() {
        List<Finding> f = run(check, backup("database: bad_name\nallDatabases: true\n"));
        assertThat(ids(f)).containsExactlyInAnyOrder("backup.instance-ref-required", "backup.scope-conflict",
                "backup.database-name");
    }
}
