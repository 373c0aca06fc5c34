package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.neo4jguard.kube.ClientSettings;
import io.neo4jguard.kube.Connection;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.kube.testenv.ApiRequestCounts;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.reconciler.loop.Caches;
import io.neo4jguard.reconciler.observe.ReconcileLog;
import io.neo4jguard.reconciler.observe.ReconcilerMetrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** What the controller ITs share: namespaces, manifests, started runtimes, waiting, and the API server's write count. */
public final class Harness {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The controllers' JSON log lines, in target/ beside the API server's logs. */
    static final ReconcileLog LOG = logFile();

    private static ReconcileLog logFile() {
        try {
            java.nio.file.Path f = java.nio.file.Path.of("target", "reconciler-it.log");
            java.nio.file.Files.createDirectories(f.getParent());
            java.io.PrintStream out = new java.io.PrintStream(java.nio.file.Files.newOutputStream(f,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            return ReconcileLog.to(out);
        } catch (java.io.IOException e) {
            return ReconcileLog.to(System.err);
        }
    }

    private Harness() {
    }

    public static String namespace(KubernetesClient client, String prefix, Map<String, String> labels) {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
                .endMetadata().build()).create();
        return name;
    }

    /** A three-server 5.26 cluster, as a user would write it (the webhook is off: the reconciler defaults it). */
    public static String cluster(String name, int servers, boolean annotated) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  annotations: {%s}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.12-enterprise"}
                  topology: {servers: %d}
                  storage: {size: 10Gi}
                  resources: {limits: {memory: 4Gi}}
                """.formatted(name, annotated ? "neo4j-guard.io/reconcile: \"true\"" : "", servers);
    }

    public static String oneShotBackup(String name, String target) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata:
                  name: %s
                  annotations: {neo4j-guard.io/reconcile: "true"}
                spec:
                  instanceRef: %s
                  database: neo4j
                  storage:
                    type: pvc
                    pvc: {name: %s-store, size: 5Gi}
                """.formatted(name, target, name);
    }

    public static GenericKubernetesResource create(KubernetesClient client, String ns, String yaml) {
        GenericKubernetesResource o = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return client.genericKubernetesResources(Caches.context(o.getKind())).inNamespace(ns).resource(o).create();
    }

    /**
     * A JSON merge patch of the resource, as {@code kubectl patch --type merge} sends it: no resourceVersion, so
     * the controller's status writes in between cannot make it fail with 409 (an edit of a read copy would).
     */
    public static void patch(KubernetesClient client, String ns, String kind, String name, String mergePatch) {
        client.genericKubernetesResources(Caches.context(kind)).inNamespace(ns).withName(name)
                .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), mergePatch);
    }

    public static GenericKubernetesResource get(KubernetesClient client, String ns, String kind, String name) {
        return client.genericKubernetesResources(Caches.context(kind)).inNamespace(ns).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> conditions(GenericKubernetesResource o) {
        Object status = o == null ? null : o.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> l)) {
            return List.of();
        }
        return (List<Map<String, Object>>) l;
    }

    public static String condition(GenericKubernetesResource o, String type) {
        return conditions(o).stream().filter(c -> type.equals(c.get("type"))).map(c -> (String) c.get("status"))
                .findFirst().orElse(null);
    }

    public static String conditionMessage(GenericKubernetesResource o, String type) {
        return conditions(o).stream().filter(c -> type.equals(c.get("type"))).map(c -> (String) c.get("message"))
                .findFirst().orElse(null);
    }

    public static ReconcilerRuntime start(ControlPlane plane, RuntimeOptions options) {
        Connection c = KubeClients.kubeconfig(plane.kubeconfig(), null);
        return ReconcilerRuntime.start(KubeClients.client(c, ClientSettings.DEFAULT),
                KubeClients.client(c, ClientSettings.LEADER_ELECTION), options, LOG, new ReconcilerMetrics());
    }

    public static RuntimeOptions options(String identity) {
        return RuntimeOptions.defaults(identity).withWorkers(2);
    }

    /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * The writes only a reconciler makes, from the API server's counters: any server-side apply (nothing else in
     * the test bed applies) and any write to our custom resources (their status).
     */
    public static boolean reconcilerWrite(ApiRequestCounts.Request r) {
        return r.verb().equals("APPLY") || r.resource().startsWith("neo4j");
    }
}
