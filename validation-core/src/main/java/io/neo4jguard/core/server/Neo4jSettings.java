package io.neo4jguard.core.server;

import io.neo4jguard.core.settings.SettingNames;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Neo4j setting names as the operator and Neo4j 2025.01 treat them: the 2025.01 removals, the keys the
 * operator writes itself, the clustering keys and the TLS keys it derives from {@code spec.tls}. The server
 * rules judge a spec against these; a reconciler writing {@code neo4j.conf} uses the same sets to know which
 * keys are its own. The renames Neo4j still migrates are in {@link SettingNames}. Sources: the 2025.01
 * breaking changes (https://neo4j.com/docs/operations-manual/current/breaking-changes/) and the reference operator
 * (github.com/priyolahiri/neo4j-kubernetes-operator, internal/validation/config_validator.go), which refuses the
 * keys it manages.
 */
public final class Neo4jSettings {

    /** A setting removed in 2025.01; {@code replacement} is null when nothing replaces it. */
    public record Removal(String replacement, String note) {
    }

    /**
     * Removed in 2025.01, the release after the 5.26 LTS
     * (https://neo4j.com/docs/operations-manual/current/breaking-changes/). A CalVer server does not declare
     * them, so strict validation (on by default, and forced on by the operator for clusters) refuses to start.
     */
    private static final Map<String, Removal> REMOVED_2025 = new LinkedHashMap<>();

    static {
        String v1 = "discovery v1 was removed; v2 is the only protocol";
        REMOVED_2025.put("dbms.cluster.discovery.version", new Removal(null, v1));
        REMOVED_2025.put("dbms.cluster.discovery.endpoints", new Removal("dbms.cluster.endpoints", v1));
        REMOVED_2025.put("dbms.cluster.discovery.type", new Removal("dbms.cluster.discovery.resolver_type", v1));
        REMOVED_2025.put("dbms.cluster.discovery.log_level", new Removal(null, v1));
        REMOVED_2025.put("dbms.kubernetes.service_port_name",
                new Removal("dbms.kubernetes.discovery.service_port_name", v1));
        REMOVED_2025.put("server.discovery.advertised_address", new Removal(null, v1 + " and port 5000 is unused"));
        REMOVED_2025.put("server.discovery.listen_address", new Removal(null, v1 + " and port 5000 is unused"));
        REMOVED_2025.put("server.groups", new Removal("initial.server.tags", ""));
        REMOVED_2025.put("server.max_databases", new Removal("dbms.max_databases", ""));
        REMOVED_2025.put("initial.dbms.database_allocator", new Removal(null, ""));
        REMOVED_2025.put("db.cluster.raft.leader_transfer.priority_group",
                new Removal("db.cluster.raft.leader_transfer.priority_tag", ""));
        REMOVED_2025.put("server.cluster.catchup.connect_randomly_to_server_group",
                new Removal("server.cluster.catchup.connect_randomly_to_server_tags", ""));
    }

    /**
     * Discovery and addresses the operator writes for every cluster server (the reference operator,
     * github.com/priyolahiri/neo4j-kubernetes-operator, refuses them in spec.config as discovery and
     * runtime-managed keys: internal/validation/config_validator.go); a user value fights the operator's and
     * breaks cluster formation.
     */
    public static final Set<String> OPERATOR_MANAGED = Set.of(
            "dbms.cluster.discovery.resolver_type", "dbms.cluster.discovery.v2.endpoints", "dbms.cluster.endpoints",
            "dbms.kubernetes.label_selector", "dbms.kubernetes.discovery.service_port_name",
            "dbms.kubernetes.discovery.v2.service_port_name", "dbms.kubernetes.service_port_name",
            "dbms.cluster.discovery.endpoints", "dbms.cluster.discovery.type", "dbms.cluster.discovery.version",
            "server.default_advertised_address", "server.cluster.advertised_address",
            "server.routing.advertised_address", "server.cluster.raft.advertised_address",
            "server.discovery.advertised_address", "initial.server.mode_constraint",
            "dbms.cluster.minimum_initial_system_primaries_count");

    /** Where the user's spec already has a field for the same thing. */
    public static final Map<String, String> MANAGED_BY_FIELD = Map.of(
            "initial.server.mode_constraint", "spec.topology.serverModeConstraint / spec.topology.serverRoles",
            "dbms.cluster.minimum_initial_system_primaries_count", "spec.topology.minSystemPrimaries");

    /**
     * Clustering settings that make no sense on a standalone (the reference operator's standalone list in
     * config_validator.go, plus the
     * current discovery keys: with a resolver and endpoints the server waits for peers that never come).
     */
    public static final Set<String> CLUSTERING = Set.of(
            "dbms.cluster.discovery.version", "dbms.cluster.discovery.type", "dbms.kubernetes.service_port_name",
            "dbms.kubernetes.discovery.v2.service_port_name", "dbms.kubernetes.discovery.service_port_name",
            "dbms.cluster.minimum_initial_system_primaries_count", "internal.dbms.single_raft_enabled",
            "dbms.cluster.discovery.endpoints", "dbms.cluster.network.advertised_address",
            "dbms.cluster.network.listen_address", "dbms.cluster.bind_address",
            "dbms.cluster.raft.advertised_address", "dbms.cluster.raft.listen_address",
            "dbms.cluster.raft.bind_address", "dbms.cluster.discovery.resolver_type", "dbms.cluster.endpoints",
            "dbms.cluster.discovery.v2.endpoints", "dbms.kubernetes.label_selector",
            "initial.server.mode_constraint", "server.cluster.system_database_mode");

    /** The one value of {@code dbms.cluster.discovery.version} that agrees with the operator on 5.26 (v2 discovery). */
    public static final String DISCOVERY_V2_ONLY = "V2_ONLY";

    private Neo4jSettings() {
    }

    /** The 2025.01 removal of {@code key} (a canonical name), if it was removed. */
    public static Optional<Removal> removedIn2025(String key) {
        return Optional.ofNullable(REMOVED_2025.get(key));
    }

    /**
     * The transaction-state settings 2025.01 put on its removed list: Neo4j logs {@code Setting '<name>' is
     * removed. It no longer has any effect.} and starts
     * (measured on 2026.08.1), so this is a warning.
     */
    public static boolean withoutEffectSince2025(String key) {
        return key.endsWith("tx_state.memory_allocation") || key.contains(".off_heap.");
    }

    /** SSL policies and TLS levels: the operator configures them from {@code spec.tls}. */
    public static boolean tlsManaged(String key) {
        return key.startsWith("dbms.ssl.policy.") || key.equals("server.bolt.tls_level")
                || key.equals("server.directories.certificates");
    }
}
