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

class RestoreSourceCheckTest {
    private final RestoreSourceCheck check = new RestoreSourceCheck();

    private static final String NIGHTLY = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jBackup
            metadata: {name: nightly}
            spec: {instanceRef: solo, database: orders, storage: {type: pvc, pvc: {name: p}}}
            """;
    private static final String NIGHTLY_ALL = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jBackup
            metadata: {name: nightly-all}
            spec: {instanceRef: solo, allDatabases: true, storage: {type: pvc, pvc: {name: p}}}
            """;
    private static final String SHARDED = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jBackup
            metadata: {name: shards}
            spec: {instanceRef: graph, shardedDatabase: products, storage: {type: pvc, pvc: {name: p}}}
            """;

    private final Resolver world = objects(true, standalone("solo", "5.26.0"), cluster("graph", "2025.12.0"),
            NIGHTLY, NIGHTLY_ALL, SHARDED);

    private static String restore(String instance, String source) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                  instanceRef: %s
                  database: orders
                  source:
                """.formatted(instance) + source.indent(4);
    }

    private List<String> findings(String yaml) {
        return ids(run(check, yaml, world));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "'type: backup\nbackupRef: nightly'                                  | ''",
            "'type: backup'                                                       | restore.backup-ref",
            "'type: backup\nbackupRef: Nightly_1'                                 | restore.backup-ref",
            "'type: backup\nbackupRef: weekly'                                    | restore.backup-ref-missing",
            "'type: backup\nbackupRef: shards'                                    | restore.backup-scope",
            "'type: s3'                                                           | restore.source-type",
            "'type: snapshot'                                                     | restore.source-type",
            "'backupRef: nightly'                                                 | restore.source-type",
            "'type: storage\nstorage: {type: pvc, pvc: {name: p}}\nbackupPath: run-1' | ''",
            "'type: storage\nbackupPath: run-1'                                   | restore.storage-source",
            "'type: storage\nstorage: {type: pvc, pvc: {name: p}}\nbackupPath: \" / \"' | restore.storage-source",
            "'type: storage\nstorage: {type: pvc, pvc: {name: p}}'                | restore.storage-source",
    })
    void sources(String source, String expected) {
        assertThat(findings(restore("solo", source + "\n")))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void s3AsSourceTypeGetsTheStorageHint() {
        assertThat(run(check, restore("solo", "type: s3\n"), world).get(0).hint())
                .isEqualTo("use type storage with storage.type: s3");
    }

    @Test
    void aBackupOutsideTheRunIsOnlyAWarning() {
        assertThat(ids(run(check, restore("solo", "type: backup\nbackupRef: weekly\n"), objects(false))))
                .containsExactly("restore.backup-ref-not-in-run");
        assertThat(run(check, restore("solo", "type: backup\nbackupRef: weekly\n"))).isEmpty();
    }

    @Test
    void allDatabasesNeedsAnAllDatabasesBackup() {
        String single = restore("solo", "type: backup\nbackupRef: nightly\n").replace("database: orders", "allDatabases: true");
        String all = restore("solo", "type: backup\nbackupRef: nightly-all\n").replace("database: orders", "allDatabases: true");
        assertThat(findings(single)).containsExactly("restore.backup-scope");
        assertThat(findings(all)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] pitr {0}")
    @CsvSource(delimiter = '|', value = {
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: backup, backupRef: nightly}}'   | ''",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: storage, storage: {type: pvc, pvc: {name: p}}, backupPath: b}}' | ''",
            "'pointInTime: \"2025-01-04T12:30:00Z\"'                                                          | restore.pitr",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {logStorage: {type: pvc, pvc: {name: l}}}'         | restore.pitr",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {backupRef: nightly}}'                | restore.pitr",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: pitr}}'                        | restore.pitr",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: backup}}'                      | restore.backup-ref",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: backup, backupRef: gone}}'     | restore.backup-ref-missing",
            "'pointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: storage, backupPath: b}}'      | restore.storage-source",
            "'pitr: {baseBackup: {type: backup, backupRef: nightly}}'                                         | restore.pitr-without-point-in-time",
    })
    void pointInTimeRecovery(String source, String expected) {
        assertThat(findings(restore("solo", "type: pitr\n" + source + "\n")))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] pointInTime {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-01-04T12:30:00Z         | true",
            "2025-01-04T12:30:00.123Z     | true",
            "2025-01-04T12:30:00+01:00    | true",
            "2024-02-29T23:59:59-23:59    | true",
            "2025-01-04T12:30:00          | false",
            "2025-01-04 12:30:00Z         | false",
            "2025-01-04t12:30:00z         | false",
            "2025-01-04T12:30Z            | false",
            "2025-02-29T12:30:00Z         | false",
            "2025-01-04T24:00:00Z         | false",
            "2025-01-04T12:30:60Z         | false",
            "2025-01-04T12:30:00+24:00    | false",
            "25-01-04T12:30:00Z           | false",
            "yesterday                    | false",
    })
    void pointInTimeIsRfc3339(String pointInTime, boolean valid) {
        List<String> f = findings(restore("solo", "type: backup\nbackupRef: nightly\npointInTime: \"" + pointInTime + "\"\n"));
        assertThat(f).isEqualTo(valid ? List.of() : List.of("restore.point-in-time"));
    }

    @Test
    void clustersCannotRestoreToAPointInTime() {
        List<Finding> pitr = run(check, restore("graph",
                "type: pitr\npointInTime: \"2025-01-04T12:30:00Z\"\npitr: {baseBackup: {type: backup, backupRef: nightly}}\n"),
                world);
        assertThat(ids(pitr)).containsExactly("restore.point-in-time-on-cluster");
        assertThat(pitr.get(0).field()).isEqualTo("spec.source.type");
        assertThat(pitr.get(0).hint()).contains("seedConfig.restoreUntil");
        List<Finding> pit = run(check, restore("graph",
                "type: backup\nbackupRef: nightly\npointInTime: \"2025-01-04T12:30:00Z\"\n"), world);
        assertThat(ids(pit)).containsExactly("restore.point-in-time-on-cluster");
        assertThat(pit.get(0).field()).isEqualTo("spec.source.pointInTime");
    }

    @Test
    void aMissingSourceIsRequired() {
        List<Finding> f = run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec: {instanceRef: solo, database: orders}
                """, world);
        assertThat(ids(f)).containsExactly("restore.source-type");
        assertThat(f.get(0).field()).isEqualTo("spec.source.type");
    }
}
