package io.neo4jguard.core.rules.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What neo4j-guard knows about Neo4j setting names: the renames Neo4j still migrates, the 2025.01 removals,
 * and the keys the operator writes itself. Sources: neo4j-facts §3.2 (migrations, run on 5.26 and 2026.08),
 * §4 (2025.01 removals) and anchor-operator-rules §1.2 "Config" (operator-managed keys).
 */
final class Neo4jSettings {

    /** A legacy name and what Neo4j reads it as. */
    record Rename(String replacement, String note) {
    }

    /** A setting removed in 2025.01; {@code replacement} is null when nothing replaces it. */
    record Removal(String replacement, String note) {
    }

    /**
     * Renames done by {@code SettingMigrators} on load, with {@code Use of deprecated setting} warnings, in 5.26
     * and every CalVer release so far (neo4j-facts §3.2). When both names are set the new one wins.
     */
    private static final Map<String, Rename> RENAMED = new LinkedHashMap<>();
    /** Prefix renames of the same migrators ({@code dbms.connector.bolt.X} is {@code server.bolt.X}). */
    private static final Map<String, String> RENAMED_PREFIX = new LinkedHashMap<>();

    static {
        rename("dbms.memory.heap.initial_size", "server.memory.heap.initial_size");
        rename("dbms.memory.heap.max_size", "server.memory.heap.max_size");
        rename("dbms.memory.pagecache.size", "server.memory.pagecache.size");
        rename("dbms.memory.pagecache.scan.prefetchers", "server.memory.pagecache.scan.prefetchers");
        rename("dbms.memory.pagecache.flush.buffer.enabled", "server.memory.pagecache.flush.buffer.enabled");
        rename("dbms.memory.pagecache.flush.buffer.size_in_pages", "server.memory.pagecache.flush.buffer.size_in_pages");
        rename("dbms.memory.pagecache.directio", "server.memory.pagecache.directio");
        rename("dbms.memory.transaction.global_max_size", "dbms.memory.transaction.total.max");
        rename("dbms.memory.transaction.database_max_size", "db.memory.transaction.total.max");
        // Neo4j also migrates this misspelling of the 4.x name.
        rename("dbms.memory.transaction.datababase_max_size", "db.memory.transaction.total.max");
        rename("dbms.memory.transaction.max_size", "db.memory.transaction.max");
        rename("dbms.memory.pagecache.warmup.preload.whitelist", "db.memory.pagecache.warmup.preload.allowlist");
        rename("dbms.jvm.additional", "server.jvm.additional");
        rename("dbms.default_listen_address", "server.default_listen_address");
        rename("dbms.default_advertised_address", "server.default_advertised_address");
        rename("dbms.backup.enabled", "server.backup.enabled");
        rename("dbms.backup.listen_address", "server.backup.listen_address");
        // 5.0 made the default database an initial-only setting (anchor rules §1.2 "Config": deprecated).
        RENAMED.put("dbms.default_database", new Rename("initial.dbms.default_database",
                "it only takes effect when the DBMS is first created"));
        RENAMED.put("dbms.logs.query.enabled", new Rename("db.logs.query.enabled", ""));
        RENAMED.put("dbms.integrations.cloud_storage.s3.region", new Rename(null,
                "let the AWS SDK's region provider chain (for example AWS_REGION) supply the region"));
        // 5.x only: the off-heap transaction-state settings (all removed again in 2025.01, see NO_EFFECT).
        rename("dbms.memory.off_heap.max_size", "server.memory.off_heap.transaction_max_size");
        rename("server.memory.off_heap.max_size", "server.memory.off_heap.transaction_max_size");
        rename("dbms.tx_state.memory_allocation", "db.tx_state.memory_allocation");
        // 4.x clustering names that Neo4j 5 migrates into keys the operator manages.
        rename("causal_clustering.discovery_advertised_address", "server.discovery.advertised_address");
        rename("causal_clustering.transaction_advertised_address", "server.cluster.advertised_address");
        rename("causal_clustering.raft_advertised_address", "server.cluster.raft.advertised_address");
        rename("causal_clustering.initial_discovery_members", "dbms.cluster.discovery.endpoints");
        rename("causal_clustering.discovery_type", "dbms.cluster.discovery.type");
        rename("causal_clustering.kubernetes.label_selector", "dbms.kubernetes.label_selector");
        rename("causal_clustering.kubernetes.service_port_name", "dbms.kubernetes.service_port_name");
        rename("causal_clustering.minimum_core_cluster_size_at_formation",
                "dbms.cluster.minimum_initial_system_primaries_count");

        RENAMED_PREFIX.put("dbms.connector.bolt.", "server.bolt.");
        RENAMED_PREFIX.put("dbms.connector.http.", "server.http.");
        RENAMED_PREFIX.put("dbms.connector.https.", "server.https.");
        RENAMED_PREFIX.put("dbms.memory.pagecache.warmup.", "db.memory.pagecache.warmup.");
        RENAMED_PREFIX.put("dbms.directories.", "server.directories.");
    }

