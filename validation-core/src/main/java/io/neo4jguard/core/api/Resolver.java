package io.neo4jguard.core.api;

/**
 * Answers cross-object questions for rules: "which cluster is {@code clusterRef: graph}, and what
 * does it run?". The CLI answers from the objects of the run; the webhook from a cache of the cluster.
 */
public interface Resolver {
    /** A resolver that knows nothing (every lookup is UNKNOWN). */
    Resolver NONE = new Resolver() {
        @Override
        public Resolution resolve(String kind, String namespace, String name) {
            return Resolution.unknown("no resolver");
        }

        @Override
        public boolean authoritative() {
            return false;
        }
    };

    Resolution resolve(String kind, String namespace, String name);

    /**
     * Every known object of a kind in a namespace (e.g. the Neo4jDatabases that run on a cluster, for
     * the scale-down floor). Empty when the resolver cannot list; callers treat that as "none known".
     */
    default java.util.List<Resource> list(String kind, String namespace) {
        return java.util.List.of();
    }

    /**
     * True when NOT_FOUND means the object does not exist (the webhook sees the live cluster; the CLI
     * with {@code --strict-refs}); false when it may simply live outside the files of this run.
     */
    boolean authoritative();

    /** A Neo4j cluster or standalone of that name: the target of a {@code clusterRef}. */
    default Resolution resolveServer(String namespace, String name) {
        Resolution cluster = resolve(Kinds.CLUSTER, namespace, name);
        if (cluster.status() == Resolution.Status.FOUND) {
            return cluster;
        }
        Resolution standalone = resolve(Kinds.STANDALONE, namespace, name);
        if (standalone.status() == Resolution.Status.FOUND) {
            return standalone;
        }
        return cluster.status() == Resolution.Status.UNKNOWN ? cluster : standalone;
    }
}
