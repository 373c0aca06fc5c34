package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A backup's runs, read from its Job (one-shot) or from the Jobs its CronJob started:
 * {@code lastRunTime} (newest Job start, or the CronJob's last schedule), {@code lastSuccessTime} (newest
 * completion of a Job that succeeded), {@code failures} (failed backup pods over the Jobs still kept: the Job's
 * {@code backoffLimit} retries count one each), and condition {@code BackupSucceeded} from the newest finished Job.
 * Times are RFC 3339 strings exactly as the API server wrote them (comparable as text: fixed format, UTC).
 */
public record BackupStatus(String lastRunTime, String lastSuccessTime, int failures, Condition succeeded,
                           Condition progressing) {

    public static BackupStatus of(List<Job> jobs, CronJob cron, long generation) {
        String lastRun = jobs.stream().map(j -> j.getStatus() == null ? null : j.getStatus().getStartTime())
                .filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
        if (cron != null && cron.getStatus() != null && cron.getStatus().getLastScheduleTime() != null
                && (lastRun == null || cron.getStatus().getLastScheduleTime().compareTo(lastRun) > 0)) {
            lastRun = cron.getStatus().getLastScheduleTime();
        }
        String lastSuccess = jobs.stream().filter(j -> finished(j, "Complete").isPresent())
                .map(j -> j.getStatus().getCompletionTime()).filter(t -> t != null)
                .max(Comparator.naturalOrder()).orElse(null);
        int failures = jobs.stream().mapToInt(j -> j.getStatus() == null || j.getStatus().getFailed() == null
                ? 0 : j.getStatus().getFailed()).sum();
        Optional<Job> newestFinished = jobs.stream().filter(j -> finishedAt(j) != null)
                .max(Comparator.comparing(BackupStatus::finishedAt));
        boolean running = jobs.stream().anyMatch(j -> finishedAt(j) == null);
        Condition succeeded;
        if (newestFinished.isEmpty()) {
            succeeded = Condition.of(Condition.BACKUP_SUCCEEDED, Condition.Status.Unknown,
                    running ? "Running" : "NotYetRun",
                    running ? "the first backup is running" : cron != null ? waiting(cron) : "no backup Job yet",
                    generation);
        } else {
            Job j = newestFinished.get();
            Optional<JobCondition> complete = finished(j, "Complete");
            succeeded = complete.isPresent()
                    ? Condition.of(Condition.BACKUP_SUCCEEDED, true, "Succeeded",
                            "Job " + j.getMetadata().getName() + " completed", generation)
                    : Condition.of(Condition.BACKUP_SUCCEEDED, false, "Failed",
                            "Job " + j.getMetadata().getName() + " failed" + finished(j, "Failed")
                                    .map(c -> ": " + (c.getMessage() == null ? c.getReason() : c.getMessage()))
                                    .orElse(""), generation);
        }
        Condition progressing = Condition.of(Condition.PROGRESSING, running, running ? "BackupRunning" : "Idle",
                running ? "a backup Job is running" : "", generation);
        return new BackupStatus(lastRun, lastSuccess, failures, succeeded, progressing);
    }

    public List<Condition> conditions() {
        return List.of(succeeded, progressing);
    }

    public ObjectNode fields() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (lastRunTime != null) {
            n.put("lastRunTime", lastRunTime);
        }
        if (lastSuccessTime != null) {
            n.put("lastSuccessTime", lastSuccessTime);
        }
        n.put("failures", failures);
        return n;
    }

    private static String waiting(CronJob cron) {
        boolean suspended = cron.getSpec() != null && Boolean.TRUE.equals(cron.getSpec().getSuspend());
        return suspended ? "the schedule is suspended" : "waiting for the schedule";
    }

    private static Optional<JobCondition> finished(Job j, String type) {
        if (j.getStatus() == null || j.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return j.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static String finishedAt(Job j) {
        Optional<JobCondition> c = finished(j, "Complete").or(() -> finished(j, "Failed"));
        if (c.isEmpty()) {
            return null;
        }
        String t = c.get().getLastTransitionTime();
        if (t == null && j.getStatus().getCompletionTime() != null) {
            t = j.getStatus().getCompletionTime();
        }
        return t == null ? "" : t;
    }
}
