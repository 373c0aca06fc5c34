package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BackupScheduleCheckTest {
    private final BackupScheduleCheck check = new BackupScheduleCheck();

    private static String backup(String name, String schedule) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata:
                  name: %s
                spec:
                  instanceRef: graph
                  allDatabases: true
                %s
                """.formatted(name, schedule == null ? "" : "  schedule: '" + schedule.replace("'", "''") + "'");
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 2 * * *            | ''",
            "*/15 * * * *         | ''",
            "@daily               | ''",
            "0 0 * * SUN          | ''",
            "0 0 1,15 * *         | ''",
            "0 0 * *              | backup.schedule-invalid",
            "0 0 0 * * *          | backup.schedule-invalid",
            "61 * * * *           | backup.schedule-invalid",
            "0 0 * * 7            | backup.schedule-invalid",
            "@Daily               | backup.schedule-invalid",
            "@every 1d            | backup.schedule-invalid",
            "TZ=UTC 0 2 * * *     | backup.schedule-time-zone",
            "CRON_TZ=UTC 0 2 * * *| backup.schedule-time-zone",
            "0 0 30 2 *           | backup.schedule-never-fires",
            "0 0 31 4,6,9,11 *    | backup.schedule-never-fires",
            "', * * * *'          | backup.schedule-never-fires",
            "0 0 30 2 1           | ''",
            "0 0 29 2 *           | backup.schedule-leap-day-only",
            "@every 6h            | backup.schedule-every",
            "@every 30s           | backup.schedule-every",
    })
    void schedules(String schedule, String expected) {
        List<Finding> f = run(check, backup("nightly", schedule));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        f.forEach(x -> assertThat(x.field()).isEqualTo("spec.schedule"));
    }

    @Test
    void sixFieldsGetAHintAboutSeconds() {
        Finding f = run(check, backup("nightly", "0 0 2 * * *")).get(0);
        assertThat(f.message()).startsWith("Invalid value: \"0 0 2 * * *\": expected exactly 5 fields");
        assertThat(f.hint()).contains("no seconds");
    }

    @Test
    void sundayAsSevenGetsAHint() {
        assertThat(run(check, backup("nightly", "0 0 * * 7")).get(0).hint()).contains("0 for Sunday");
    }

    @Test
    void everyBelowAMinuteSaysItRunsOncePerMinute() {
        assertThat(run(check, backup("nightly", "@every 30s")).get(0).message()).contains("at most once a minute");
    }

    @Test
    void neverFiringExplainsWhy() {
        assertThat(run(check, backup("nightly", "0 0 30 2 *")).get(0).message())
                .contains("do not occur in the chosen months");
        assertThat(run(check, backup("nightly", ", * * * *")).get(0).message()).contains("no value");
    }

    /** CronJob names may have 52 characters; "-backup-cron" takes 12, so 40 remain: both sides of the limit. */
    @ParameterizedTest(name = "[{index}] name length {0}, scheduled {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "40 | true  | ''",
            "41 | true  | backup.cronjob-name-too-long",
            "56 | false | ''",
            "57 | false | backup.job-name-too-long",
            "41 | false | ''",
    })
    void derivedWorkloadNamesMustFit(int length, boolean scheduled, String expected) {
        String name = "b".repeat(length);
        List<Finding> f = run(check, backup(name, scheduled ? "0 2 * * *" : null));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        f.forEach(x -> assertThat(x.field()).isEqualTo("metadata.name"));
    }

    @Test
    void reportsNameAndScheduleProblemsTogether() {
        List<Finding> f = run(check, backup("x".repeat(45), "0 0 30 2 *"));
        assertThat(ids(f)).containsExactlyInAnyOrder("backup.cronjob-name-too-long", "backup.schedule-never-fires");
    }

    @Test
    void wrongTypesAreLeftToTheSchemaCheck() {
        assertThat(run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec: {schedule: 5}
                """)).isEmpty();
    }
}