    /** 2025.01 renamed these two discovery settings; the old names are still migrated (neo4j-facts §4). */
    private static final Map<String, String> RENAMED_2025 = Map.of(
            "dbms.cluster.discovery.v2.endpoints", "dbms.cluster.endpoints",
            "dbms.kubernetes.discovery.v2.service_port_name", "dbms.kubernetes.discovery.service_port_name");

    /**
     * Removed in 2025.01, the release after the 5.26 LTS (neo4j-facts §4). A CalVer server does not declare
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
     * Discovery and addresses the operator writes for every cluster server (anchor rules §1.2 "Config":
     * discovery and runtime-managed keys); a user value fights the operator's and breaks cluster formation.
     */
    static final Set<String> OPERATOR_MANAGED = Set.of(
            "dbms.cluster.discovery.resolver_type", "dbms.cluster.discovery.v2.endpoints", "dbms.cluster.endpoints",
            "dbms.kubernetes.label_selector", "dbms.kubernetes.discovery.service_port_name",
            "dbms.kubernetes.discovery.v2.service_port_name", "dbms.kubernetes.service_port_name",
            "dbms.cluster.discovery.endpoints", "dbms.cluster.discovery.type", "dbms.cluster.discovery.version",
            "server.default_advertised_address", "server.cluster.advertised_address",
            "server.routing.advertised_address", "server.cluster.raft.advertised_address",
            "server.discovery.advertised_address", "initial.server.mode_constraint",
            "dbms.cluster.minimum_initial_system_primaries_count");

    /** Where the user's spec already has a field for the same thing. */
    static final Map<String, String> MANAGED_BY_FIELD = Map.of(
            "initial.server.mode_constraint", "spec.topology.serverModeConstraint / spec.topology.serverRoles",
            "dbms.cluster.minimum_initial_system_primaries_count", "spec.topology.minSystemPrimaries");

    /**
     * Clustering settings that make no sense on a standalone (anchor rules §1.2, standalone list, plus the
     * current discovery keys: with a resolver and endpoints the server waits for peers that never come).
     */
    static final Set<String> CLUSTERING = Set.of(
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
    static final String DISCOVERY_V2_ONLY = "V2_ONLY";

    private Neo4jSettings() {
    }

    private static void rename(String old, String replacement) {
        RENAMED.put(old, new Rename(replacement, ""));
    }

    /** The rename Neo4j applies to a legacy name, if any. */
    static Optional<Rename> legacy(String key) {
        Rename r = RENAMED.get(key);
        if (r != null) {
            return Optional.of(r);
        }
        for (Map.Entry<String, String> p : RENAMED_PREFIX.entrySet()) {
            if (key.startsWith(p.getKey()) && key.length() > p.getKey().length()) {
                String rest = key.substring(p.getKey().length());
                if (p.getKey().startsWith("dbms.connector.") && rest.equals("type")) {
                    return Optional.of(new Rename(null, "4.x connector types are gone; Neo4j drops it"));
                }
                return Optional.of(new Rename(p.getValue() + rest, ""));
            }
        }
        return Optional.empty();
    }

    /** A 2025.01 rename whose old name is still accepted. */
    static Optional<String> renamedIn2025(String key) {
        return Optional.ofNullable(RENAMED_2025.get(key));
    }

    static Optional<Removal> removedIn2025(String key) {
        return Optional.ofNullable(REMOVED_2025.get(key));
    }

    /**
     * The transaction-state settings 2025.01 put on its removed list: Neo4j logs {@code Setting '<name>' is
     * removed. It no longer has any effect.} and starts (neo4j-facts §3.2), so this is a warning.
     */
    static boolean withoutEffectSince2025(String key) {
        return key.endsWith("tx_state.memory_allocation") || key.contains(".off_heap.");
    }

    /** The name Neo4j reads the key as after its own migrations (so guards see through legacy aliases). */
    static String canonical(String key) {
        String k = legacy(key).map(Rename::replacement).orElse(key);
        if (k == null) {
            return key;
        }
        return renamedIn2025(k).orElse(k);
    }

    /** SSL policies and TLS levels: the operator configures them from {@code spec.tls}. */
    static boolean tlsManaged(String key) {
        return key.startsWith("dbms.ssl.policy.") || key.equals("server.bolt.tls_level")
                || key.equals("server.directories.certificates");
    }
}
