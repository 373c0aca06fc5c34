package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BackupRetentionCheckTest {
    private final BackupRetentionCheck check = new BackupRetentionCheck();

    private static String backup(String storageType, String retention) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec:
                  instanceRef: graph
                  allDatabases: true
                  storage: {type: %s, bucket: b, pvc: {name: p}}
                  retention: %s
                """.formatted(storageType, retention);
    }

    @ParameterizedTest(name = "[{index}] maxAge {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "30d       | ''",
            "168h      | ''",
            "90m       | ''",
            "1s        | ''",
            "106751d   | ''",                     // the largest Go duration in days
            "106752d   | backup.retention-max-age",
            "2562047h  | ''",
            "2562048h  | backup.retention-max-age",
            "0d        | backup.retention-max-age",
            "30        | backup.retention-max-age",
            "1h30m     | backup.retention-max-age",
            "7w        | backup.retention-max-age",
            "1.5d      | backup.retention-max-age",
            "-1d       | backup.retention-max-age",
            "030d      | backup.retention-max-age",
            "' 30d'    | backup.retention-max-age",
    })
    void maxAge(String maxAge, String expected) {
        List<Finding> f = run(check, backup("pvc", "{maxAge: \"" + maxAge + "\"}"));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'{maxCount: 1}'                       | ''",
            "'{maxCount: 0, maxAge: 7d}'           | ''",
            "'{maxCount: 0}'                       | backup.retention-empty",
            "'{}'                                  | backup.retention-empty",
            "'{deletePolicy: Delete}'              | backup.retention-empty",
            "'{maxCount: -1, maxAge: 7d}'          | backup.retention-max-count",
            "'{maxCount: 7, deletePolicy: Delete}' | ''",
            "'{maxCount: 7, deletePolicy: Archive}'| backup.retention-delete-policy",
            "'{maxCount: \"7\"}'                   | ''",
    })
    void countPolicyAndCriterion(String retention, String expected) {
        List<Finding> f = run(check, backup("pvc", retention));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void negativeCountAloneIsBothNegativeAndNoCriterion() {
        assertThat(ids(run(check, backup("pvc", "{maxCount: -3}"))))
                .containsExactlyInAnyOrder("backup.retention-max-count", "backup.retention-empty");
    }

    @ParameterizedTest(name = "[{index}] {0} -> warns {1}")
    @CsvSource(delimiter = '|', value = {"s3 | true", "gcs | true", "azure | true", "pvc | false"})
    void retentionIsOnlyEnforcedOnPvcStorage(String type, boolean warns) {
        List<Finding> f = run(check, backup(type, "{maxAge: 30d, maxCount: 30}"));
        assertThat(ids(f)).isEqualTo(warns ? List.of("backup.retention-not-enforced") : List.of());
        if (warns) {
            assertThat(f.get(0).hint()).contains("lifecycle");
        }
    }

    @Test
    void noRetentionBlockNoFindings() {
        assertThat(run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec: {instanceRef: graph, allDatabases: true, storage: {type: s3}}
                """)).isEmpty();
    }
}
