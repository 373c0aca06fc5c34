package io.neo4jguard.core.api;

import java.util.List;
import java.util.Set;

/** The ten kinds of the Neo4j Enterprise Operator that neo4j-guard checks. */
public final class Kinds {
    public static final String GROUP = "neo4j.neo4j.com";
    public static final String VERSION = "v1beta1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    public static final String CLUSTER = "Neo4jEnterpriseCluster";
    public static final String STANDALONE = "Neo4jEnterpriseStandalone";
    public static final String DATABASE = "Neo4jDatabase";
    public static final String PLUGIN = "Neo4jPlugin";
    public static final String BACKUP = "Neo4jBackup";
    public static final String RESTORE = "Neo4jRestore";
    public static final String USER = "Neo4jUser";
    public static final String ROLE = "Neo4jRole";
    public static final String ROLE_BINDING = "Neo4jRoleBinding";
    public static final String AUTH_RULE = "Neo4jAuthRule";

    /**
     * A kind of the reference operator outside the ten we check: rules look it up because a sharded database's
     * name must not be used by a Neo4jRestore or a role's privileges as if it were a standard database.
     */
    public static final String SHARDED_DATABASE = "Neo4jShardedDatabase";

    /** In a stable order (docs, schemas, CRDs). */
    public static final List<String> ALL = List.of(CLUSTER, STANDALONE, DATABASE, PLUGIN, BACKUP, RESTORE,
            USER, ROLE, ROLE_BINDING, AUTH_RULE);

    /** Cluster and standalone: the kinds that run Neo4j servers. */
    public static final Set<String> SERVERS = Set.of(CLUSTER, STANDALONE);

    private Kinds() {
    }

    /** True for one of the ten kinds in our group (any version of the group is ours to check). */
    public static boolean isOurs(String apiVersion, String kind) {
        return apiVersion != null && apiVersion.startsWith(GROUP + "/") && ALL.contains(kind);
    }
}
