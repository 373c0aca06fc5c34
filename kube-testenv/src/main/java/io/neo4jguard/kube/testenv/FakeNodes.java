package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Nodes of the {@link SimulatedCluster}: plain Node objects that kwok adopts (label {@code type=kwok}) and
 * reports Ready. Each has its own {@code kubernetes.io/hostname} (the anti-affinity topology of a
 * StatefulSet's servers), a {@code topology.kubernetes.io/zone} among {@link #ZONES} round-robin (the
 * topology of zone spreading), allocatable cpu/memory/pods, and a loopback pod CIDR of its own.
 *
 * <p>Nodes are cluster-scoped and the shared cluster is shared by every test class of the run: ask for "at
 * least n" with {@link #ensure(int)}, which creates only the missing ones, and do not delete the shared ones.
 * A test that needs nodes of a special shape creates its own with {@link #create(String, String, Capacity)}
 * and a name no other test uses.
 */
public final class FakeNodes {
    /** The label kwok selects its nodes by ({@code --manage-nodes-with-label-selector}). */
    public static final String LABEL = "type";
    public static final String VALUE = "kwok";
    static final String SELECTOR = LABEL + "=" + VALUE;
    public static final String HOSTNAME = "kubernetes.io/hostname";
    public static final String ZONE = "topology.kubernetes.io/zone";
    /** Three zones: the usual highly-available layout, and the smallest that shows a spread of a Raft majority. */
    public static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");
    /** {@link #ensure(int)}'s nodes are {@code kwok-node-0}, {@code kwok-node-1}, ... */
    public static final String PREFIX = "kwok-node-";
    /**
     * Node i gets pod CIDR 127.1.(i+1).0/24: 254 pod IPs per node (the kubelet's default limit is 110 pods), all
     * on loopback, and none shared with {@link SimulatedCluster#POD_CIDR} (127.1.0.0/24), which kwok uses for
     * nodes without a CIDR. 254 nodes at most.
     */
    static final int MAX_NODES = 254;
    static final String NOT_READY = "node.kubernetes.io/not-ready";
    /** kwok marks a new node Ready within a second; a minute covers a machine loaded by parallel builds. */
    private static final long READY_SECONDS = 60;

    /**
     * What a node offers the scheduler. {@link #DEFAULT}: the kubelet's default of 110 pods, and room for 110
     * pods of 2 cores / 8 GiB (a generous Neo4j server request): 220 cores and 880 GiB, rounded up to 256 cores
     * and 1 TiB. So placement in the tests is decided by affinity and node count (3 nodes hold 100 clusters of
     * 3 servers), not by resources, unless a test creates small nodes on purpose.
     */
    public record Capacity(String cpu, String memory, int pods) {
        public static final Capacity DEFAULT = new Capacity("256", "1Ti", 110);

        Map<String, Quantity> quantities() {
            Map<String, Quantity> m = new LinkedHashMap<>();
            m.put("cpu", new Quantity(cpu));
            m.put("memory", new Quantity(memory));
            m.put("pods", new Quantity(String.valueOf(pods)));
            return m;
        }
    }

    private final KubernetesClient client;

    FakeNodes(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Makes sure nodes {@code kwok-node-0} .. {@code kwok-node-(count-1)} exist with {@link Capacity#DEFAULT},
     * creating the missing ones, and waits until all of them are Ready. Returns their names in order.
     */
    public List<String> ensure(int count) {
        if (count < 0 || count > MAX_NODES) {
            throw new IllegalArgumentException("between 0 and " + MAX_NODES + " fake nodes, not " + count);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = PREFIX + i;
            names.add(name);
            if (client.nodes().withName(name).get() == null) {
                try {
                    client.nodes().resource(node(name, ZONES.get(i % ZONES.size()), "127.1." + (i + 1) + ".0/24",
                            Capacity.DEFAULT)).create();
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw e;
                    }
                    // Created by another thread of the same run meanwhile: that node is as good.
                }
            }
        }
        names.forEach(this::awaitReady);
        return names;
    }

    /**
     * Creates one node kwok adopts, with pod IPs from {@link SimulatedCluster#POD_CIDR}, and waits until it is
     * Ready.
     */
    public Node create(String name, String zone, Capacity capacity) {
        client.nodes().resource(node(name, zone, null, capacity)).create();
        return awaitReady(name);
    }

    /** The node as created: labels, pod CIDR, and a status with capacity = allocatable (kwok fills the rest). */
    static Node node(String name, String zone, String podCidr, Capacity capacity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL, VALUE);
        labels.put(HOSTNAME, name);
        labels.put(ZONE, zone);
        // The labels a kubelet puts on every node; pod templates select on them (nodeSelector os=linux).
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        // A Node's status may be set on create (that is how a kubelet registers); later it is kwok's to patch.
        return new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withPodCIDR(podCidr).withPodCIDRs(podCidr == null ? null : List.of(podCidr)).endSpec()
                .withNewStatus().withCapacity(capacity.quantities()).withAllocatable(capacity.quantities()).endStatus()
                .build();
    }

    /**
     * Waits until kwok reports the node Ready, then lifts the {@value #NOT_READY} NoSchedule taint that the API
     * server's TaintNodesByCondition admission put on it at creation. In a real cluster the node lifecycle
     * controller does that once the kubelet reports Ready; it does not run here (see {@link SimulatedCluster}),
     * and without this step the scheduler would leave every pod Pending.
     */
    private Node awaitReady(String name) {
        Node ready = client.nodes().withName(name).waitUntilCondition(FakeNodes::ready, READY_SECONDS, TimeUnit.SECONDS);
        if (!notReadyTaint(ready)) {
            return ready;
        }
        return client.nodes().withName(name).edit(n -> {
            n.getSpec().getTaints().removeIf(t -> NOT_READY.equals(t.getKey()));
            return n;
        });
    }

    private static boolean notReadyTaint(Node n) {
        return n.getSpec() != null && n.getSpec().getTaints() != null
                && n.getSpec().getTaints().stream().anyMatch(t -> NOT_READY.equals(t.getKey()));
    }

    static boolean ready(Node n) {
        return n != null && n.getStatus() != null && n.getStatus().getConditions() != null
                && n.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
