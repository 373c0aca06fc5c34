package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import io.neo4jguard.core.server.OperatorVolumes;
import io.neo4jguard.core.server.ServerObjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod template of a cluster's or standalone's servers: the official image's own entrypoint, which copies
 * {@code /conf/neo4j.conf} into NEO4J_HOME and then applies the {@code NEO4J_*} variables on top (neo4j-facts §3.4);
 * that is how the per-pod advertised addresses reach each server without a startup script.
 */
final class ServerPod {
    static final String CONTAINER = "neo4j";
    /** Volume names are the operator's (core's {@link OperatorVolumes}), which user volumes may not reuse. */
    static final String CONF_VOLUME = OperatorVolumes.CONFIG;
    static final String LOGS_VOLUME = OperatorVolumes.LOGS;
    static final String TLS_VOLUME = OperatorVolumes.CERTS;
    static final String DATA_PATH = "/data";
    static final String CONF_PATH = "/conf";
    static final String LOGS_PATH = "/logs";

    /** Files of the TLS volume, renamed from the cert-manager Secret keys to Neo4j's SSL-policy defaults. */
    static final String TLS_CERT_FILE = "public.crt";
    static final String TLS_KEY_FILE = "private.key";
    static final String TLS_TRUSTED_DIR = "trusted";

    /** The Secret of the initial admin password when {@code spec.auth.adminSecret} is not set (the operator's). */
    static final String DEFAULT_ADMIN_SECRET = ServerObjects.DEFAULT_ADMIN_SECRET;

    /**
     * 300 s to stop: Neo4j checkpoints (flushes dirty pages of the page cache) and hands Raft leadership over on a
     * clean shutdown; killed sooner, it replays its transaction logs at the next start, which is slower than the
     * flush it skipped. Checkpoints are write-bound: at a modest 100 MiB/s, 300 s writes ~29 GiB, more than the
     * dirty share of any page cache our memory defaults give. The chart's 3600 s holds a node drain an hour when a
     * shutdown hangs; the operator's 30 s cuts checkpoints short.
     */
    static final long TERMINATION_GRACE_SECONDS = 300L;

    /** 0440: readable by the neo4j group (fsGroup 7474), not by others. */
    private static final int SECRET_MODE = 0440;
    /** 0444: the entrypoint, running as 7474, copies the file. */
    private static final int CONFIG_MODE = 0444;

    private ServerPod() {
    }

    /** What the template needs from the builder of its owner. */
    record Inputs(Owner owner, JsonNode spec, boolean cluster, String headlessService, String configMap,
                  String serviceAccount, Neo4jConf conf, String tlsSecret, String clusterDomain, boolean httpEnabled) {
    }

