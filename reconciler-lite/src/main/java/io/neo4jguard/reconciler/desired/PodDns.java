package io.neo4jguard.reconciler.desired;

/**
 * Stable DNS names of StatefulSet pods behind a headless Service: {@code pod.service.namespace.svc.domain}. What
 * Neo4j advertises, what the discovery list names and what backups dial. (core's
 * {@code ServerObjects.podHost} gives the same for the default domain; the builders take the domain as input.)
 */
final class PodDns {
    private PodDns() {
    }

    static String fqdn(String pod, String service, String namespace, String clusterDomain) {
        return pod + "." + service + "." + namespace + ".svc." + clusterDomain;
    }
}
