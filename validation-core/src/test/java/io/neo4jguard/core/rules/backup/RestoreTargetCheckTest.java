package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.backup.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.objects;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class RestoreTargetCheckTest {
    private final RestoreTargetCheck check = new RestoreTargetCheck();

    private static String restore(String specLines) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                """ + specLines.indent(2);
    }

    private static String withTarget(String lines) {
        return restore("instanceRef: graph\nsource: {type: backup, backupRef: nightly}\n" + lines);
    }

    private List<String> findings(String yaml) {
        return ids(run(check, yaml, objects(true, cluster("graph", "5.26.0"))));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "database: orders                  | ''",
            "database: orders.eu-1             | ''",
            "database: neo4j                   | ''",
            "'database: \"\"'                  | restore.database-required",
            "allDatabases: false               | restore.database-required",
            "database: system                  | restore.database-name",
            "database: SYSTEM                  | restore.database-name",
            "database: my_db                   | restore.database-name",
            "database: 9lives                  | restore.database-name",
            "allDatabases: true                | ''",
    })
    void database(String lines, String expected) {
        assertThat(findings(withTarget(lines + "\n"))).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void databaseNameLengthBothSides() {
        assertThat(findings(withTarget("database: " + "a".repeat(65) + "\n"))).isEmpty();
        assertThat(findings(withTarget("database: " + "a".repeat(66) + "\n"))).containsExactly("restore.database-name");
    }

    @Test
    void allDatabasesExcludesDatabaseAndNeedsABackupSource() {
        List<Finding> f = run(check, restore("""
                instanceRef: graph
                allDatabases: true
                database: orders
                source: {type: storage}
                """), objects(true, cluster("graph", "5.26.0")));
        assertThat(f).extracting(Finding::field).containsExactlyInAnyOrder("spec.database", "spec.source.type");
        assertThat(ids(f)).containsOnly("restore.all-databases");
    }

    @ParameterizedTest(name = "[{index}] sourceDatabase {0} (all={1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "orders   | false | ''",
            "system   | false | restore.source-database",
            "a_b      | false | restore.source-database",
            "orders   | true  | restore.source-database",
    })
    void sourceDatabase(String name, boolean all, String expected) {
        String yaml = restore("instanceRef: graph\n" + (all ? "allDatabases: true\n" : "database: copy\n")
                + "source: {type: backup, backupRef: nightly, sourceDatabase: " + name + "}\n");
        assertThat(findings(yaml)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] timeout {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "30m     | ''",
            "4h      | ''",
            "1h30m   | ''",
            "1ns     | ''",
            "0s      | restore.timeout",
            "-5m     | restore.timeout",
            "30      | restore.timeout",
            "1d      | restore.timeout",
            "'30 m'  | restore.timeout",
    })
    void timeout(String timeout, String expected) {
        assertThat(findings(withTarget("database: orders\ntimeout: \"" + timeout + "\"\n")))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void daysGetAnHoursHint() {
        assertThat(run(check, withTarget("database: o\ntimeout: 2d\n"), objects(true, cluster("graph", "5.26.0")))
                .get(0).hint()).contains("48h");
    }

    @Test
    void instanceRefIsRequiredAndLegacyNamesGetHints() {
        List<Finding> f = run(check, restore("clusterRef: graph\ndatabaseName: orders\nsource: {type: backup}\n"));
        assertThat(ids(f)).containsExactlyInAnyOrder("restore.instance-ref-required", "restore.database-required");
        assertThat(f).extracting(Finding::hint).anyMatch(h -> h.contains("instanceRef"))
                .anyMatch(h -> h.contains("spec.database"));
    }

    @Test
    void theTargetIsResolvedThroughTheSharedReferenceRules() {
        String yaml = restore("instanceRef: nowhere\ndatabase: orders\nsource: {type: backup, backupRef: b}\n");
        assertThat(ids(run(check, yaml, objects(true)))).containsExactly("refs.target-missing");
        assertThat(ids(run(check, yaml, objects(false)))).containsExactly("refs.target-not-in-run");
    }
}
