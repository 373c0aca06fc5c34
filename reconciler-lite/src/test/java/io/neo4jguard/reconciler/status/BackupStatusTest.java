package io.neo4jguard.reconciler.status;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackupStatusTest {
    @Test
    void aCompletedJobIsASuccessWithItsTimes() {
        BackupStatus s = BackupStatus.of(List.of(job("b-backup", "2026-12-07T10:00:00Z", "Complete",
                "2026-12-07T10:05:00Z", 1)), null, 2);
        assertThat(s.succeeded().isTrue()).isTrue();
        assertThat(s.lastRunTime()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(s.lastSuccessTime()).isEqualTo("2026-12-07T10:05:00Z");
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.progressing().isTrue()).isFalse();
    }

    @Test
    void theNewestFinishedJobDecides() {
        BackupStatus s = BackupStatus.of(List.of(
                job("b-1", "2026-12-07T10:00:00Z", "Complete", "2026-12-07T10:05:00Z", 0),
                job("b-2", "2026-12-07T11:00:00Z", "Failed", "2026-12-07T11:09:00Z", 4)), null, 1);
        assertThat(s.succeeded().status()).isEqualTo(Condition.Status.False);
        assertThat(s.succeeded().message()).contains("b-2");
        assertThat(s.lastSuccessTime()).isEqualTo("2026-12-07T10:05:00Z");
        assertThat(s.lastRunTime()).isEqualTo("2026-12-07T11:00:00Z");
        assertThat(s.failures()).isEqualTo(4);
    }

    @Test
    void aRunningOrNeverRunScheduleIsUnknownAndSaysWhy() {
        BackupStatus running = BackupStatus.of(List.of(job("b-1", "2026-12-07T10:00:00Z", null, null, 0)), null, 1);
        assertThat(running.succeeded().status()).isEqualTo(Condition.Status.Unknown);
        assertThat(running.progressing().isTrue()).isTrue();
        CronJob suspended = new CronJobBuilder().withNewMetadata().withName("b-backup-cron").endMetadata()
                .withNewSpec().withSchedule("0 3 * * *").withSuspend(true).endSpec()
                .withNewStatus().withLastScheduleTime("2026-12-06T03:00:00Z").endStatus().build();
        BackupStatus idle = BackupStatus.of(List.of(), suspended, 1);
        assertThat(idle.succeeded().message()).contains("suspended");
        assertThat(idle.lastRunTime()).isEqualTo("2026-12-06T03:00:00Z");
    }

    private static Job job(String name, String start, String finished, String at, int failed) {
        JobBuilder b = new JobBuilder().withNewMetadata().withName(name).endMetadata();
        var status = b.withNewStatus().withStartTime(start).withFailed(failed);
        if (finished != null) {
            status.addNewCondition().withType(finished).withStatus("True").withLastTransitionTime(at).endCondition();
            if (finished.equals("Complete")) {
                status.withCompletionTime(at);
            }
        }
        return status.endStatus().build();
    }
}
