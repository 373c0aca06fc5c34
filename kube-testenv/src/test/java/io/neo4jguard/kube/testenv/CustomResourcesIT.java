package io.neo4jguard.kube.testenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.schema.CrdGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Objects of the ten kinds through the real API server with our CRDs: stored as sent, unknown fields pruned
 * where our types are closed and kept where they embed Kubernetes types, schema constraints enforced, and the
 * status subresource separating spec from status writes.
 */
@ExtendWith(KubeApiServerExtension.class)
class CustomResourcesIT {
    private static final ObjectMapper JSON = Samples.json();
    private static String ns;

    @BeforeAll
    static void setUp(KubernetesClient client) {
        Crds.install(client);
        ns = TestNamespaces.create(client, "resources");
        for (ObjectNode o : Samples.supporting()) {
            client.resource(JSON.convertValue(o, GenericKubernetesResource.class)).inNamespace(ns).create();
        }
    }

    static Stream<String> kinds() {
        return Kinds.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachSampleIsStoredExactlyAsSent(String kind, KubernetesClient client) {
        ObjectNode sample = Samples.byKind().get(kind);
        GenericKubernetesResource created = api(client, kind).resource(generic(sample)).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        GenericKubernetesResource read = api(client, kind).withName(sample.at("/metadata/name").asText()).get();
        // A valid object loses nothing: the CRD describes every field our schema allows.
        assertThat(normal(JSON.valueToTree(read.getAdditionalProperties().get("spec"))))
                .isEqualTo(normal(sample.get("spec")));
    }

    @Test
    void unknownFieldsArePrunedInOurTypesAndKeptInEmbeddedKubernetesTypes(KubernetesClient client) {
        ObjectNode o = renamed(Kinds.CLUSTER, "pruned");
        ObjectNode spec = (ObjectNode) o.get("spec");
        spec.putObject("toplogy").put("servers", 3);
        ((ObjectNode) spec.get("image")).put("registry", "example.com");
        ((ObjectNode) spec.at("/affinity/podAntiAffinity")).putArray("requiredDuringSchedulingIgnoredDuringExecution");
        GenericKubernetesResource stored = api(client, Kinds.CLUSTER).resource(generic(o)).create();
        JsonNode s = JSON.valueToTree(stored.getAdditionalProperties().get("spec"));
        assertThat(s.has("toplogy")).isFalse();
        assertThat(s.at("/image").has("registry")).isFalse();
        assertThat(s.at("/image/repo").asText()).isEqualTo("neo4j");
        assertThat(s.at("/affinity/podAntiAffinity").has("requiredDuringSchedulingIgnoredDuringExecution")).isTrue();
        assertThat(s.at("/extraVolumes/0/emptyDir/sizeLimit").asText()).isEqualTo("1Gi");
        // int-or-string quantities keep their JSON type.
        assertThat(s.at("/resources/requests/cpu").isInt()).isTrue();
        assertThat(s.at("/resources/limits/cpu").isTextual()).isTrue();
    }

    @Test
    void kubectlRefusesAnUnknownFieldByDefaultAndWarnsWhenAskedTo(ControlPlane plane) throws Exception {
        ObjectNode o = renamed(Kinds.CLUSTER, "warned");
        ((ObjectNode) o.get("spec")).putObject("toplogy").put("servers", 3);
        // kubectl asks for strict server-side field validation by default (since 1.27): the typo is an error.
        Kubectl.Result strict = plane.kubectl().runWithInput(JSON.writeValueAsString(o), "create", "-n", ns,
                "--dry-run=server", "-f", "-");
        assertThat(strict.ok()).isFalse();
        assertThat(strict.stderr()).contains("strict decoding error: unknown field \"spec.toplogy\"");
        // With --validate=warn (and for clients that ask for nothing) it is pruned with a warning.
        Kubectl.Result warn = plane.kubectl().runWithInput(JSON.writeValueAsString(o), "create", "-n", ns,
                "--dry-run=server", "--validate=warn", "-f", "-");
        assertThat(warn.ok()).as(warn.stderr()).isTrue();
        assertThat(warn.stderr()).contains("Warning: unknown field \"spec.toplogy\"");
    }

    @Test
    void theCrdSchemaRejectsWhatTheSchemaForbids(KubernetesClient client) {
        ObjectNode o = renamed(Kinds.CLUSTER, "one-server");
        ((ObjectNode) o.at("/spec/topology")).put("servers", 1);
        ((ObjectNode) o.get("spec")).put("acceptLicenseAgreement", "maybe");
        ((ObjectNode) o.get("spec")).remove("storage");
        KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                () -> api(client, Kinds.CLUSTER).resource(generic(o)).create());
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains("spec.topology.servers").contains("greater than or equal to 2")
                .contains("spec.acceptLicenseAgreement").contains("spec.storage: Required value");
    }

