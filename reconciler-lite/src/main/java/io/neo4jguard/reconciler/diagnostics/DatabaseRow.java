package io.neo4jguard.reconciler.diagnostics;

/**
 * One row of {@code SHOW DATABASES}: one database as seen on one server (a database hosted on three servers has
 * three rows; a standalone has one row per database).
 *
 * @param requestedStatus what the administrator asked for: {@code online} or {@code offline}
 * @param currentStatus   what the server reports: {@code online}, {@code offline}, {@code starting},
 *                        {@code stopping}, {@code store copying}, {@code initial}, {@code deallocating},
 *                        {@code dirty}, {@code quarantined}, {@code unknown}
 * @param statusMessage   Neo4j's explanation when the two differ (empty otherwise)
 */
public record DatabaseRow(String name, String address, String role, String requestedStatus, String currentStatus,
                          String statusMessage) {
    public static final String ONLINE = "online";
    public static final String QUARANTINED = "quarantined";

    public DatabaseRow {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        role = role == null ? "" : role;
        requestedStatus = requestedStatus == null ? "" : requestedStatus;
        currentStatus = currentStatus == null ? "" : currentStatus;
        statusMessage = statusMessage == null ? "" : statusMessage;
    }

    /** The server's status is the one the administrator asked for. */
    public boolean asRequested() {
        return requestedStatus.equals(currentStatus);
    }
}
