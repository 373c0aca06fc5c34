package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** StructureCheck never throws, whatever JSON sits under spec, and reports only its own rules. */
class StructureCheckProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Field names of our schemas, so random trees reach deep into them, not only the top-level unknowns. */
    private static final List<String> NAMES = List.of("image", "repo", "tag", "topology", "servers",
            "serverRoles", "serverIndex", "modeConstraint", "storage", "size", "config", "env", "name", "value",
            "valueFrom", "tls", "mode", "issuerRef", "usages", "auth", "oidc", "ldap", "host", "service", "type",
            "annotations", "clusterRef", "instanceRef", "database", "source", "pvc", "cloud", "provider",
            "identity", "options", "resources", "limits", "requests", "cpu", "memory", "extraVolumeMounts",
            "mountPath", "extraVolumes", "grantedRoles", "condition", "roles", "username", "pointInTime", "pitr",
            "baseBackup", "preRestore", "job", "template", "container", "mcp", "http", "port", "sampling", "rate",
            "acceptLicenseAgreement", "retention", "maxCount", "schedule", "tempStorage", "auraFleetManagement",
            "provision", "managementPolicies", "status", "metadata", "spec", "", "a.b/c~d", "ünïcødé", "[0]");

    private static final Set<String> OUR_RULES = new StructureCheck().rules().stream().map(RuleMeta::id)
            .collect(Collectors.toSet());

    @Property(tries = 400)
    void randomTreesUnderSpecNeverMakeTheCheckThrow(@ForAll("kinds") String kind, @ForAll("json") JsonNode spec) {
        ObjectNode tree = F.objectNode();
        tree.put("apiVersion", Kinds.API_VERSION);
        tree.put("kind", kind);
        tree.putObject("metadata").put("name", "graph");
        tree.set("spec", spec);
        List<Finding> findings = Checked.check(Resource.of(tree));
        assertThat(findings).allSatisfy(f -> {
            assertThat(OUR_RULES).contains(f.rule());
            assertThat(f.message()).isNotBlank();
        });
    }

    @Property(tries = 200)
    void randomValuesInAValidObjectAreReportedAtTheirField(@ForAll("kinds") String kind,
                                                          @ForAll("names") String key,
                                                          @ForAll("json") JsonNode value) {
        Resource valid = Checked.parse(MinimalObjects.minimal(kind));
        ObjectNode tree = valid.tree().deepCopy();
        ((ObjectNode) tree.get("spec")).set(key, value);
        List<Finding> findings = Checked.check(Resource.of(tree));
        // Whatever went wrong, it went wrong at (or below) the field we changed.
        assertThat(findings).allSatisfy(f -> assertThat(f.field()).startsWith(
                FieldPath.child("spec", key)));
    }

    @Property(tries = 100)
    void theCheckIsDeterministic(@ForAll("kinds") String kind, @ForAll("json") JsonNode spec) {
        ObjectNode tree = F.objectNode();
        tree.put("apiVersion", Kinds.API_VERSION);
        tree.put("kind", kind);
        tree.putObject("metadata").put("name", "graph");
        tree.set("spec", spec);
        assertThat(Checked.check(Resource.of(tree))).isEqualTo(Checked.check(Resource.of(tree.deepCopy())));
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of(Kinds.ALL);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(this::scalar, this::container, 0, 5);
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(F::textNode),
                Arbitraries.of("yes", "5.26", "2Gi", "cert-manager", "Delete", "", " ", "\n", "0777",
                        "2025-01-04T12:30:00Z", "tenant_a", "\u0000", "\uD83D\uDE00").map(F::textNode),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (JsonNode) F.numberNode(b)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(3)
                        .map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just(F.nullNode()));
    }

    private Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(names(), inner).ofMaxSize(5).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
        return Arbitraries.oneOf(array, object, object);
    }
}
