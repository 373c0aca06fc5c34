package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.server.ServerObjects;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objects of a cluster or standalone, in apply order. */
final class ServerBuilder {
    /**
     * Neo4j's default for {@code dbms.cluster.minimum_initial_system_primaries_count} (neo4j-facts §5): a cluster
     * of 3 or more forms with 3 system primaries; a 2-server cluster must say 2 or it never forms.
     */
    static final int DEFAULT_SYSTEM_PRIMARIES = 3;

    private ServerBuilder() {
    }

    static List<HasMetadata> cluster(Owner owner, Resource cluster, String clusterDomain) {
        JsonNode spec = Specs.spec(cluster);
        int servers = spec.path("topology").path("servers").asInt(0);
        if (servers < 1) {
            throw new IllegalArgumentException(cluster.displayName() + " has no spec.topology.servers");
        }
        String sts = ServerObjects.statefulSet(owner.name(), true);
        String headless = ServerObjects.headlessService(owner.name());
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            endpoints.add(PodDns.fqdn(sts + "-" + i, headless, owner.namespace(), clusterDomain) + ":"
                    + Ports.CLUSTER);
        }
        Neo4jConf conf = Neo4jConf.cluster(header(owner), spec, version(cluster), endpoints,
                systemPrimaries(spec, servers), tls(spec));
        return objects(owner, spec, true, sts, servers, conf, clusterDomain);
    }

    static List<HasMetadata> standalone(Owner owner, Resource standalone, String clusterDomain) {
        JsonNode spec = Specs.spec(standalone);
        Neo4jConf conf = Neo4jConf.standalone(header(owner), spec, version(standalone), tls(spec));
        return objects(owner, spec, false, ServerObjects.statefulSet(owner.name(), false), 1, conf, clusterDomain);
    }

    private static List<HasMetadata> objects(Owner owner, JsonNode spec, boolean cluster, String sts, int replicas,
                                             Neo4jConf conf, String clusterDomain) {
        String sa = cluster ? sts : owner.name();
        String headless = ServerObjects.headlessService(owner.name());
        String configMap = ServerObjects.configMap(owner.name());
        String tlsSecret = tls(spec) ? Specs.text(spec.path("tls").path("certificateSecret"),
                ServerObjects.tlsSecret(owner.name())) : null;
        List<HasMetadata> out = new ArrayList<>();
        out.add(serviceAccount(owner, sa, spec));
        out.add(new ConfigMapBuilder().withMetadata(owner.meta(configMap, ManagedLabels.COMPONENT_SERVER))
                .withData(Map.of(Neo4jConf.FILE, conf.text())).build());
        out.add(headless(owner, headless, cluster, tlsSecret != null));
        out.add(client(owner, spec, tlsSecret != null));
        ServerPod.Inputs in = new ServerPod.Inputs(owner, spec, cluster, headless, configMap, sa, conf, tlsSecret,
                clusterDomain, conf.httpEnabled());
        out.add(statefulSet(owner, spec, sts, replicas, headless, in));
        if (cluster) {
            out.add(disruptionBudget(owner, sts, replicas));
        }
        return out;
    }

    private static String header(Owner owner) {
        return "neo4j.conf of " + owner.kind() + " " + owner.namespace() + "/" + owner.name();
    }

    private static Neo4jVersion version(Resource server) {
        return ServerImage.known(server).orElseThrow(() -> new IllegalArgumentException(server.displayName()
                + ": spec.image.tag is not a Neo4j version"));
    }

    static boolean tls(JsonNode spec) {
        return "cert-manager".equals(spec.path("tls").path("mode").asText(""));
    }

    /** {@code spec.topology.minSystemPrimaries}, else Neo4j's default of 3, never more than there are servers. */
    static int systemPrimaries(JsonNode spec, int servers) {
        JsonNode given = spec.path("topology").path("minSystemPrimaries");
        int wanted = given.isIntegralNumber() ? given.asInt() : DEFAULT_SYSTEM_PRIMARIES;
        return Math.max(1, Math.min(wanted, servers));
    }

    /** Raft needs a majority of its members: floor(n / 2) + 1 (3 of 5, 2 of 3, 2 of 2). */
    static int majority(int servers) {
        return servers / 2 + 1;
    }

    private static ServiceAccount serviceAccount(Owner owner, String name, JsonNode spec) {
        return new ServiceAccountBuilder().withMetadata(owner.meta(name, ManagedLabels.COMPONENT_SERVER))
                .editMetadata().withAnnotations(Specs.strings(spec.path("podServiceAccountAnnotations"))).endMetadata()
                .withAutomountServiceAccountToken(false).build();
    }

    /**
     * The headless Service behind the pods' DNS names. {@code publishNotReadyAddresses}: a starting server must
     * resolve its peers before any of them is Ready, or no cluster ever forms.
     */
    private static Service headless(Owner owner, String name, boolean cluster, boolean tls) {
        List<ServicePort> ports = Ports.server(cluster, tls).stream().map(p -> servicePort(p.name(), p.number()))
                .toList();
        return new ServiceBuilder().withMetadata(owner.meta(name, ManagedLabels.COMPONENT_SERVER))
                .withNewSpec().withClusterIP("None").withPublishNotReadyAddresses(true)
                .withSelector(ManagedLabels.serverSelector(owner.name())).withPorts(ports).endSpec().build();
    }

    /** The client Service from {@code spec.service}: Bolt, and HTTPS instead of HTTP when TLS is on. */
    private static Service client(Owner owner, JsonNode spec, boolean tls) {
        JsonNode s = spec.path("service");
        String type = Specs.text(s.path("type"), "ClusterIP");
        List<ServicePort> ports = List.of(servicePort(Ports.BOLT_NAME, Ports.BOLT),
                tls ? servicePort(Ports.HTTPS_NAME, Ports.HTTPS) : servicePort(Ports.HTTP_NAME, Ports.HTTP));
        ServiceBuilder b = new ServiceBuilder().withMetadata(owner.meta(ServerObjects.clientService(owner.name()),
                        ManagedLabels.COMPONENT_SERVER))
                .editMetadata().withAnnotations(Specs.strings(s.path("annotations"))).endMetadata()
                .withNewSpec().withType(type).withSelector(ManagedLabels.serverSelector(owner.name()))
                .withPorts(ports).endSpec();
        if (!"ClusterIP".equals(type)) {
            // Only external Services have these; the API server refuses externalTrafficPolicy on a ClusterIP.
            b.editSpec().withLoadBalancerSourceRanges(Specs.texts(s.path("loadBalancerSourceRanges")))
                    .withExternalTrafficPolicy(Specs.text(s.path("externalTrafficPolicy"), null)).endSpec();
            if ("LoadBalancer".equals(type)) {
                b.editSpec().withLoadBalancerIP(Specs.text(s.path("loadBalancerIP"), null)).endSpec();
            }
        }
        return b.build();
    }

    private static ServicePort servicePort(String name, int port) {
        return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(name))
                .withProtocol("TCP").build();
    }

    private static StatefulSet statefulSet(Owner owner, JsonNode spec, String name, int replicas, String headless,
                                           ServerPod.Inputs in) {
        JsonNode storage = spec.path("storage");
        PersistentVolumeClaimBuilder claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(ServerPod.dataVolume(in.cluster()))
                .withLabels(ManagedLabels.serverSelector(owner.name())).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity(Specs.text(storage.path("size"), "")))
                .endResources().endSpec();
        String storageClass = Specs.text(storage.path("className"), "");
        if (!storageClass.isEmpty()) {
            claim.editSpec().withStorageClassName(storageClass).endSpec();
        }
        PersistentVolumeClaim template = claim.build();
        return new StatefulSetBuilder().withMetadata(owner.meta(name, ManagedLabels.COMPONENT_SERVER))
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(headless)
                // Parallel: all servers start together and discover each other; OrderedReady would wait for
                // server-0 to be Ready, which it cannot be before the others join (readiness = cluster membership).
                .withPodManagementPolicy("Parallel")
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewSelector().withMatchLabels(ManagedLabels.serverSelector(owner.name())).endSelector()
                .withTemplate(ServerPod.template(in))
                .withVolumeClaimTemplates(template)
                // Retain on delete and on scale-down: a store is never deleted by a controller (reconciler-facts §6
                // item 4). A reused claim on scale-up is a known member, which is what Neo4j expects of it.
                .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Retain").withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .endSpec().build();
    }

    /**
     * minAvailable = the Raft majority of the servers, so a drain evicts a server only while the rest keep quorum.
     * With 2 servers that is 2: no voluntary eviction at all, which is right, as either loss stops writes.
     */
    private static PodDisruptionBudget disruptionBudget(Owner owner, String name, int servers) {
        return new PodDisruptionBudgetBuilder().withMetadata(owner.meta(name, ManagedLabels.COMPONENT_SERVER))
                .withNewSpec().withMinAvailable(new IntOrString(majority(servers)))
                .withNewSelector().withMatchLabels(ManagedLabels.serverSelector(owner.name())).endSelector()
                .endSpec().build();
    }
}
