package io.neo4jguard.core.server;

/**
 * Names of the objects the operator creates for a cluster or standalone named {@code name}: all derive from
 * {@code metadata.name} by a fixed suffix, which is why the name's length is limited ({@link NameLimits}).
 * Source: the reference operator's resource builders ({@code internal/resources/cluster.go}) and its
 * standalone controller.
 */
public final class ServerObjects {
    /** The cluster's StatefulSet is {@code <name>-server}; a standalone's StatefulSet is {@code <name>} itself. */
    public static final String CLUSTER_STATEFULSET_SUFFIX = "-server";
    /** Headless Service ({@code clusterIP: None}, publishing not-ready addresses) that gives pods their DNS names. */
    public static final String HEADLESS_SERVICE_SUFFIX = "-headless";
    /** ClusterIP Service over all cluster ports, for traffic between servers. */
    public static final String INTERNALS_SERVICE_SUFFIX = "-internals";
    /** Service of the legacy discovery port 5000; also the ServiceAccount, Role and RoleBinding for discovery. */
    public static final String DISCOVERY_SUFFIX = "-discovery";
    /** Service for clients ({@code spec.service.type}: Bolt 7687 and HTTP 7474, HTTPS 7473 with TLS). */
    public static final String CLIENT_SERVICE_SUFFIX = "-client";
    /** Service for Prometheus metrics. */
    public static final String METRICS_SERVICE_SUFFIX = "-metrics";
    /** ConfigMap holding {@code neo4j.conf}, {@code startup.sh} and {@code health.sh}. */
    public static final String CONFIG_MAP_SUFFIX = "-config";
    /** Secret with the server certificate mounted at {@code /ssl}. */
    public static final String TLS_SECRET_SUFFIX = "-tls-secret";

    /**
     * The Secret holding the admin credentials when {@code spec.auth.adminSecret} is not set: the operator's
     * default, whose {@code username}/{@code password} keys it maps to {@code DB_USERNAME}/{@code DB_PASSWORD}.
     */
    public static final String DEFAULT_ADMIN_SECRET = "neo4j-admin-secret";

    private ServerObjects() {
    }

    /** The StatefulSet of the servers: {@code <name>-server} for a cluster, {@code <name>} for a standalone. */
    public static String statefulSet(String name, boolean cluster) {
        return cluster ? name + CLUSTER_STATEFULSET_SUFFIX : name;
    }

    public static String headlessService(String name) {
        return name + HEADLESS_SERVICE_SUFFIX;
    }

    public static String internalsService(String name) {
        return name + INTERNALS_SERVICE_SUFFIX;
    }

    public static String discovery(String name) {
        return name + DISCOVERY_SUFFIX;
    }

    public static String clientService(String name) {
        return name + CLIENT_SERVICE_SUFFIX;
    }

    public static String metricsService(String name) {
        return name + METRICS_SERVICE_SUFFIX;
    }

    public static String configMap(String name) {
        return name + CONFIG_MAP_SUFFIX;
    }

    public static String tlsSecret(String name) {
        return name + TLS_SECRET_SUFFIX;
    }

    /**
     * The fully qualified host name of cluster server {@code ordinal}: the StatefulSet's pod
     * {@code <name>-server-<ordinal>} under the headless Service. The operator advertises this address for
     * the cluster, routing and Raft ports and lists it in the discovery endpoints.
     */
    public static String podHost(String name, int ordinal, String namespace) {
        return statefulSet(name, true) + "-" + ordinal + "." + headlessService(name) + "." + namespace
                + ".svc.cluster.local";
    }
}
