package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.BackupWorkloads;
import io.neo4jguard.core.cron.CronSchedule;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Parsed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.schedule} of a Neo4jBackup and the names of the workloads derived from {@code metadata.name}
 * ({@link BackupWorkloads}). A scheduled backup becomes a CronJob {@code <name>-backup-cron} whose schedule the
 * API server checks with robfig/cron ({@link CronSchedule}); a one-shot backup becomes a Job {@code <name>-backup}.
 */
public final class BackupScheduleCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP);

    public static final RuleMeta INVALID = new RuleMeta("backup.schedule-invalid",
            "Schedule must be a valid Kubernetes CronJob schedule", Severity.ERROR, KINDS,
            "The operator copies spec.schedule into a CronJob, and the API server refuses the CronJob unless the "
                    + "schedule parses with robfig/cron's standard parser: five fields (minute hour day-of-month "
                    + "month day-of-week), lists, ranges, steps, month and weekday names, or @yearly, @annually, "
                    + "@monthly, @weekly, @daily, @midnight, @hourly, @every <duration>. The backup would then never "
                    + "be scheduled.",
            "Write five fields (no seconds field); day of week is 0-6 with Sunday = 0.",
            "spec:\n  schedule: \"0 2 * * *\"   # every day at 02:00");

    public static final RuleMeta TIME_ZONE = new RuleMeta("backup.schedule-time-zone",
            "Schedule must not carry TZ= or CRON_TZ=", Severity.ERROR, KINDS,
            "Kubernetes refuses new CronJobs whose schedule contains TZ (\"cannot use TZ or CRON_TZ in schedule, use "
                    + "timeZone field instead\"). Neo4jBackup has no time-zone field, so the CronJob runs in the "
                    + "kube-controller-manager's time zone, which is UTC on most clusters.",
            "Remove the TZ=/CRON_TZ= prefix and write the schedule in the controller manager's time zone (usually "
                    + "UTC).",
            "spec:\n  schedule: \"0 1 * * *\"   # 01:00 UTC = 02:00 CET");

    public static final RuleMeta NEVER_FIRES = new RuleMeta("backup.schedule-never-fires",
            "Schedule never fires", Severity.ERROR, KINDS,
            "Some valid schedules match no date at all (30 February, 31 April, an empty list field written as ','). "
                    + "Kubernetes accepts them, and the backup silently never runs.",
            "Pick days that exist in the chosen months, or use a day-of-week field.",
            "spec:\n  schedule: \"0 0 28 2 *\"   # 28 February");

    public static final RuleMeta LEAP_DAY = new RuleMeta("backup.schedule-leap-day-only",
            "Schedule fires only on 29 February", Severity.WARNING, KINDS,
            "A schedule whose only day is 29 February runs once every four years (eight across 2100); that is "
                    + "rarely meant for a backup.",
            "Use a day that exists every year, or @monthly / @yearly.",
            "spec:\n  schedule: \"0 0 28 2 *\"");

    public static final RuleMeta EVERY = new RuleMeta("backup.schedule-every",
            "@every schedules are undocumented for CronJobs", Severity.WARNING, KINDS,
            "Kubernetes accepts @every <duration> because robfig/cron does, but documents only the five-field form "
                    + "and the @-macros. An @every interval counts from the CronJob's creation rather than the clock, "
                    + "and the controller names Jobs by the minute, so intervals below one minute collide and run "
                    + "at most once a minute.",
            "Prefer a five-field schedule such as */30 * * * * (every 30 minutes).",
            "spec:\n  schedule: \"0 */6 * * *\"");

    public static final RuleMeta CRONJOB_NAME = new RuleMeta("backup.cronjob-name-too-long",
            "Scheduled backup name too long for its CronJob", Severity.ERROR, KINDS,
            "A scheduled backup becomes the CronJob <name>-backup-cron. CronJob names are limited to 52 characters "
                    + "(63-character Job-name label minus the 11 the controller appends), so metadata.name may have "
                    + "at most 40; longer names make the CronJob creation fail and the backup never runs.",
            "Shorten metadata.name to 40 characters or fewer.",
            "metadata:\n  name: orders-daily-backup");

    public static final RuleMeta JOB_NAME = new RuleMeta("backup.job-name-too-long",
            "One-shot backup name too long for its Job", Severity.ERROR, KINDS,
            "A one-shot backup becomes the Job <name>-backup, whose name Kubernetes copies into the 63-character "
                    + "batch.kubernetes.io/job-name label; metadata.name may therefore have at most 56 characters.",
            "Shorten metadata.name to 56 characters or fewer.",
            "metadata:\n  name: orders-backup-before-migration");

    private static final List<RuleMeta> RULES = List.of(INVALID, TIME_ZONE, NEVER_FIRES, LEAP_DAY, EVERY,
            CRONJOB_NAME, JOB_NAME);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.BACKUP.equals(ctx.kind())) {
            return;
        }
        Node schedule = ctx.spec().get("schedule");
        Optional<String> text = schedule.text().filter(s -> !s.isEmpty());
        String name = ctx.metadata().get("name").textOr("");
        if (text.isEmpty()) {
            if (name.length() > BackupWorkloads.ONE_SHOT_NAME_MAX) {
                ctx.report(JOB_NAME, "metadata.name", Messages.tooLong(name, BackupWorkloads.ONE_SHOT_NAME_MAX)
                        + " (the Job " + name + BackupWorkloads.JOB_SUFFIX + " must fit a " + BackupWorkloads.LABEL_MAX + "-character label)");
            }
            return;
        }
        if (name.length() > BackupWorkloads.SCHEDULED_NAME_MAX) {
            ctx.report(CRONJOB_NAME, "metadata.name", Messages.tooLong(name, BackupWorkloads.SCHEDULED_NAME_MAX)
                    + " (the CronJob " + name + BackupWorkloads.CRONJOB_SUFFIX + " may have at most " + BackupWorkloads.CRONJOB_NAME_MAX
                    + " characters)");
        }
        String s = text.get();
        if (s.contains("TZ")) {
            ctx.report(TIME_ZONE, schedule.path(), Messages.invalid(s,
                    "cannot use TZ or CRON_TZ in schedule: Kubernetes refuses it (CronJobs take spec.timeZone, which "
                            + "Neo4jBackup does not expose)"),
                    "remove the prefix; the CronJob runs in the kube-controller-manager's time zone (usually UTC)");
            return;
        }
        Parsed<CronSchedule> parsed = CronSchedule.parse(s);
        if (!parsed.ok()) {
            ctx.report(INVALID, schedule.path(), Messages.invalid(s, parsed.error()), hint(s));
            return;
        }
        CronSchedule cron = parsed.value();
        if (!cron.canFire()) {
            ctx.report(NEVER_FIRES, schedule.path(), Messages.invalid(s,
                    "this schedule matches no date (" + whyNever(s) + "), so the backup would never run"));
        } else if (cron.firesOnlyOnLeapDay()) {
            ctx.report(LEAP_DAY, schedule.path(), "Schedule " + Messages.quote(s)
                    + " fires only on 29 February, once every four years");
        }
        cron.every().ifPresent(d -> ctx.report(EVERY, schedule.path(), d.compareTo(Duration.ofMinutes(1)) < 0
                ? "Schedule " + Messages.quote(s) + " asks for less than a minute; CronJob Jobs are named by the "
                + "minute, so it runs at most once a minute"
                : "Schedule " + Messages.quote(s) + " uses @every, which Kubernetes accepts but does not document; "
                + "it counts from the CronJob's creation, not the clock",
                "use a five-field schedule"));
    }

    private static String hint(String s) {
        List<String> fields = List.of(s.trim().split("\\s+"));
        if (fields.size() == 6) {
            return "Kubernetes schedules have five fields and no seconds: drop the first field";
        }
        if (fields.size() == 5 && fields.get(4).matches(".*\\b7\\b.*")) {
            return "day of week runs 0-6 here: write 0 for Sunday";
        }
        if (s.startsWith("@")) {
            return "macros are lower case and stand alone: @yearly, @monthly, @weekly, @daily, @hourly, or @every 1h";
        }
        return "five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"";
    }

    private static String whyNever(String s) {
        List<String> fields = List.of(s.trim().split("\\s+"));
        if (fields.stream().anyMatch(f -> f.replace(",", "").isEmpty())) {
            return "a field lists no value at all";
        }
        return "the chosen days do not occur in the chosen months";
    }
}
