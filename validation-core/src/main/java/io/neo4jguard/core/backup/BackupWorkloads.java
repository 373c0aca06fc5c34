package io.neo4jguard.core.backup;

/**
 * The workloads the operator derives from a Neo4jBackup's {@code metadata.name}, and how long that name may
 * therefore be. A scheduled backup becomes a CronJob {@code <name>-backup-cron}, a one-shot backup a Job
 * {@code <name>-backup}. Source: the reference operator's backup controller (Job and CronJob builders).
 */
public final class BackupWorkloads {
    public static final String JOB_SUFFIX = "-backup";
    public static final String CRONJOB_SUFFIX = "-backup-cron";

    /** Label values (and so Job names, see below) are at most 63 characters (RFC 1123 label). */
    public static final int LABEL_MAX = 63;
    /**
     * The API server limits CronJob names to 52 characters: the CronJob controller names each Job
     * {@code <cronjob>-<scheduled time in minutes since the epoch>}, and a Job name must fit a 63-character
     * label value ({@code batch.kubernetes.io/job-name}); 63 - 11 ('-' plus up to 10 digits) = 52.
     */
    public static final int CRONJOB_NAME_MAX = 52;
    /** 52 - len("-backup-cron") = 40. */
    public static final int SCHEDULED_NAME_MAX = CRONJOB_NAME_MAX - CRONJOB_SUFFIX.length();
    /**
     * The Job controller puts the Job name into the pod template's {@code batch.kubernetes.io/job-name} label,
     * so {@code <name>-backup} must fit 63 characters: 63 - 7 = 56.
     */
    public static final int ONE_SHOT_NAME_MAX = LABEL_MAX - JOB_SUFFIX.length();

    private BackupWorkloads() {
    }

    /** The one-shot Job of a backup without a schedule. */
    public static String job(String backup) {
        return backup + JOB_SUFFIX;
    }

    /** The CronJob of a scheduled backup. */
    public static String cronJob(String backup) {
        return backup + CRONJOB_SUFFIX;
    }
}
