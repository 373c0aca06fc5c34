package io.neo4jguard.reconciler.status;

import java.util.Objects;

/**
 * One status condition in the Kubernetes convention ({@code metav1.Condition}): a type, True/False/Unknown, a
 * CamelCase reason for machines, a message for people, when the status last flipped, and the generation it was
 * computed from.
 */
public record Condition(String type, Status status, String reason, String message, String lastTransitionTime,
                        long observedGeneration) {
    public enum Status { True, False, Unknown }

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";
    /** Validation errors: nothing was applied; the findings are in the message. */
    public static final String INVALID = "Invalid";
    /** An object of a name we would create is held by another controller (or by none): left untouched. */
    public static final String CONFLICT = "Conflict";
    /** Backups: whether the most recent finished run succeeded. */
    public static final String BACKUP_SUCCEEDED = "BackupSucceeded";

    /**
     * The API server's limit on {@code metav1.Condition.message} is 32768 characters; our findings are capped well
     * below it so a status write can never be refused for its size.
     */
    public static final int MAX_MESSAGE = 4096;

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /** A condition with no transition time yet ({@link Conditions#settle} supplies it). */
    public static Condition of(String type, Status status, String reason, String message, long generation) {
        return new Condition(type, status, reason, message, null, generation);
    }

    public static Condition of(String type, boolean value, String reason, String message, long generation) {
        return of(type, value ? Status.True : Status.False, reason, message, generation);
    }

    public Condition at(String time) {
        return new Condition(type, status, reason, message, time, observedGeneration);
    }

    public boolean isTrue() {
        return status == Status.True;
    }
}
