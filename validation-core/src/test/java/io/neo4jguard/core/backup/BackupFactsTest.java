package io.neo4jguard.core.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.neo4jguard.core.tree.Node;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BackupFactsTest {

    private static Node tree(String json) throws Exception {
        return Node.root(new ObjectMapper().readTree(json));
    }

    @Test
    void workloadLimitsAreDerivedFromKubernetesNumbers() {
        assertThat(BackupWorkloads.SCHEDULED_NAME_MAX).isEqualTo(52 - "-backup-cron".length()).isEqualTo(40);
        assertThat(BackupWorkloads.ONE_SHOT_NAME_MAX).isEqualTo(63 - "-backup".length()).isEqualTo(56);
        assertThat(BackupWorkloads.cronJob("nightly")).isEqualTo("nightly-backup-cron");
        assertThat(BackupWorkloads.job("once")).isEqualTo("once-backup");
    }

    @Test
    void backupAlwaysPassesSourceTargetAndTypeAndTheOptionsThatAreSet() throws Exception {
        assertThat(AdminArgs.passedByBackup(tree("{}"))).containsOnlyKeys("--from", "--to-path", "--type");
        assertThat(AdminArgs.passedByBackup(tree("{\"compress\": false, \"tempPath\": \"/tmp/x\", "
                + "\"keepFailed\": true, \"skipRecovery\": false}")))
                .containsOnlyKeys("--from", "--to-path", "--type", "--compress", "--temp-path", "--keep-failed")
                .containsEntry("--temp-path", "options.tempPath / options.tempStorage");
    }

    @Test
    void restorePassesOverwriteForForceOrReplaceExisting() throws Exception {
        assertThat(AdminArgs.passedByRestore(tree("{}"), tree("{}"))).containsOnlyKeys("--from-path");
        assertThat(AdminArgs.passedByRestore(tree("{\"force\": true, \"source\": {\"pointInTime\": \"x\"}}"),
                tree("{}"))).containsOnlyKeys("--from-path", "--overwrite-destination", "--restore-until");
    }

    @Test
    void optionNameIsTheTextBeforeTheEqualsSign() {
        assertThat(AdminArgs.optionName("--temp-path=/x=y")).isEqualTo("--temp-path");
        assertThat(AdminArgs.optionName("--verbose")).isEqualTo("--verbose");
    }

    @Test
    void namesAndStaging() {
        assertThat(Names.databaseProblem("sales-2024.eu")).isEmpty();
        assertThat(Names.databaseProblem("sales_eu")).isPresent();
        assertThat(Names.databaseProblem("a" + "b".repeat(Names.DATABASE_MAX))).isPresent();
        assertThat(Names.isShellSafe("/var/tmp/backup-1")).isTrue();
        assertThat(Names.isShellSafe("/tmp/$(id)")).isFalse();
        assertThat(Staging.sizeFitsCrd("50Gi")).isTrue();
        assertThat(Staging.sizeFitsCrd("50G")).isFalse();
        assertThat(Staging.wholeGi(new BigDecimal("1500000000"))).isEqualTo("2Gi");
    }
}
