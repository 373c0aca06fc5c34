package io.neo4jguard.reconciler.diagnostics;

import java.util.List;

/**
 * One row of {@code SHOW SERVERS} (Enterprise only).
 *
 * @param state   Neo4j's server state: {@code Enabled}, {@code Free} (joined, hosts nothing yet), {@code Cordoned}
 *                (takes no new databases), {@code Deallocating} (moving its databases away), {@code Dropped}
 * @param health  {@code Available}, {@code Unavailable} or {@code Degraded}
 * @param hosting the databases this server hosts
 */
public record ServerRow(String name, String address, String state, String health, List<String> hosting) {
    public static final String ENABLED = "Enabled";
    public static final String AVAILABLE = "Available";

    public ServerRow {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        state = state == null ? "" : state;
        health = health == null ? "" : health;
        hosting = hosting == null ? List.of() : List.copyOf(hosting);
    }

    public boolean enabled() {
        return ENABLED.equals(state);
    }

    public boolean available() {
        return AVAILABLE.equals(health);
    }
}
