package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.backup.BackupWorkloads;
import io.neo4jguard.core.server.ServerObjects;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a Neo4jBackup, in apply order: its ServiceAccount, the claim of a PVC target when the backup asks
 * for one to be created (no owner reference: deleting the backup never deletes backups), then the Job or CronJob.
 */
final class BackupBuilder {
    static final String CONTAINER = "backup";
    static final String PVC_VOLUME = "backups";
    static final String PVC_PATH = "/backup";
    static final String STAGING_VOLUME = "staging";
    static final String STAGING_PATH = "/staging";
    static final String GCP_VOLUME = "gcp-credentials";

    /**
     * 3 retries: a backup that fails on a leader switch or a dropped connection succeeds on the next attempt;
     * three failures in a row are a real problem that more retries would only hide (and each retry of a full
     * backup re-reads the whole store). The reference operator and the chart use 3 too.
     */
    static final int BACKOFF_LIMIT = 3;
    /**
     * A run missed while the CronJob controller was down (an upgrade, a leader change) still starts if it is at
     * most 10 min late; without a deadline the controller gives up after 100 missed schedules, which a
     * once-a-minute schedule reaches in under 2 h.
     */
    static final long STARTING_DEADLINE_SECONDS = 600L;
    /** Kubernetes' own defaults (3 and 1), with failures kept as long as successes so a failing run can be read. */
    static final int SUCCESS_HISTORY = 3;
    static final int FAILED_HISTORY = 3;

    private BackupBuilder() {
    }

    static List<HasMetadata> build(Owner owner, Resource backup, Resource target, String clusterDomain) {
        JsonNode spec = Specs.spec(backup);
        JsonNode targetSpec = Specs.spec(target);
        Neo4jVersion version = ServerImage.known(target).orElseThrow(() -> new IllegalArgumentException(
                target.displayName() + ": spec.image.tag is not a Neo4j version"));
        CloudAccess cloud = CloudAccess.of(spec);
        String sa = BackupWorkloads.job(owner.name());
        List<HasMetadata> out = new ArrayList<>();
        Map<String, String> saAnnotations = cloud.serviceAccountAnnotations();
        out.add(new ServiceAccountBuilder().withMetadata(owner.meta(sa, ManagedLabels.COMPONENT_BACKUP))
                .editMetadata().withAnnotations(saAnnotations.isEmpty() ? null : saAnnotations).endMetadata()
                // A backup needs no Kubernetes API; identity webhooks mount their own projected tokens.
                .withAutomountServiceAccountToken(false).build());
        JsonNode storage = spec.path("storage");
        boolean pvc = "pvc".equals(storage.path("type").asText(""));
        String claim = Specs.text(storage.path("pvc").path("name"), "");
        String size = Specs.text(storage.path("pvc").path("size"), "");
        if (pvc && !size.isEmpty()) {
            PersistentVolumeClaimBuilder b = new PersistentVolumeClaimBuilder()
                    .withMetadata(new ObjectMetaBuilder().withName(claim).withNamespace(owner.namespace())
                            .withLabels(owner.labels(ManagedLabels.COMPONENT_BACKUP)).build())
                    .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                    .addToRequests("storage", new Quantity(size)).endResources().endSpec();
            String cls = Specs.text(storage.path("pvc").path("storageClassName"), "");
            if (!cls.isEmpty()) {
                b.editSpec().withStorageClassName(cls).endSpec();
            }
            out.add(b.build());
        }
        PodTemplateSpec pod = pod(owner, spec, target, targetSpec, version, cloud, sa, pvc ? claim : null,
                clusterDomain);
        JobSpec job = new JobSpecBuilder().withBackoffLimit(BACKOFF_LIMIT).withTemplate(pod).build();
        String schedule = Specs.text(spec.path("schedule"), "");
        if (schedule.isEmpty()) {
            // No ttlSecondsAfterFinished: the Job is the record that the backup ran. Collected after a TTL, it would
            // be missing from the next reconcile and applied again, running the backup twice (reconciler-facts §6
            // item 12). It goes with the Neo4jBackup.
            out.add(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                    .withMetadata(owner.meta(BackupWorkloads.job(owner.name()), ManagedLabels.COMPONENT_BACKUP))
                    .withSpec(job).build());
        } else {
            out.add(new CronJobBuilder()
                    .withMetadata(owner.meta(BackupWorkloads.cronJob(owner.name()), ManagedLabels.COMPONENT_BACKUP))
                    .withNewSpec().withSchedule(schedule).withSuspend(spec.path("suspend").asBoolean(false))
                    // Forbid: two backups of one database at once compete for the same chain and double the load.
                    .withConcurrencyPolicy("Forbid")
                    .withStartingDeadlineSeconds(STARTING_DEADLINE_SECONDS)
                    .withSuccessfulJobsHistoryLimit(SUCCESS_HISTORY).withFailedJobsHistoryLimit(FAILED_HISTORY)
                    .withNewJobTemplate().withNewMetadata().withLabels(owner.labels(ManagedLabels.COMPONENT_BACKUP))
                    .endMetadata().withSpec(job).endJobTemplate()
                    .endSpec().build());
        }
        return out;
    }

