package io.neo4jguard.core.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names Neo4j still reads under another name: the renames its {@code SettingMigrators} apply on load
 * (measured by loading configurations on 5.26.30 and 2026.08.1) and the two 2025.01 discovery renames
 * (https://neo4j.com/docs/operations-manual/current/breaking-changes/). Shared by the
 * rules (which warn about legacy names) and by memory reading and defaulting (which must see through a
 * legacy name: {@code dbms.memory.heap.max_size} sets the heap as much as its new name does).
 */
public final class SettingNames {

    /** A legacy name and what Neo4j reads it as; {@code replacement} is null when Neo4j drops the setting. */
    public record Rename(String replacement, String note) {
    }

    /**
     * Renames done by {@code SettingMigrators} on load, with {@code Use of deprecated setting} warnings, in 5.26
     * and every CalVer release so far (measured on 5.26.30 and 2026.08.1). When both names are set the new one wins.
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
        // 5.0 made the default database an initial-only setting (the reference operator,
        // github.com/priyolahiri/neo4j-kubernetes-operator
        // refuses dbms.default_database as deprecated).
        RENAMED.put("dbms.default_database", new Rename("initial.dbms.default_database",
                "it only takes effect when the DBMS is first created"));
        RENAMED.put("dbms.logs.query.enabled", new Rename("db.logs.query.enabled", ""));
        RENAMED.put("dbms.integrations.cloud_storage.s3.region", new Rename(null,
                "let the AWS SDK's region provider chain (for example AWS_REGION) supply the region"));
        // 5.x only: the off-heap transaction-state settings (all without effect again from 2025.01:
        // Neo4jSettings.withoutEffectSince2025).
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

    /** 2025.01 renamed these two discovery settings; the old names are still migrated
     * (https://neo4j.com/docs/operations-manual/current/clustering/setup/discovery/). */
    private static final Map<String, String> RENAMED_2025 = Map.of(
            "dbms.cluster.discovery.v2.endpoints", "dbms.cluster.endpoints",
            "dbms.kubernetes.discovery.v2.service_port_name", "dbms.kubernetes.discovery.service_port_name");

    private SettingNames() {
    }

    private static void rename(String old, String replacement) {
        RENAMED.put(old, new Rename(replacement, ""));
    }

    /** The rename Neo4j applies to a legacy name, if any. */
    public static Optional<Rename> legacy(String key) {
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
    public static Optional<String> renamedIn2025(String key) {
        return Optional.ofNullable(RENAMED_2025.get(key));
    }

    /** The name Neo4j reads the key as after its own migrations (so guards see through legacy aliases). */
    public static String canonical(String key) {
        String k = legacy(key).map(Rename::replacement).orElse(key);
        if (k == null) {
            return key;
        }
        return renamedIn2025(k).orElse(k);
    }
}
