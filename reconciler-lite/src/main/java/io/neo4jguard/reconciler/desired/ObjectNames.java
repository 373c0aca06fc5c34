package io.neo4jguard.reconciler.desired;

/**
 * Names of the objects reconciler-lite creates, chosen to be the reference operator's where it has one
 * (reconciler-facts §1), so a team moving between the two finds the same StatefulSet, Services and Jobs.
 */
final class ObjectNames {
    private ObjectNames() {
    }

    /** Cluster StatefulSet, its PodDisruptionBudget and ServiceAccount; pods are {@code {c}-server-N}. */
    static String clusterServers(String cluster) {
        return cluster + "-server";
    }

    /** Headless Service that gives every server pod its stable DNS name. */
    static String headless(String owner) {
        return owner + "-headless";
    }

    /** The client Service ({@code spec.service}): Bolt and HTTP(S) for applications. */
    static String client(String owner) {
        return owner + "-client";
    }

    /** The ConfigMap holding {@code neo4j.conf}. */
    static String config(String owner) {
        return owner + "-config";
    }

    /** One-shot backup Job, and the backup's ServiceAccount. */
    static String backupJob(String backup) {
        return backup + "-backup";
    }

    static String backupCronJob(String backup) {
        return backup + "-backup-cron";
    }

    /**
     * The stable DNS name of server pod {@code pod} behind headless Service {@code service}:
     * {@code pod.service.namespace.svc.domain}, what Neo4j advertises and what backups dial.
     */
    static String podFqdn(String pod, String service, String namespace, String clusterDomain) {
        return pod + "." + service + "." + namespace + ".svc." + clusterDomain;
    }
}
