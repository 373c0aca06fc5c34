package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.objects;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BackupChainCheckTest {
    private final BackupChainCheck check = new BackupChainCheck();

    private static String backup(String name, String extra, String path) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: %s}
                spec:
                  instanceRef: graph
                  database: orders
                  schedule: "0 * * * *"
                  storage: {type: s3, bucket: b, path: "%s"}
                """.formatted(name, path) + extra.indent(2);
    }

    private final Resolver parentDaily = objects(true, backup("daily", "", "orders"));

    @Test
    void chainingFromAMatchingParentIsFine() {
        assertThat(run(check, backup("hourly", "chainFromBackup: daily", "orders/"), parentDaily)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "hourly  | chainFromBackup: hourly    | backup.chain-self",
            "hourly  | chainFromBackup: Daily_1   | backup.chain-name",
            "hourly  | chainFromBackup: weekly    | backup.chain-parent-missing",
    })
    void chainReferences(String name, String extra, String expected) {
        assertThat(ids(run(check, backup(name, extra, "orders"), parentDaily))).containsExactly(expected);
    }

    @Test
    void aParentOutsideTheRunIsOnlyAWarning() {
        assertThat(ids(run(check, backup("hourly", "chainFromBackup: weekly", "orders"), objects(false))))
                .containsExactly("backup.chain-parent-not-in-run");
    }

    @Test
    void aChainMustShareTargetAndStorage() {
        List<Finding> f = run(check, backup("hourly", "chainFromBackup: daily", "other")
                .replace("database: orders", "database: invoices"), parentDaily);
        assertThat(ids(f)).containsExactly("backup.chain-mismatch");
        assertThat(f.get(0).message()).contains("database, storage.path");
    }

    @Test
    void modes() {
        assertThat(ids(run(check, backup("a", "mode: mirror", "x")))).containsExactly("backup.mode");
        assertThat(run(check, backup("a", "mode: standard", "x"))).isEmpty();
        assertThat(run(check, backup("a", "mode: replication-source", "x"), objects(true))).isEmpty();
    }

    @Test
    void replicationSourceConstraintsAreAllReported() {
        String yaml = """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: chain}
                spec:
                  mode: replication-source
                  instanceRef: graph
                  allDatabases: true
                  retention: {maxCount: 3}
                  storage: {type: s3, bucket: b, path: inv}
                """;
        List<Finding> f = run(check, yaml, objects(true));
        assertThat(f).extracting(Finding::field).containsExactlyInAnyOrder("spec.allDatabases", "spec.database",
                "spec.retention", "spec.schedule");
        assertThat(ids(f)).containsOnly("backup.replication-source");
    }

    @Test
    void aReplicationSourceMustNotShareItsLocationUnlessChained() {
        String source = backup("chain", "mode: replication-source", "inv");
        Resolver sharing = objects(true, source, backup("other", "", "inv/"));
        assertThat(ids(run(check, source, sharing))).containsExactly("backup.replication-source");
        Resolver chained = objects(true, source, backup("child", "chainFromBackup: chain", "inv"));
        assertThat(run(check, source, chained)).isEmpty();
        Resolver elsewhere = objects(true, source, backup("other", "", "elsewhere"));
        assertThat(run(check, source, elsewhere)).isEmpty();
    }
}
