package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated CRDs: structural by the API server's rules, named, and faithful to the schemas. */
class CrdGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> kinds() {
        return Kinds.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachCrdIsStructural(String kind) {
        assertThat(StructuralRules.violations(CrdGenerator.crd(kind))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachCrdHasOneStoredVersionWithStatusAndColumns(String kind) {
        CustomResourceDefinition crd = CrdGenerator.crd(kind);
        assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
        assertThat(crd.getSpec().getGroup()).isEqualTo(Kinds.GROUP);
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo(kind);
        assertThat(crd.getSpec().getNames().getListKind()).isEqualTo(kind + "List");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("neo4j");
        assertThat(crd.getMetadata().getName())
                .isEqualTo(crd.getSpec().getNames().getPlural() + "." + Kinds.GROUP)
                .isEqualTo(CrdGenerator.fileName(kind).replace(".yaml", ""));
        CustomResourceDefinitionVersion v = crd.getSpec().getVersions().get(0);
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        assertThat(v.getName()).isEqualTo(Kinds.VERSION);
        assertThat(v.getServed()).isTrue();
        assertThat(v.getStorage()).isTrue();
        assertThat(v.getSubresources().getStatus()).isNotNull();
        assertThat(v.getAdditionalPrinterColumns()).extracting(c -> c.getName()).endsWith("Age");
        JSONSchemaProps status = v.getSchema().getOpenAPIV3Schema().getProperties().get("status");
        assertThat(status.getType()).isEqualTo("object");
        assertThat(status.getXKubernetesPreserveUnknownFields()).isTrue();
    }

    @Test
    void namesAndShortNamesAreUniqueAcrossKinds() {
        Set<String> seen = new HashSet<>();
        for (String kind : Kinds.ALL) {
            var names = CrdGenerator.crd(kind).getSpec().getNames();
            assertThat(seen.add(names.getPlural())).as(names.getPlural()).isTrue();
            assertThat(seen.add(names.getSingular())).as(names.getSingular()).isTrue();
            names.getShortNames().forEach(s -> assertThat(seen.add(s)).as(s).isTrue());
        }
        assertThat(CrdGenerator.crd(Kinds.CLUSTER).getSpec().getNames().getShortNames()).containsExactly("n4jc");
    }

    @Test
    void clusterColumnsShowServersVersionPhaseAndAge() {
        var columns = CrdGenerator.crd(Kinds.CLUSTER).getSpec().getVersions().get(0).getAdditionalPrinterColumns();
        assertThat(columns).extracting(c -> c.getName() + " " + c.getType() + " " + c.getJsonPath())
                .containsExactly("Servers integer .spec.topology.servers", "Version string .spec.image.tag",
                        "Phase string .status.phase", "Age date .metadata.creationTimestamp");
    }

    @Test
    void everyColumnPointsAtAFieldOfTheSchemaOrStatusOrMetadata() {
        for (String kind : Kinds.ALL) {
            CustomResourceDefinitionVersion v = CrdGenerator.crd(kind).getSpec().getVersions().get(0);
            for (var c : v.getAdditionalPrinterColumns()) {
                String path = c.getJsonPath();
                if (path.startsWith(".status.") || path.equals(".metadata.creationTimestamp")) {
                    continue;
                }
                JSONSchemaProps s = v.getSchema().getOpenAPIV3Schema();
                for (String step : path.substring(1).split("\\.")) {
                    s = s.getProperties().get(step);
                    assertThat(s).as(kind + " column " + c.getName() + " path " + path).isNotNull();
                }
            }
        }
    }

    @Test
    void clusterSchemaMapsOurConventions() {
        JSONSchemaProps root = CrdGenerator.crd(Kinds.CLUSTER).getSpec().getVersions().get(0)
                .getSchema().getOpenAPIV3Schema();
        assertThat(root.getRequired()).containsExactly("spec");
        assertThat(root.getProperties().get("metadata").getProperties()).isNullOrEmpty();
        JSONSchemaProps spec = root.getProperties().get("spec");
        // Our own types are closed in the JSON Schema; the CRD prunes instead of preserving.
        assertThat(spec.getXKubernetesPreserveUnknownFields()).isNull();
        assertThat(spec.getAdditionalProperties()).isNull();
        assertThat(spec.getRequired()).containsExactly("image", "topology", "storage");
        // $ref inlined, with the description beside the reference winning.
        JSONSchemaProps image = spec.getProperties().get("image");
        assertThat(image.getDescription()).isEqualTo("The Neo4j Enterprise image.");
        assertThat(image.getProperties()).containsKeys("repo", "tag", "pullPolicy", "pullSecrets");
        assertThat(image.getRequired()).containsExactly("repo", "tag");
        // Quantities: int-or-string without a type.
        JSONSchemaProps limit = spec.getProperties().get("resources").getProperties().get("limits")
                .getAdditionalProperties().getSchema();
        assertThat(limit.getXKubernetesIntOrString()).isTrue();
        assertThat(limit.getType()).isNull();
        // Maps of strings.
        JSONSchemaProps config = spec.getProperties().get("config");
        assertThat(config.getAdditionalProperties().getSchema().getType()).isEqualTo("string");
        assertThat(config.getProperties()).isNullOrEmpty();
        // Loose embedded Kubernetes objects keep their unknown fields.
        assertThat(spec.getProperties().get("affinity").getXKubernetesPreserveUnknownFields()).isTrue();
        JSONSchemaProps volume = spec.getProperties().get("extraVolumes").getItems().getSchema();
        assertThat(volume.getXKubernetesPreserveUnknownFields()).isTrue();
        assertThat(volume.getProperties()).containsKey("name");
        // Value constraints mirror the operator's markers.
        JSONSchemaProps servers = spec.getProperties().get("topology").getProperties().get("servers");
        assertThat(servers.getMinimum()).isEqualTo(2.0);
        assertThat(servers.getMaximum()).isEqualTo(100.0);
        assertThat(spec.getProperties().get("acceptLicenseAgreement").getEnum())
                .extracting(JsonNode::asText).containsExactly("yes", "eval");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theYamlReadsBackAsTheModelUnderYaml11(String kind) throws Exception {
        // Jackson's YAML reader resolves scalars as YAML 1.1, like kubectl: an unquoted yes would come back
        // as a boolean and the round trip would differ.
        String yaml = CrdGenerator.render().get(CrdGenerator.fileName(kind));
        JsonNode read = new YAMLMapper().readTree(yaml);
        // Compared as JSON text: the reader makes ints where the model has longs, which JsonNode.equals tells apart.
        assertThat(JSON.writeValueAsString(read))
                .isEqualTo(JSON.writeValueAsString(CrdYaml.integral(JSON.valueToTree(CrdGenerator.crd(kind)))));
    }

    @Test
    void renderingIsDeterministicAndLfOnly() {
        Map<String, String> a = CrdGenerator.render();
        Map<String, String> b = CrdGenerator.render();
        assertThat(a).isEqualTo(b);
        assertThat(a.keySet()).hasSize(10);
        a.values().forEach(y -> {
            assertThat(y).doesNotContain("\r").startsWith("# Generated from policies/schemas/");
            assertThat(y.lines().filter(l -> l.startsWith("apiVersion: "))).containsExactly(
                    "apiVersion: apiextensions.k8s.io/v1");
        });
        assertThat(a.get(CrdGenerator.fileName(Kinds.CLUSTER))).contains("- \"yes\"").contains("minimum: 2\n");
    }

    @Test
    void theRulesCheckerCatchesWhatTheApiServerRefuses() {
        CustomResourceDefinition crd = CrdGenerator.crd(Kinds.DATABASE);
        JSONSchemaProps spec = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()
                .getProperties().get("spec");
        spec.getProperties().get("name").setType(null);
        spec.getProperties().get("clusterRef").set$ref("#/defs/x");
        spec.setAdditionalProperties(new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool(false, null));
        spec.getRequired().add("nope");
        List<String> v = StructuralRules.violations(crd);
        assertThat(v).anyMatch(s -> s.contains(".spec.name: no type"))
                .anyMatch(s -> s.contains(".spec.clusterRef: $ref is forbidden"))
                .anyMatch(s -> s.contains(".spec: additionalProperties must be a schema"))
                .anyMatch(s -> s.contains(".spec: required nope is not a property"));
    }
}