    static PodTemplateSpec template(Inputs in) {
        Map<String, String> selector = ManagedLabels.serverSelector(in.owner().name());
        JsonNode spec = in.spec();
        JsonNode image = spec.path("image");
        Container c = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(Specs.text(image.path("repo"), "neo4j") + ":" + Specs.text(image.path("tag"), ""))
                .withImagePullPolicy(Specs.text(image.path("pullPolicy"), "IfNotPresent"))
                .withEnv(env(in))
                .withEnvFrom(Specs.list(spec.path("extraEnvFrom"), EnvFromSource.class))
                .withPorts(Ports.server(in.cluster(), in.tlsSecret() != null).stream()
                        .map(p -> new ContainerPortBuilder().withName(p.name()).withContainerPort(p.number())
                                .withProtocol("TCP").build()).toList())
                .withResources(Specs.read(spec.path("resources"), ResourceRequirements.class).orElse(null))
                .withVolumeMounts(mounts(in))
                .withStartupProbe(Probes.startup(endpoint(in)))
                .withReadinessProbe(Probes.readiness(endpoint(in)))
                .withSecurityContext(PodSecurity.container(spec.path("securityContext")))
                .build();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ManagedLabels.CONFIG_HASH, in.conf().rollHash());
        List<LocalObjectReference> pullSecrets = Specs.texts(image.path("pullSecrets")).stream()
                .map(LocalObjectReference::new).toList();
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(in.owner().labels(ManagedLabels.COMPONENT_SERVER))
                .withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withServiceAccountName(in.serviceAccount())
                // LIST discovery needs no Kubernetes API access: no token in the pod.
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(PodSecurity.pod(spec.path("securityContext")))
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .withImagePullSecrets(pullSecrets)
                .withNodeSelector(Placement.nodeSelector(spec))
                .withTolerations(Specs.list(spec.path("tolerations"), io.fabric8.kubernetes.api.model.Toleration.class))
                .withAffinity(Placement.affinity(spec, selector).orElse(null))
                .withTopologySpreadConstraints(Placement.spread(spec, selector))
                .withContainers(c)
                .withVolumes(volumes(in))
                .endSpec()
                .build();
    }

    private static Probes.Endpoint endpoint(Inputs in) {
        return Probes.Endpoint.of(in.cluster(), in.httpEnabled() || in.tlsSecret() == null);
    }

    private static List<EnvVar> env(Inputs in) {
        JsonNode spec = in.spec();
        Map<String, EnvVar> env = new LinkedHashMap<>();
        String license = Specs.text(spec.path("acceptLicenseAgreement"), "");
        if (!license.isEmpty()) {
            env.put("NEO4J_ACCEPT_LICENSE_AGREEMENT", plain("NEO4J_ACCEPT_LICENSE_AGREEMENT", license));
        }
        env.put("POD_NAME", new EnvVarBuilder().withName("POD_NAME").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        // $(POD_NAME) is expanded by the kubelet; the entrypoint turns NEO4J_a_b__c into a.b_c (neo4j-facts §3.4).
        String fqdn = PodDns.fqdn("$(POD_NAME)", in.headlessService(), in.owner().namespace(),
                in.clusterDomain());
        env.put("NEO4J_server_default__advertised__address", plain("NEO4J_server_default__advertised__address", fqdn));
        if (in.cluster()) {
            put(env, "NEO4J_server_cluster_advertised__address", fqdn + ":" + Ports.CLUSTER);
            put(env, "NEO4J_server_cluster_raft_advertised__address", fqdn + ":" + Ports.RAFT);
            put(env, "NEO4J_server_routing_advertised__address", fqdn + ":" + Ports.ROUTING);
        }
        String adminSecret = Specs.text(spec.path("auth").path("adminSecret"), DEFAULT_ADMIN_SECRET);
        env.put("ADMIN_PASSWORD", new EnvVarBuilder().withName("ADMIN_PASSWORD").withNewValueFrom()
                .withNewSecretKeyRef().withName(adminSecret).withKey("password").endSecretKeyRef().endValueFrom()
                .build());
        // The image sets the initial password of the built-in neo4j user from NEO4J_AUTH=neo4j/<password>. The
        // password variable must not start with NEO4J_: the entrypoint would write it into neo4j.conf as a setting.
        put(env, "NEO4J_AUTH", "neo4j/$(ADMIN_PASSWORD)");
        for (EnvVar user : Specs.list(spec.path("env"), EnvVar.class)) {
            env.remove(user.getName()); // the user's definition replaces ours, in the user's position
            env.put(user.getName(), user);
        }
        return new ArrayList<>(env.values());
    }

    private static void put(Map<String, EnvVar> env, String name, String value) {
        env.put(name, plain(name, value));
    }

    private static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static List<VolumeMount> mounts(Inputs in) {
        List<VolumeMount> m = new ArrayList<>();
        m.add(mount(dataVolume(in.cluster()), DATA_PATH, false));
        m.add(mount(CONF_VOLUME, CONF_PATH, true));
        m.add(mount(LOGS_VOLUME, LOGS_PATH, false));
        if (in.tlsSecret() != null) {
            m.add(mount(TLS_VOLUME, Neo4jConf.SSL_DIR, true));
        }
        m.addAll(Specs.list(in.spec().path("extraVolumeMounts"), VolumeMount.class));
        return m;
    }

    /** The claim template's name: the operator's, which differs between cluster and standalone. */
    static String dataVolume(boolean cluster) {
        return cluster ? OperatorVolumes.DATA : OperatorVolumes.STANDALONE_DATA;
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        VolumeMountBuilder b = new VolumeMountBuilder().withName(name).withMountPath(path);
        if (readOnly) {
            b.withReadOnly(true);
        }
        return b.build();
    }

    private static List<Volume> volumes(Inputs in) {
        List<Volume> v = new ArrayList<>();
        v.add(new VolumeBuilder().withName(CONF_VOLUME).withNewConfigMap().withName(in.configMap())
                .withDefaultMode(CONFIG_MODE).endConfigMap().build());
        // The image runs `neo4j console`, whose user log also goes to stdout; debug.log here is lost with the pod,
        // the price of not asking for a second volume per server.
        v.add(new VolumeBuilder().withName(LOGS_VOLUME).withNewEmptyDir().endEmptyDir().build());
        if (in.tlsSecret() != null) {
            v.add(new VolumeBuilder().withName(TLS_VOLUME).withNewSecret().withSecretName(in.tlsSecret())
                    .withDefaultMode(SECRET_MODE)
                    .addNewItem().withKey("tls.crt").withPath(TLS_CERT_FILE).endItem()
                    .addNewItem().withKey("tls.key").withPath(TLS_KEY_FILE).endItem()
                    .addNewItem().withKey("ca.crt").withPath(TLS_TRUSTED_DIR + "/ca.crt").endItem()
                    .endSecret().build());
        }
        v.addAll(Specs.list(in.spec().path("extraVolumes"), Volume.class));
        return v;
    }
}
