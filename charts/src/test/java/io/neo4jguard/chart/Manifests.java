package io.neo4jguard.chart;

/** The custom resources the chart tests apply. */
final class Manifests {
    private Manifests() {
    }

    /**
     * A cluster that passes the CRD schema. {@code config == null}: an 8Gi memory limit and nothing else about
     * memory, for the defaults; otherwise requests = limits = 8Gi and {@code config} (lines under
     * {@code spec.config}, indented by four spaces).
     */
    static String cluster(String name, String namespace, int servers, String config) {
        String resources = config == null ? """
                  resources:
                    limits:
                      memory: 8Gi
                """ : """
                  resources:
                    requests:
                      cpu: "2"
                      memory: 8Gi
                    limits:
                      cpu: "4"
                      memory: 8Gi
                  config:
                """ + config;
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  acceptLicenseAgreement: "yes"
                  image:
                    repo: neo4j
                    tag: "2025.10.0-enterprise"
                  topology:
                    servers: %d
                  storage:
                    className: standard
                    size: 100Gi
                """.formatted(name, namespace, servers) + resources;
    }

    /**
     * Two errors the CRD schema cannot see, one per field: sizes in Kubernetes units, which Neo4j refuses to
     * start on.
     */
    static final String BAD_MEMORY = """
                server.memory.heap.initial_size: "3g"
                server.memory.heap.max_size: "4Gi"
                server.memory.pagecache.size: "2Gi"
            """;

    /** A database on the cluster {@code clusterRef}. */
    static String database(String name, String namespace, String clusterRef) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jDatabase
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  clusterRef: %s
                  name: %s
                  wait: true
                  ifNotExists: true
                  topology:
                    primaries: 3
                """.formatted(name, namespace, clusterRef, name);
    }
}
