package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.util.Map;

/** The workloads the simulated cluster is proved with: shaped like the reconciler's, without Neo4j specifics. */
final class Workloads {
    /** Never pulled: no kubelet runs. A real image name keeps the objects realistic. */
    static final String IMAGE = "neo4j:5.26-enterprise";

    private Workloads() {
    }

    /**
     * A Parallel StatefulSet with a data volume claim template; with {@code antiAffinity} its pods require
     * distinct {@code kubernetes.io/hostname}s, as the reconciler's servers do.
     */
    static StatefulSet statefulSet(String namespace, String name, int replicas, boolean antiAffinity) {
        Map<String, String> labels = Map.of("app", name);
        PodTemplateSpecBuilder template = new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("server").withImage(IMAGE)
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .withNewResources().withRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")))
                .endResources()
                .endContainer()
                .endSpec();
        if (antiAffinity) {
            template.editSpec().withNewAffinity().withNewPodAntiAffinity()
                    .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .withTopologyKey(FakeNodes.HOSTNAME)
                    .withNewLabelSelector().withMatchLabels(labels).endLabelSelector()
                    .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endPodAntiAffinity().endAffinity().endSpec();
        }
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(name)
                .withPodManagementPolicy("Parallel")
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withTemplate(template.build())
                .addNewVolumeClaimTemplate()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
    }

    /** A one-shot Job like a backup: one pod, never restarted; {@code fail} makes kwok fail its pod (exit 1). */
    static Job job(String namespace, String name, boolean fail) {
        PodTemplateSpec template = new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(fail ? Map.of("kube-testenv.neo4j-guard.io/outcome", "failed") : Map.of())
                .endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("backup").withImage(IMAGE)
                .withCommand("/bin/sh", "-c", "neo4j-admin database backup --to-path=/backup '*'").endContainer()
                .endSpec()
                .build();
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withBackoffLimit(0).withTemplate(template).endSpec()
                .build();
    }
}