    private static PodTemplateSpec pod(Owner owner, JsonNode spec, Resource target, JsonNode targetSpec,
                                       Neo4jVersion version, CloudAccess cloud, String sa, String claim,
                                       String clusterDomain) {
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        String toPath;
        JsonNode storage = spec.path("storage");
        String prefix = Specs.text(storage.path("path"), target.name());
        if (claim != null) {
            volumes.add(new VolumeBuilder().withName(PVC_VOLUME).withNewPersistentVolumeClaim().withClaimName(claim)
                    .endPersistentVolumeClaim().build());
            mounts.add(new VolumeMountBuilder().withName(PVC_VOLUME).withMountPath(PVC_PATH).build());
            toPath = PVC_PATH + "/" + prefix + "/";
        } else {
            toPath = scheme(storage.path("type").asText("")) + Specs.text(storage.path("bucket"), "") + "/" + prefix
                    + "/";
        }
        JsonNode options = spec.path("options");
        String tempPath = Specs.text(options.path("tempPath"), null);
        if (tempPath == null && options.path("tempStorage").isObject()) {
            // A generic ephemeral volume: its claim lives and dies with the pod, sized for the staging copy.
            JsonNode ts = options.path("tempStorage");
            PersistentVolumeClaimBuilder staging = new PersistentVolumeClaimBuilder().withNewSpec()
                    .withAccessModes("ReadWriteOnce").withNewResources()
                    .addToRequests("storage", new Quantity(Specs.text(ts.path("size"), ""))).endResources().endSpec();
            String cls = Specs.text(ts.path("storageClassName"), "");
            if (!cls.isEmpty()) {
                staging.editSpec().withStorageClassName(cls).endSpec();
            }
            volumes.add(new VolumeBuilder().withName(STAGING_VOLUME).withNewEphemeral().withNewVolumeClaimTemplate()
                    .withSpec(staging.build().getSpec()).endVolumeClaimTemplate().endEphemeral().build());
            mounts.add(new VolumeMountBuilder().withName(STAGING_VOLUME).withMountPath(STAGING_PATH).build());
            tempPath = STAGING_PATH;
        }
        if (cloud.gcpKeyFile()) {
            volumes.add(new VolumeBuilder().withName(GCP_VOLUME).withNewSecret().withSecretName(cloud.secret())
                    .withDefaultMode(0440).addNewItem().withKey(CloudAccess.GCP_KEY).withPath(CloudAccess.GCP_KEY_FILE)
                    .endItem().endSecret().build());
            mounts.add(new VolumeMountBuilder().withName(GCP_VOLUME).withMountPath(CloudAccess.GCP_KEY_DIR)
                    .withReadOnly(true).build());
        }
        // No NEO4J_ACCEPT_LICENSE_AGREEMENT: only the image's entrypoint reads it, and the command bypasses it.
        List<EnvVar> env = new ArrayList<>(cloud.env());
        JsonNode image = targetSpec.path("image");
        Map<String, String> labels = new LinkedHashMap<>(owner.labels(ManagedLabels.COMPONENT_BACKUP));
        labels.putAll(cloud.podLabels());
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withServiceAccountName(sa)
                .withAutomountServiceAccountToken(false)
                .withRestartPolicy("Never")
                .withSecurityContext(PodSecurity.pod(targetSpec.path("securityContext")))
                .withImagePullSecrets(Specs.texts(image.path("pullSecrets")).stream().map(LocalObjectReference::new)
                        .toList())
                .withContainers(new ContainerBuilder()
                        .withName(CONTAINER)
                        // The target's own image: its neo4j-admin speaks the server's backup protocol version.
                        .withImage(Specs.text(image.path("repo"), "neo4j") + ":" + Specs.text(image.path("tag"), ""))
                        .withImagePullPolicy(Specs.text(image.path("pullPolicy"), "IfNotPresent"))
                        .withCommand(BackupCommand.args(spec, version, from(target, targetSpec, clusterDomain),
                                toPath, tempPath))
                        .withEnv(env)
                        .withResources(Specs.read(options.path("resources"), ResourceRequirements.class).orElse(null))
                        .withVolumeMounts(mounts)
                        .withSecurityContext(PodSecurity.container(targetSpec.path("securityContext")))
                        .build())
                .withVolumes(volumes)
                .endSpec().build();
    }

    /** Every server's backup address, server 0 first (reconciler-facts §6 item 9: the port is reachable in-cluster). */
    static List<String> from(Resource target, JsonNode targetSpec, String clusterDomain) {
        String ns = Owner.namespaceOf(target);
        String headless = ServerObjects.headlessService(target.name());
        boolean cluster = Kinds.CLUSTER.equals(target.kind());
        String sts = ServerObjects.statefulSet(target.name(), cluster);
        int servers = cluster ? Math.max(1, targetSpec.path("topology").path("servers").asInt(1)) : 1;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            out.add(PodDns.fqdn(sts + "-" + i, headless, ns, clusterDomain) + ":" + Ports.BACKUP);
        }
        return out;
    }

    private static String scheme(String type) {
        switch (type) {
            case "s3":
                return "s3://";
            case "gcs":
                return "gs://";
            case "azure":
                return "azb://";
            default:
                throw new IllegalArgumentException("unknown backup storage type '" + type + "'");
        }
    }
}
