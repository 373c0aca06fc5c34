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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm install} of the chart into a real API server, then the webhook container the chart describes run
 * locally ({@link PodProcess}) with a token of the chart's ServiceAccount, called by the API server through the
 * chart's own webhook configurations and Service ({@link ClusterNetwork}). What passes here proves the chart's
 * RBAC is enough for the code; {@code kubectl auth can-i --list} against checked-in lists proves it is no more.
 * Then {@code helm upgrade} keeps the certificates and {@code helm uninstall} leaves only what the chart's
 * README says stays (the CRDs with the custom resources, the namespace helm created, the reconciler's Lease).
 *
 * <p>A control plane of its own: its API server sends "cluster" traffic through the proxy, which the shared one
 * must not do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartInstallIT {
    static final String RELEASE = "neo4j-guard";
    static final String NS = "neo4j-guard";
    static final String TRY = "neo4j-try";
    /** The namespace the installed policy sets to warn: errors there are admitted as warnings. */
    static final String WARN = "neo4j-warn";
    static final String POLICY = "{\"apiVersion\":\"neo4j-guard.io/v1alpha1\",\"kind\":\"Policy\","
            + "\"enforcement\":{\"default\":\"enforce\",\"namespaces\":{\"" + WARN + "\":\"warn\"}}}";
    /** The Secret, Service, webhook configurations and ServiceAccount are named after the release. */
    static final String NAME = "neo4j-guard";
    static final String RECONCILER = "neo4j-guard-reconciler";
    /** Port 1 on loopback: privileged, so no test process listens there. */
    static final String CLOSED_BOLT = "bolt://127.0.0.1:1";
    /** The API server usually acts on a new webhook configuration or CA within a second; 60 s under load. */
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    static ClusterNetwork network;
    static ControlPlane plane;
    static KubernetesClient client;
    static Helm helm;
    static Path work;
    static PodProcess webhook;
    static String clusterIp;
    static String notes;

    @BeforeAll
    static void install() throws Exception {
        work = Files.createDirectories(Path.of("target", "chart-install").toAbsolutePath());
        network = ClusterNetwork.start(work.resolve("cluster-network.sock"));
        Path egress = network.writeEgressConfig(work.resolve("egress-selector.yaml"));
        plane = ControlPlane.start(KubeBinaries.resolve(), Path.of("target", "kube-testenv").toAbsolutePath(),
                List.of("--egress-selector-config-file=" + egress));
        client = plane.newClient();
        helm = Chart.helm().against(plane.kubeconfig());

        int port = freePort();
        int metrics = freePort();
        Kubectl.Result installed = helm.run("install", RELEASE, Chart.directory().toString(), "-n", NS,
                "--create-namespace", "--set", "webhook.port=" + port, "--set", "webhook.metricsPort=" + metrics,
                "--set", "reconciler.enabled=true",
                "--set", "reconciler.metricsPort=" + freePort(), "--set-json", "webhook.policy=" + POLICY,
                // Tests dial loopback only: the reconciler's Bolt diagnostics go to a port nothing listens on.
                "--set", "reconciler.diagnostics.boltAddressTemplate=" + CLOSED_BOLT);
        assertThat(installed.exitCode()).as(installed.stderr()).isZero();
        assertThat(installed.stdout()).contains("STATUS: deployed")
                .contains("kubectl -n " + NS + " rollout status deployment/" + NAME);
        notes = installed.stdout();
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
        // The policy ConfigMap's files, as the kubelet would project them.
        Path policy = Files.createDirectories(work.resolve("volume-policy"));
        for (Map.Entry<String, String> f : client.configMaps().inNamespace(NS).withName(NAME + "-policy").get()
                .getData().entrySet()) {
            Files.writeString(policy.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        webhook = PodProcess.start(stored, Map.of("/var/run/neo4j-guard/tls", tls, "/etc/neo4j-guard", policy),
                Map.of("KUBECONFIG", kubeconfig.toString(), "NEO4J_GUARD_BIND", "127.0.0.1"), work.resolve("webhook.log"));
        webhook.awaitReady(stored);

        for (String ns : List.of(TRY, WARN)) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
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
        String bad = Manifests.load(Manifests.KUBERNETES_UNITS, "bad", TRY);
        awaitRefusal("memory.kubernetes-unit", bad);
        Kubectl.Result r = apply(bad);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("Neo4jEnterpriseCluster \"bad\" is invalid")
                .contains("spec.config[server.memory.heap.max_size]: Invalid value: \"4Gi\"")
                .contains("spec.config[server.memory.pagecache.size]: Invalid value: \"2Gi\"")
                .contains("(memory.kubernetes-unit)");
        assertThat(network.connected()).contains(clusterIp + ":443");
        assertThat(network.refused()).isEmpty();
        assertThat(clusters().inNamespace(TRY).withName("bad").get()).isNull();
    }

    @Test
    @Order(3)
    void aGoodClusterIsStoredWithItsDefaults() {
        Kubectl.Result r = apply(Manifests.load(Manifests.LIMIT_ONLY, "graph", TRY));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        GenericKubernetesResource stored = clusters().inNamespace(TRY).withName("graph").get();
        // An 8Gi limit alone: the mutating webhook writes neo4j-admin's memory recommendation for 8g.
        assertThat(stored.getAdditionalProperties().get("spec").toString())
                .contains("server.memory.heap.max_size=3584m").contains("server.memory.pagecache.size=2g");
    }

    @Test
    @Order(3)
    void theNotesShowARefusalAndTheDefaultsAsTheySay() throws IOException {
        // NOTES.txt: a here-document writes graph.yaml, kubectl applies it with a server-side dry run.
        Matcher heredoc = Pattern.compile("(?s)cat <<'YAML' > graph.yaml\n(.*?)\nYAML\n").matcher(notes);
        assertThat(heredoc.find()).as(notes).isTrue();
        Path graph = work.resolve("graph.yaml");
        Files.writeString(graph, heredoc.group(1) + "\n", StandardCharsets.UTF_8);
        String apply = "kubectl -n " + TRY + " apply --dry-run=server -f graph.yaml";
        assertThat(notes).contains(apply).contains("sed -i '/config:/,$d' graph.yaml")
                .contains(apply + " -o yaml | grep server.memory");

        awaitRefusal("memory.kubernetes-unit", heredoc.group(1));
        Kubectl.Result refused = plane.kubectl().run("-n", TRY, "apply", "--dry-run=server", "-f", graph.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("server.memory.heap.max_size").contains("server.memory.pagecache.size");

        String withoutConfig = heredoc.group(1).substring(0, heredoc.group(1).indexOf("  config:"));
        Files.writeString(graph, withoutConfig, StandardCharsets.UTF_8);
        Kubectl.Result defaulted = plane.kubectl().run("-n", TRY, "apply", "--dry-run=server", "-f",
                graph.toString(), "-o", "yaml");
        assertThat(defaulted.exitCode()).as(defaulted.stderr()).isZero();
        assertThat(defaulted.stdout()).contains("server.memory.heap.max_size: 3584m")
                .contains("server.memory.pagecache.size: 2g");
    }

    @Test
    @Order(4)
    void thePolicyValueReachesTheWebhookAWarnNamespaceAdmitsWithWarnings() {
        Kubectl.Result r = apply(Manifests.load(Manifests.KUBERNETES_UNITS, "tolerated", WARN));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).containsPattern("(?m)^Warning: memory.kubernetes-unit: ");
        assertThat(clusters().inNamespace(WARN).withName("tolerated").get()).isNotNull();
    }

    @Test
    @Order(4)
    void lookupsReadOurKindsAndSecretsWithTheChartsClusterRole() {
        // An informer that could not list would make the lookup "unknown", a warning: a refusal proves the LIST.
        Kubectl.Result missing = awaitRefusal("refs.target-missing",
                Manifests.load(Manifests.DATABASE_ON_ORDERS, "sales", TRY));
        assertThat(missing.stderr()).contains("refs.target-missing").contains("orders");

        client.secrets().inNamespace(TRY).resource(new SecretBuilder().withNewMetadata()
                .withName("neo4j-admin-secret").endMetadata()
                .addToStringData(Map.of("username", "neo4j", "password", "short")).build()).create();
        Kubectl.Result weak = awaitRefusal("auth.admin-password-too-short",
                Manifests.load(Manifests.LIMIT_ONLY, "weak", TRY));
        assertThat(weak.stderr()).contains("auth.admin-password-too-short");
        assertThat(weak.stderr()).doesNotContain("short\"").doesNotContain(": short");
        client.secrets().inNamespace(TRY).withName("neo4j-admin-secret").delete();
    }

    @Test
    @Order(5)
    void theAlertsUseOnlyMetricsTheWebhookExports() throws Exception {
        // One body refused before it is read, so the refused counter exists too (the reviews above made the rest).
        String ca = new String(java.util.Base64.getDecoder().decode(client.secrets().inNamespace(NS)
                .withName(NAME + "-tls").get().getData().get("ca.crt")), StandardCharsets.US_ASCII);
        assertThat(RawHttps.post(PodProcess.containerPort(webhookContainer(), "https"), "/validate", "not json", ca))
                .startsWith("HTTP/1.1 400");
        String scrape = RawHttps.get(PodProcess.containerPort(webhookContainer(), "metrics"), "/metrics");
        Set<String> exported = new TreeSet<>();
        Matcher sample = Pattern.compile("(?m)^([a-z_:][a-z0-9_:]*)[{ ]").matcher(scrape);
        while (sample.find()) {
            exported.add(sample.group(1));
        }

        String rule = Chart.template(RELEASE, NS, "--set", "metrics.prometheusRule.enabled=true");
        Set<String> ours = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (JsonNode r : Chart.find(Chart.documents(rule), "PrometheusRule", NAME).path("spec").path("groups").get(0)
                .path("rules")) {
            Matcher name = Pattern.compile("\\b([a-z_:][a-z0-9_:]*)\\s*\\{").matcher(r.path("expr").asText());
            while (name.find()) {
                (name.group(1).startsWith("neo4j_guard_") ? ours : others).add(name.group(1));
            }
        }
        assertThat(ours).as("metrics in the PrometheusRule").hasSizeGreaterThanOrEqualTo(4);
        assertThat(exported).as("/metrics of the running webhook").containsAll(ours);
        // The rest come from Prometheus itself and kube-state-metrics, named on purpose.
        assertThat(others).containsExactlyInAnyOrder("up", "kube_deployment_status_replicas_available");
    }

    @Test
    @Order(5)
    void theReconcilerRunsWithItsServiceAccountLeadsThroughTheChartsLeaseAndAppliesACluster() throws Exception {
        // `reconcile` from the installed Deployment's own args and env, with a token of the chart's reconciler
        // ServiceAccount: every informer must list and watch, every apply and status write must be allowed, or the
        // cluster below never gets its objects and conditions. This is what proves the ClusterRole is enough.
        Path kubeconfig = ServiceAccountKubeconfig.write(plane, client, NS, RECONCILER,
                work.resolve("reconciler.kubeconfig"));
        JsonNode stored = Serialization.jsonMapper().valueToTree(
                client.apps().deployments().inNamespace(NS).withName(RECONCILER).get());
        Path tmp = Files.createDirectories(work.resolve("reconciler-tmp"));
        try (PodProcess reconciler = PodProcess.start(stored, Map.of("/tmp", tmp),
                Map.of("KUBECONFIG", kubeconfig.toString(), "NEO4J_GUARD_BIND", "127.0.0.1"),
                work.resolve("reconciler.log"))) {
            reconciler.awaitReady(stored);
            Kubectl.Result annotated = plane.kubectl().run("-n", TRY, "annotate", "neo4jenterprisecluster", "graph",
                    "neo4j-guard.io/reconcile=true");
            assertThat(annotated.exitCode()).as(annotated.stderr()).isZero();

            awaitFor("the reconciler's objects for graph", reconciler, () ->
                    client.apps().statefulSets().inNamespace(TRY).withName("graph-server").get() != null
                            && client.policy().v1().podDisruptionBudget().inNamespace(TRY).withName("graph-server")
                            .get() != null
                            && client.configMaps().inNamespace(TRY).list().getItems().stream()
                            .anyMatch(c -> c.getMetadata().getName().startsWith("graph")));
            awaitFor("status conditions written on graph", reconciler, () -> {
                Object status = clusters().inNamespace(TRY).withName("graph").get().getAdditionalProperties()
                        .get("status");
                return status != null && status.toString().contains("observedGeneration")
                        && status.toString().contains("Progressing");
            });
            assertThat(client.apps().statefulSets().inNamespace(TRY).withName("graph-server").get().getMetadata()
                    .getManagedFields()).extracting(f -> f.getManager()).contains("neo4j-guard");
            // Diagnostics with the chart's RBAC: one server pod Ready (written here, in place of the StatefulSet
            // controller this test bed lacks) makes the reconciler GET the admin Secret with its ServiceAccount,
            // then dial the closed loopback port. Unreachable, and not "cannot read Secret ...: HTTP 403", shows
            // that `get` on Secrets is granted; the Secret's password appears nowhere.
            String password = "Chart-Admin-93ad1f-p4ss";
            client.secrets().inNamespace(TRY).resource(new SecretBuilder().withNewMetadata()
                    .withName("neo4j-admin-secret").endMetadata().addToStringData("password", password).build())
                    .create();
            var sts = client.apps().statefulSets().inNamespace(TRY).withName("graph-server").get();
            sts.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder().withReplicas(1)
                    .withReadyReplicas(1).withObservedGeneration(sts.getMetadata().getGeneration()).build());
            client.apps().statefulSets().inNamespace(TRY).resource(sts).updateStatus();
            awaitFor("ServersHealthy from a diagnosis on graph", reconciler, () -> {
                Object status = clusters().inNamespace(TRY).withName("graph").get().getAdditionalProperties()
                        .get("status");
                return status != null && status.toString().contains("reason=Unreachable");
            });
            assertThat(Serialization.asJson(clusters().inNamespace(TRY).withName("graph").get()))
                    .contains("cannot reach " + CLOSED_BOLT).doesNotContain(password);
            assertThat(reconciler.output()).doesNotContain(password);
            awaitFor("the reconciler holds the chart's Lease", reconciler, () -> {
                var lease = client.leases().inNamespace(NS).withName(RECONCILER).get();
                return lease != null && lease.getSpec().getHolderIdentity() != null
                        && lease.getSpec().getHolderIdentity().startsWith(RECONCILER);
            });
            assertThat(reconciler.output()).doesNotContain("Forbidden").doesNotContain("forbidden");
        }
    }

    @Test
    @Order(5)
    void eachServiceAccountMayDoExactlyWhatTheCheckedInListSays() throws IOException {
        Map<String, String> actual = new java.util.LinkedHashMap<>();
        for (String sa : List.of(NAME, RECONCILER)) {
            for (String ns : List.of(NS, TRY)) {
                Kubectl.Result r = plane.kubectl().run("auth", "can-i", "--list", "-n", ns,
                        "--as=system:serviceaccount:" + NS + ":" + sa);
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                String file = "rbac/" + sa + (ns.equals(NS) ? ".release-namespace" : ".other-namespace") + ".txt";
                actual.put(file, r.stdout());
                // Kept for review when the chart's RBAC changes on purpose: copy it over the checked-in list.
                Path copy = work.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, r.stdout(), StandardCharsets.UTF_8);
            }
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertThat(normalise(e.getValue())).as("kubectl auth can-i --list, %s", e.getKey())
                    .isEqualTo(normalise(resource(e.getKey())));
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
        Kubectl.Result refused = awaitRefusal("memory.kubernetes-unit",
                Manifests.load(Manifests.KUBERNETES_UNITS, "bad-after-upgrade", TRY));
        assertThat(clusters().inNamespace(TRY).withName("bad-after-upgrade").get()).isNull();
    }

    @Test
    @Order(7)
    void uninstallLeavesOnlyTheCrdsTheCustomResourcesTheNamespaceAndTheLease() throws Exception {
        // 143 = 128 + SIGTERM: the JVM's status after a signal, once serve's shutdown hook has drained.
        assertThat(webhook.stop()).isEqualTo(143);
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
        // The reconciler's leader-election Lease (made by the reconciler above) is the one object the chart README
        // says stays: the reconciler creates it, so helm does not know it.
        assertThat(left).as("objects left in %s or named after the release", NS)
                .containsExactly("leases.coordination.k8s.io " + NS + "/" + RECONCILER);
        assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(c -> c.getMetadata().getName()).contains("neo4jenterpriseclusters.neo4j.neo4j.com");
        assertThat(clusters().inNamespace(TRY).withName("graph").get()).isNotNull();
    }

    private static JsonNode webhookContainer() {
        return Serialization.jsonMapper().valueToTree(client.apps().deployments().inNamespace(NS).withName(NAME).get())
                .path("spec").path("template").path("spec").path("containers").get(0);
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
     * and a lookup answers "unknown" until its informer synced: retry until refused for {@code rule}. Retries
     * are server-side dry runs, so an early admission stores nothing (and the next try is not "unchanged",
     * which kubectl answers without calling the API server).
     */
    private static Kubectl.Result awaitRefusal(String rule, String manifest) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        Kubectl.Result r;
        do {
            r = plane.kubectl().runWithInput(manifest, "apply", "--dry-run=server", "-f", "-");
            if (!r.ok() && r.stderr().contains(rule)) {
                return r;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not refused within " + PROPAGATION.toSeconds() + " s; last answer: " + r.stdout()
                + r.stderr() + "\nwebhook log:\n" + webhook.output());
    }

    private static void awaitFor(String what, PodProcess process, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + PROPAGATION.toSeconds() + " s\n" + process.output());
            }
            sleep();
        }
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