    @Test
    void statusIsWrittenOnlyThroughTheStatusSubresource(KubernetesClient client, ControlPlane plane) {
        ObjectNode o = renamed(Kinds.CLUSTER, "with-status");
        o.putObject("status").put("phase", "Smuggled");
        GenericKubernetesResource created = api(client, Kinds.CLUSTER).resource(generic(o)).create();
        assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
        long generation = created.getMetadata().getGeneration();

        created.getAdditionalProperties().put("status", Map.of("phase", "Ready", "replicas", 5));
        GenericKubernetesResource afterStatus = api(client, Kinds.CLUSTER).resource(created).updateStatus();
        assertThat(JSON.valueToTree(afterStatus.getAdditionalProperties().get("status")).at("/phase").asText())
                .isEqualTo("Ready");
        assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(generation);

        // A spec change through the status endpoint is ignored; through the main endpoint it bumps the generation.
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) afterStatus.getAdditionalProperties().get("spec");
        ((Map<String, Object>) spec.get("topology")).put("servers", 7);
        GenericKubernetesResource statusOnly = api(client, Kinds.CLUSTER).resource(afterStatus).updateStatus();
        assertThat(JSON.valueToTree(statusOnly.getAdditionalProperties().get("spec")).at("/topology/servers").asInt())
                .isEqualTo(5);
        statusOnly.getAdditionalProperties().put("spec", spec);
        GenericKubernetesResource specChanged = api(client, Kinds.CLUSTER).resource(statusOnly).update();
        assertThat(specChanged.getMetadata().getGeneration()).isEqualTo(generation + 1);
        assertThat(JSON.valueToTree(specChanged.getAdditionalProperties().get("status")).at("/phase").asText())
                .isEqualTo("Ready");

        // The printer columns read both.
        Kubectl.Result table = plane.kubectl().run("get", "n4jc", "with-status", "-n", ns);
        assertThat(table.ok()).as(table.stderr()).isTrue();
        assertThat(table.stdout().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "SERVERS", "VERSION", "PHASE", "AGE");
        assertThat(table.stdout()).contains("with-status").contains(" 7 ").contains("2026.04.0-enterprise")
                .contains("Ready");
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> api(KubernetesClient client, String kind) {
        var names = CrdGenerator.crd(kind).getSpec().getNames();
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup(Kinds.GROUP)
                .withVersion(Kinds.VERSION).withKind(kind).withPlural(names.getPlural()).withNamespaced(true).build();
        return client.genericKubernetesResources(ctx).inNamespace(ns);
    }

    private static ObjectNode renamed(String kind, String name) {
        ObjectNode o = Samples.byKind().get(kind);
        ((ObjectNode) o.get("metadata")).put("name", name);
        return o;
    }

    private static GenericKubernetesResource generic(ObjectNode o) {
        return JSON.convertValue(o, GenericKubernetesResource.class);
    }

    /** Through text and back, so an int and a long of the same value compare equal. */
    private static JsonNode normal(JsonNode n) {
        try {
            return JSON.readTree(JSON.writeValueAsString(n));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
