package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The objects reconciler-lite applies for one custom resource, as pure functions: same input, same output, no
 * client, no clock. The input is the object <em>after</em> {@link io.neo4jguard.core.defaults.Defaults} and with
 * no error from {@link io.neo4jguard.core.Validator} (the controller and {@code render} both do that first);
 * the memory pools and server placement the defaulting wrote are used as they stand, never recomputed here.
 *
 * <p>Every list is in apply order (ServiceAccount and ConfigMap before the workload that mounts them, Services
 * before the StatefulSet whose {@code serviceName} names one). Every object carries {@link ManagedLabels} and an
 * owner reference to the custom resource (controller: true, blockOwnerDeletion: true), so deleting the resource
 * garbage-collects them; the PersistentVolumeClaims a StatefulSet creates from its claim template are not ours
 * and are retained ({@code persistentVolumeClaimRetentionPolicy} Retain/Retain).
 *
 * <p>A PersistentVolumeClaim in a list (a backup's {@code pvc} target with a size) is <b>create-only</b>: apply it
 * when it is absent, never again, and never report its missing owner reference as a conflict. A claim is not ours
 * to change or delete, most of its spec is immutable, and kube-apiserver 1.34 writes a new resource version for a
 * claim applied again unchanged (measured by {@code DesiredObjectsApiServerIT}), where every other object's second
 * apply is free.
 *
 * <p>Immutable and thread-safe.
 */
public final class DesiredState {
    /** The DNS domain of Services in a default Kubernetes cluster (kubelet {@code --cluster-domain}). */
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

    /** The kinds {@link #forObject} builds objects for. */
    public static final Set<String> KINDS = Set.of(Kinds.CLUSTER, Kinds.STANDALONE, Kinds.BACKUP);

    private final String clusterDomain;

    private DesiredState(String clusterDomain) {
        this.clusterDomain = Objects.requireNonNull(clusterDomain, "clusterDomain");
    }

    /** Builders for a cluster whose DNS domain is {@value #DEFAULT_CLUSTER_DOMAIN}. */
    public static DesiredState standard() {
        return new DesiredState(DEFAULT_CLUSTER_DOMAIN);
    }

    /** Builders for a cluster with another DNS domain (pod FQDNs in neo4j.conf and in backup {@code --from}). */
    public static DesiredState withClusterDomain(String clusterDomain) {
        return new DesiredState(clusterDomain);
    }

    /** Whether a cluster's or standalone's servers get TLS; our neo4j.conf then requires it on Bolt too. */
    public static boolean tls(com.fasterxml.jackson.databind.JsonNode spec) {
        return ServerBuilder.tls(spec);
    }

    public String clusterDomain() {
        return clusterDomain;
    }

    /**
     * Neo4jEnterpriseCluster {@code c}: ServiceAccount {@code c-server}, ConfigMap {@code c-config} (neo4j.conf),
     * headless Service {@code c-headless} (discovery, publishNotReadyAddresses), client Service {@code c-client}
     * ({@code spec.service}), StatefulSet {@code c-server} (one pod per server, Parallel) and PodDisruptionBudget
     * {@code c-server} (minAvailable = Raft majority).
     *
     * @param cluster  the defaulted, valid cluster; a missing {@code metadata.namespace} reads as {@code default}
     * @param ownerUid {@code metadata.uid} of the cluster, for the owner references
     * @throws IllegalArgumentException when the object is not a cluster or lacks what validation requires
     */
    public List<HasMetadata> forCluster(Resource cluster, String ownerUid) {
        requireKind(cluster, Kinds.CLUSTER);
        return ServerBuilder.cluster(Owner.of(cluster, ownerUid), cluster, clusterDomain);
    }

    /**
     * Neo4jEnterpriseStandalone {@code s}: ServiceAccount {@code s}, ConfigMap {@code s-config}, headless Service
     * {@code s-headless}, client Service {@code s-client}, StatefulSet {@code s} (one replica). No PodDisruptionBudget:
     * a single server has no quorum to keep, and a PDB would only block node drains forever.
     */
    public List<HasMetadata> forStandalone(Resource standalone, String ownerUid) {
        requireKind(standalone, Kinds.STANDALONE);
        return ServerBuilder.standalone(Owner.of(standalone, ownerUid), standalone, clusterDomain);
    }

    /**
     * Neo4jBackup {@code b}: ServiceAccount {@code b-backup} (with the workload-identity annotations of the cloud),
     * the PersistentVolumeClaim of a {@code pvc} target when {@code storage.pvc.size} asks for one to be created
     * (no owner reference), then Job {@code b-backup} (no {@code spec.schedule}) or CronJob {@code b-backup-cron}. The pod runs the
     * target's own image with the {@code neo4j-admin database backup} command line.
     *
     * @param target the defaulted cluster or standalone named by {@code spec.instanceRef}
     */
    public List<HasMetadata> forBackup(Resource backup, String ownerUid, Resource target) {
        requireKind(backup, Kinds.BACKUP);
        if (target == null || !Kinds.SERVERS.contains(target.kind())) {
            throw new IllegalArgumentException("a backup needs its target cluster or standalone, got "
                    + (target == null ? "none" : target.displayName()));
        }
        return BackupBuilder.build(Owner.of(backup, ownerUid), backup, target, clusterDomain);
    }

    /**
     * Dispatch by kind: a backup's target is looked up with {@code resolver} (as
     * {@link Resolver#resolveServer}). Empty for kinds reconciler-lite does not manage.
     *
     * @throws IllegalArgumentException when a backup's target cannot be found
     */
    public List<HasMetadata> forObject(Resource object, String ownerUid, Resolver resolver) {
        switch (object.kind()) {
            case Kinds.CLUSTER:
                return forCluster(object, ownerUid);
            case Kinds.STANDALONE:
                return forStandalone(object, ownerUid);
            case Kinds.BACKUP:
                String ref = object.tree().path("spec").path("instanceRef").asText("");
                Resolution r = resolver.resolveServer(Owner.namespaceOf(object), ref);
                if (r.status() != Resolution.Status.FOUND) {
                    throw new IllegalArgumentException(object.displayName() + ": target '" + ref
                            + "' (spec.instanceRef) is not known");
                }
                return forBackup(object, ownerUid, r.resource());
            default:
                return List.of();
        }
    }

    private static void requireKind(Resource r, String kind) {
        if (!kind.equals(r.kind()) || !r.isOurs()) {
            throw new IllegalArgumentException("expected a " + Kinds.API_VERSION + " " + kind + ", got "
                    + r.apiVersion() + " " + r.kind());
        }
    }
}
