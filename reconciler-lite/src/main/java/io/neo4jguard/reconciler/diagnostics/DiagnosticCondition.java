package io.neo4jguard.reconciler.diagnostics;

import java.util.Objects;

/**
 * A condition the diagnostics computed, in the Kubernetes shape minus the times and generation the status writer
 * adds ({@code type}, {@code status}, CamelCase {@code reason}, {@code message}).
 */
public record DiagnosticCondition(String type, Status status, String reason, String message) {
    public enum Status { True, False, Unknown }

    public static final String SERVERS_HEALTHY = "ServersHealthy";
    public static final String DATABASES_HEALTHY = "DatabasesHealthy";

    /**
     * Messages list every problem up to this length (a few dozen servers or databases), then say how many more:
     * well inside the API server's 32768-character limit on a condition message.
     */
    static final int MAX_MESSAGE = 1024;

    public DiagnosticCondition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }
}
