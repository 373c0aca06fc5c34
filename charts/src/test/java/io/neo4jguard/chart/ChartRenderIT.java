package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.kube.testenv.Kubectl;
import io.neo4jguard.kube.testenv.WebhookRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart through helm v4 alone: {@code helm lint --strict} for every value set, bad values refused with a
 * message that names the value and the fix, and the safe defaults of DESIGN §4 in what {@code helm template}
 * renders. (An *IT because helm is built from Go modules on first use, like the control plane.)
 */
class ChartRenderIT {
    static final String RELEASE = "guard";
    static final String NS = "guard-system";
    static final String FULLNAME = "guard-neo4j-guard";

    static Stream<Values> valueSets() {
        return Values.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void lintStrictFindsNothing(Values values) {
        List<String> args = new ArrayList<>(List.of("lint", "--strict", Chart.directory().toString()));
        args.addAll(List.of(values.args()));
        Kubectl.Result r = Chart.helm().run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]")
                .doesNotContain("[ERROR]");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("certificates.mode=vault",
                        "at '/certificates/mode': value must be one of 'self-signed', 'cert-manager', 'secret'"),
                Arguments.of("webhook.port=70000", "at '/webhook/port': maximum: got 70,000, want 65,535"),
                Arguments.of("webhook.replica=3", "at '/webhook': additional properties 'replica' not allowed"),
                Arguments.of("webhook.timeoutSeconds=60", "at '/webhook/timeoutSeconds': maximum: got 60, want 30"),
                Arguments.of("webhook.validating.failurePolicy=fail",
                        "at '/webhook/validating/failurePolicy': value must be one of 'Fail', 'Ignore'"),
                Arguments.of("webhook.lookups=informers",
                        "at '/webhook/lookups': value must be one of 'api-server', 'none'"),
                Arguments.of("image.digest=latest",
                        "at '/image/digest': 'latest' does not match pattern '^(sha256:[a-f0-9]{64})?$'"),
                Arguments.of("webhook.shutdownDelay=5 seconds", "at '/webhook/shutdownDelay': '5 seconds' does not match"),
                // Rules across values: the templates fail with a message that says what to do.
                Arguments.of("webhook.hostNetwork=true,webhook.port=10250",
                        "on the node's network the kubelet already listens on 10250; choose another port"),
                Arguments.of("certificates.mode=secret",
                        "certificates.mode=secret needs certificates.secret.name (your kubernetes.io/tls Secret"),
                Arguments.of("webhook.replicas=1", "webhook.podDisruptionBudget.minAvailable must be below "
                        + "webhook.replicas, or no node running one could ever be drained"),
                Arguments.of("webhook.port=8080", "webhook.port and webhook.metricsPort must differ"),
                Arguments.of("reconciler.diagnostics.boltAddressTemplate=neo4j://{service}:7687",
                        "at '/reconciler/diagnostics/boltAddressTemplate': 'neo4j://{service}:7687' does not match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesAreRefusedWithAMessageNamingThem(String set, String message) {
        Kubectl.Result r = Chart.templateResult(RELEASE, NS, "--set", set);
        assertThat(r.exitCode()).as(r.stdout()).isNotZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains(message);
    }

    @Test
    void theWebhookRunsWithTheSafeDefaultsOfTheDesign() {
        List<JsonNode> docs = Chart.documents(Chart.template(RELEASE, NS));
        JsonNode deployment = Chart.find(docs, "Deployment", FULLNAME);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(pod.path("affinity").path("podAntiAffinity").toString()).contains("kubernetes.io/hostname");
        assertThat(pod.path("topologySpreadConstraints").get(0).path("topologyKey").asText())
                .isEqualTo("topology.kubernetes.io/zone");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(65532);
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(sc.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(container.path("image").asText()).isEqualTo("neo4j-guard:" + appVersion());
        assertThat(container.path("resources").path("limits").path("memory").asText()).isEqualTo("256Mi");
        assertThat(Chart.find(docs, "PodDisruptionBudget", FULLNAME).path("spec").path("minAvailable").asInt())
                .isEqualTo(1);

        JsonNode validating = Chart.find(docs, "ValidatingWebhookConfiguration", FULLNAME).path("webhooks").get(0);
        JsonNode mutating = Chart.find(docs, "MutatingWebhookConfiguration", FULLNAME).path("webhooks").get(0);
        assertThat(validating.path("failurePolicy").asText()).isEqualTo("Fail");
        assertThat(mutating.path("failurePolicy").asText()).isEqualTo("Ignore");
        for (JsonNode hook : List.of(validating, mutating)) {
            assertThat(hook.path("timeoutSeconds").asInt()).isEqualTo(5);
            assertThat(hook.path("sideEffects").asText()).isEqualTo("None");
            JsonNode rule = hook.path("rules").get(0);
            assertThat(rule.path("apiGroups").toString()).isEqualTo("[\"neo4j.neo4j.com\"]");
            List<String> resources = new ArrayList<>();
            rule.path("resources").forEach(r -> resources.add(r.asText()));
            assertThat(resources).containsExactlyInAnyOrderElementsOf(WebhookRegistration.resources());
            JsonNode excluded = hook.path("namespaceSelector").path("matchExpressions").get(0);
            assertThat(excluded.path("operator").asText()).isEqualTo("NotIn");
            assertThat(excluded.path("values").toString()).isEqualTo("[\"kube-system\",\"" + NS + "\"]");
            assertThat(hook.path("clientConfig").path("service").path("name").asText()).isEqualTo(FULLNAME);
        }
    }

    @Test
    void theImageIsRepositoryTagOrDigest() {
        assertThat(image("--set", "image.repository=registry.example/guard", "--set", "image.tag=1.2.3"))
                .isEqualTo("registry.example/guard:1.2.3");
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(image("--set", "image.tag=1.2.3", "--set", "image.digest=" + digest))
                .isEqualTo("neo4j-guard@" + digest);
    }

    @Test
    void privateGkePortAndHostNetworkReachTheContainer() {
        JsonNode gke = Chart.find(Chart.documents(Chart.template(RELEASE, NS, "--set", "webhook.port=10250")),
                "Deployment", FULLNAME).path("spec").path("template").path("spec");
        assertThat(gke.path("containers").get(0).path("ports").get(0).path("containerPort").asInt()).isEqualTo(10250);
        assertThat(PodProcess.env(gke.path("containers").get(0), gke, java.util.Map.of()))
                .containsEntry("NEO4J_GUARD_PORT", "10250");
        JsonNode host = Chart.find(Chart.documents(Chart.template(RELEASE, NS, "--set", "webhook.hostNetwork=true",
                "--set", "webhook.port=9443")), "Deployment", FULLNAME).path("spec").path("template").path("spec");
        assertThat(host.path("hostNetwork").asBoolean()).isTrue();
        assertThat(host.path("dnsPolicy").asText()).isEqualTo("ClusterFirstWithHostNet");
    }

    @Test
    void eachCertificateModeWiresTheCaItsOwnWay() {
        JsonNode selfSigned = Chart.find(Chart.documents(Chart.template(RELEASE, NS)), "Deployment", FULLNAME);
        assertThat(PodProcess.env(selfSigned.path("spec").path("template").path("spec").path("containers").get(0),
                selfSigned, java.util.Map.of()))
                .containsEntry("NEO4J_GUARD_SELF_SIGNED_SECRET", NS + "/" + FULLNAME + "-tls")
                .containsEntry("NEO4J_GUARD_INJECT_WEBHOOK", FULLNAME)
                .containsEntry("NEO4J_GUARD_SERVICE", FULLNAME);

        List<JsonNode> certManager = Chart.documents(Chart.template(RELEASE, NS, "--set", "certificates.mode=cert-manager"));
        assertThat(Chart.find(certManager, "ValidatingWebhookConfiguration", FULLNAME).path("metadata")
                .path("annotations").path("cert-manager.io/inject-ca-from").asText()).isEqualTo(NS + "/" + FULLNAME);
        assertThat(Chart.find(certManager, "Certificate", FULLNAME).path("spec").path("dnsNames").toString())
                .contains(FULLNAME + "." + NS + ".svc");
        assertThat(Chart.summary(certManager)).noneMatch(s -> s.startsWith("Role/") || s.contains("ca-injection"));

        List<JsonNode> secret = Chart.documents(Chart.template(RELEASE, NS, new Values("secret", Values.modes().get(3)
                .sets()).args()));
        assertThat(Chart.find(secret, "MutatingWebhookConfiguration", FULLNAME).path("webhooks").get(0)
                .path("clientConfig").path("caBundle").asText()).isEqualTo(Values.CA_BUNDLE);
        assertThat(Chart.summary(secret)).doesNotContain("Secret/" + FULLNAME + "-tls");
    }

    @Test
    void withoutLookupsTheWebhookGetsNoClusterWideReadAccess() {
        List<JsonNode> none = Chart.documents(Chart.template(RELEASE, NS, "--set", "webhook.lookups=none",
                "--set", "certificates.mode=cert-manager"));
        assertThat(Chart.summary(none)).noneMatch(s -> s.startsWith("ClusterRole"))
                .noneMatch(s -> s.startsWith("Role"));
        JsonNode container = Chart.find(none, "Deployment", FULLNAME).path("spec").path("template").path("spec")
                .path("containers").get(0);
        assertThat(PodProcess.env(container, container, java.util.Map.of())).containsEntry("NEO4J_GUARD_LOOKUPS", "none");
    }

    @Test
    void theReconcilerMayGetSecretsOnlyWhileItsDiagnosticsAreOn() {
        for (boolean on : List.of(true, false)) {
            List<JsonNode> docs = Chart.documents(Chart.template(RELEASE, NS, "--set", "reconciler.enabled=true",
                    "--set", "reconciler.diagnostics.enabled=" + on, "--set",
                    "reconciler.diagnostics.boltAddressTemplate=bolt://localhost:7687"));
            JsonNode role = Chart.find(docs, "ClusterRole", FULLNAME + "-reconciler");
            List<String> secretVerbs = new ArrayList<>();
            for (JsonNode rule : role.path("rules")) {
                if (rule.path("resources").toString().contains("\"secrets\"")) {
                    rule.path("verbs").forEach(v -> secretVerbs.add(v.asText()));
                }
            }
            assertThat(secretVerbs).as("diagnostics %s: verbs on Secrets", on).isEqualTo(on ? List.of("get") : List.of());
            JsonNode container = Chart.find(docs, "Deployment", FULLNAME + "-reconciler").path("spec").path("template")
                    .path("spec").path("containers").get(0);
            assertThat(PodProcess.env(container, container, java.util.Map.of()))
                    .containsEntry("NEO4J_GUARD_DIAGNOSTICS", String.valueOf(on))
                    .containsEntry("NEO4J_GUARD_BOLT_ADDRESS_TEMPLATE", "bolt://localhost:7687");
        }
    }

    private static String image(String... args) {
        return Chart.find(Chart.documents(Chart.template(RELEASE, NS, args)), "Deployment", FULLNAME)
                .path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
    }

    private static String appVersion() {
        try {
            return Files.readAllLines(Chart.directory().resolve("Chart.yaml")).stream()
                    .filter(l -> l.startsWith("appVersion:")).findFirst().orElseThrow()
                    .replaceAll("appVersion:\\s*\"?([^\"]*)\"?", "$1").trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
