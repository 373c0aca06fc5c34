package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.Helm;
import io.neo4jguard.kube.testenv.KubeBinaries;
import io.neo4jguard.kube.testenv.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm install} of the chart into a real API server, then the webhook container the chart describes run
 * locally ({@link PodProcess}) with a token of the chart's ServiceAccount, called by the API server through the
 * chart's own webhook configurations and Service ({@link ClusterNetwork}). What passes here proves the chart's
 * RBAC is enough for the code; {@code kubectl auth can-i --list} against checked-in lists proves it is no more.
 * Then {@code helm upgrade} keeps the certificates and {@code helm uninstall} leaves only what docs/install.md
 * says stays (the CRDs, the custom resources, and the namespace helm created).
 *
 * <p>A control plane of its own: its API server sends "cluster" traffic through the proxy, which the shared one
 * must not do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartInstallIT {
    static final String RELEASE = "neo4j-guard";
    static final String NS = "neo4j-guard";
    static final String TRY = "neo4j-try";
    /** The Secret, Service, webhook configurations and ServiceAccount are named after the release. */
    static final String NAME = "neo4j-guard";
    static final String RECONCILER = "neo4j-guard-reconciler";
    /** The API server usually acts on a new webhook configuration or CA within a second; 60 s under load. */
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    static ClusterNetwork network;
    static ControlPlane plane;
    static KubernetesClient client;
    static Helm helm;
    static Path work;
    static PodProcess webhook;
    static String clusterIp;

    @BeforeAll
    static void install() throws Exception {
        work = Files.createDirectories(Path.of("target", "chart-install").toAbsolutePath());
        network = ClusterNetwork.start();
        Path egress = network.writeEgressConfig(work.resolve("egress-selector.yaml"));
        plane = ControlPlane.start(KubeBinaries.resolve(), Path.of("target", "kube-testenv").toAbsolutePath(),
                List.of("--egress-selector-config-file=" + egress));
        client = plane.newClient();
        helm = Chart.helm().against(plane.kubeconfig());

        int port = freePort();
        int metrics = freePort();
        Kubectl.Result installed = helm.run("install", RELEASE, Chart.directory().toString(), "-n", NS,
                "--create-namespace", "--set", "webhook.port=" + port, "--set", "webhook.metricsPort=" + metrics,
                "--set", "reconciler.enabled=true");
        assertThat(installed.exitCode()).as(installed.stderr()).isZero();
        assertThat(installed.stdout()).contains("STATUS: deployed")
                .contains("kubectl -n " + NS + " rollout status deployment/" + NAME);
        // helm installs crds/ before the templates and does not wait for them to be served.
        for (String crd : List.of("neo4jenterpriseclusters.neo4j.neo4j.com", "neo4jdatabases.neo4j.neo4j.com")) {
            client.apiextensions().v1().customResourceDefinitions().withName(crd)
                    .waitUntilCondition(Crds::isEstablished, PROPAGATION.toSeconds(), TimeUnit.SECONDS);
        }

        Service service = client.services().inNamespace(NS).withName(NAME).get();
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName(NAME).get();
        JsonNode stored = Serialization.jsonMapper().valueToTree(deployment);
        JsonNode container = stored.path("spec").path("template").path("spec").path("containers").get(0);
        ServicePort https = service.getSpec().getPorts().stream().filter(p -> "https".equals(p.getName())).findFirst()
                .orElseThrow();
        clusterIp = service.getSpec().getClusterIP();
        network.route(clusterIp, https.getPort(), PodProcess.containerPort(container,
                https.getTargetPort().getStrVal()));

        Path kubeconfig = ServiceAccountKubeconfig.write(plane, client, NS, NAME, work.resolve("webhook.kubeconfig"));
        Path tls = Files.createDirectories(work.resolve("volume-tls"));
        webhook = PodProcess.start(stored, Map.of("/var/run/neo4j-guard/tls", tls),
                Map.of("KUBECONFIG", kubeconfig.toString(), "NEO4J_GUARD_BIND", "127.0.0.1"), work.resolve("webhook.log"));
        webhook.awaitReady(stored);

        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(TRY).endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (webhook != null) {
            webhook.close();
        }
        if (client != null) {
            client.close();
        }
        if (plane != null) {
            plane.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void theWebhookIssuesItsCertificateIntoTheChartsSecretAndInjectsTheCa() {
        Map<String, String> data = client.secrets().inNamespace(NS).withName(NAME + "-tls").get().getData();
        assertThat(data).containsKeys("ca.crt", "ca.key", "tls.crt", "tls.key");
        await("caBundle injected into both configurations", () -> data.get("ca.crt").equals(validatingCaBundle())
                && data.get("ca.crt").equals(client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName(NAME).get().getWebhooks().get(0).getClientConfig().getCaBundle()));
    }

    @Test
    @Order(2)
    void aBadClusterIsRefusedWithEveryReasonThroughTheChartsService() {
        Kubectl.Result r = awaitRefusal(() -> apply(Manifests.cluster("bad", TRY, 1, "")));
        assertThat(r.stderr()).contains("Neo4jEnterpriseCluster \"bad\" is invalid")
                .contains("spec.topology.servers").contains("topology.min-servers");
        assertThat(network.connected()).contains(clusterIp + ":443");
        assertThat(network.refused()).isEmpty();
        assertThat(clusters().inNamespace(TRY).withName("bad").get()).isNull();
    }

    @Test
    @Order(3)
    void aGoodClusterIsStoredWithItsDefaults() {
        Kubectl.Result r = apply(Manifests.cluster("graph", TRY, 3, null));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        GenericKubernetesResource stored = clusters().inNamespace(TRY).withName("graph").get();
        // An 8Gi limit alone: the mutating webhook writes neo4j-admin's memory recommendation for 8g.
        assertThat(stored.getAdditionalProperties().get("spec").toString())
                .contains("server.memory.heap.max_size=3584m").contains("server.memory.pagecache.size=2g");
    }

    @Test
    @Order(4)
    void lookupsReadOurKindsAndSecretsWithTheChartsClusterRole() {
        // An informer that could not list would make the lookup "unknown", a warning: a refusal proves the LIST.
        Kubectl.Result missing = awaitRefusal(() -> apply(Manifests.database("sales", TRY, "orders")));
        assertThat(missing.stderr()).contains("refs.target-missing").contains("orders");

        client.secrets().inNamespace(TRY).resource(new SecretBuilder().withNewMetadata()
                .withName("neo4j-admin-secret").endMetadata()
                .addToStringData(Map.of("username", "neo4j", "password", "short")).build()).create();
        Kubectl.Result weak = awaitRefusal(() -> apply(Manifests.cluster("weak", TRY, 3, null)));
        assertThat(weak.stderr()).contains("auth.admin-password-too-short");
        assertThat(weak.stderr()).doesNotContain("short\"").doesNotContain(": short");
        client.secrets().inNamespace(TRY).withName("neo4j-admin-secret").delete();
    }

    @Test
    @Order(5)
    void eachServiceAccountMayDoExactlyWhatTheCheckedInListSays() throws IOException {
        for (String sa : List.of(NAME, RECONCILER)) {
            for (String ns : List.of(NS, TRY)) {
                Kubectl.Result r = plane.kubectl().run("auth", "can-i", "--list", "-n", ns,
                        "--as=system:serviceaccount:" + NS + ":" + sa);
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                String file = "rbac/" + sa + (ns.equals(NS) ? ".release-namespace" : ".other-namespace") + ".txt";
                assertThat(normalise(r.stdout())).as("kubectl auth can-i --list for %s in %s (%s)", sa, ns, file)
                        .isEqualTo(normalise(resource(file)));
            }
        }
    }

    @Test
    @Order(6)
    void anUpgradeKeepsTheCertificatesAndTheInjectedCa() {
        String caBefore = validatingCaBundle();
        String tlsBefore = client.secrets().inNamespace(NS).withName(NAME + "-tls").get().getData().get("tls.crt");
        Kubectl.Result r = helm.run("upgrade", RELEASE, Chart.directory().toString(), "-n", NS, "--reuse-values",
                "--set", "webhook.timeoutSeconds=4");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("REVISION: 2");
        var validating = client.admissionRegistration().v1().validatingWebhookConfigurations().withName(NAME).get();
        assertThat(validating.getWebhooks().get(0).getTimeoutSeconds()).isEqualTo(4);
        assertThat(validating.getWebhooks().get(0).getClientConfig().getCaBundle()).isEqualTo(caBefore);
        assertThat(client.secrets().inNamespace(NS).withName(NAME + "-tls").get().getData().get("tls.crt"))
                .isEqualTo(tlsBefore);
        Kubectl.Result refused = awaitRefusal(() -> apply(Manifests.cluster("bad-after-upgrade", TRY, 1, "")));
        assertThat(refused.stderr()).contains("topology.min-servers");
    }

    @Test
    @Order(7)
    void uninstallLeavesOnlyTheCrdsTheCustomResourcesAndTheNamespace() throws Exception {
        assertThat(webhook.stop()).isZero();
        Kubectl.Result r = helm.run("uninstall", RELEASE, "-n", NS);
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        Kubectl.Result types = plane.kubectl().run("api-resources", "--verbs=list", "-o", "name");
        assertThat(types.exitCode()).as(types.stderr()).isZero();
        List<String> left = new ArrayList<>();
        for (String type : types.stdout().strip().split("\n")) {
            Kubectl.Result objects = plane.kubectl().run("get", type, "-A", "-o",
                    "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}");
            for (String line : objects.stdout().strip().split("\n")) {
                boolean ours = line.startsWith(NS + "/") || line.contains(NAME);
                if (!line.isBlank() && ours && !(type.equals("namespaces") && line.equals("/" + NS))) {
                    left.add(type + " " + line);
                }
            }
        }
        assertThat(left).as("objects left in %s or named after the release", NS).isEmpty();
        assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(c -> c.getMetadata().getName()).contains("neo4jenterpriseclusters.neo4j.neo4j.com");
        assertThat(clusters().inNamespace(TRY).withName("graph").get()).isNotNull();
    }

    private static String validatingCaBundle() {
        return client.admissionRegistration().v1().validatingWebhookConfigurations().withName(NAME).get()
                .getWebhooks().get(0).getClientConfig().getCaBundle();
    }

    private static Kubectl.Result apply(String manifest) {
        return plane.kubectl().runWithInput(manifest, "apply", "-f", "-");
    }

    /**
     * The first calls after a configuration or CA change may still see the old one (the API server's informer),
     * and a lookup answers "unknown" until its informer synced: retry until refused.
     */
    private static Kubectl.Result awaitRefusal(Supplier<Kubectl.Result> attempt) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        Kubectl.Result r;
        do {
            r = attempt.get();
            if (!r.ok() && (r.stderr().contains("denied the request") || r.stderr().contains("is invalid"))) {
                return r;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not refused within " + PROPAGATION.toSeconds() + " s; last answer: " + r.stdout()
                + r.stderr() + "\nwebhook log:\n" + webhook.output());
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + PROPAGATION.toSeconds() + " s\n" + webhook.output());
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> clusters() {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("neo4j.neo4j.com")
                .withVersion("v1beta1").withKind("Neo4jEnterpriseCluster").withPlural("neo4jenterpriseclusters")
                .withNamespaced(true).build());
    }

    /** Columns padded by kubectl: compared row by row with runs of spaces collapsed. */
    static String normalise(String table) {
        StringBuilder b = new StringBuilder();
        for (String line : table.strip().split("\n")) {
            b.append(line.strip().replaceAll(" {2,}", "  ")).append('\n');
        }
        return b.toString();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ChartInstallIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
