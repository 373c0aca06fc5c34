package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.SchemaLocation;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged schema files, read from the class path as StructureCheck reads them, and kept structural
 * enough for the CRD generator: a type on every schema, no combinators, required names that exist, every
 * reference resolvable, our own objects closed (additionalProperties false) so unknown fields are detectable.
 */
class SchemaFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");

    static Stream<String> kinds() {
        return Kinds.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachKindHasItsOwnFileWithItsIdentity(String kind) throws Exception {
        JsonNode doc = read(SchemaCatalog.fileName(kind));
        assertThat(doc.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(doc.path("$id").asText()).isEqualTo(SchemaCatalog.BASE + kind.toLowerCase() + ".json");
        assertThat(doc.path("title").asText()).isEqualTo(kind);
        assertThat(doc.at("/properties/kind/const").asText()).isEqualTo(kind);
        assertThat(doc.at("/properties/apiVersion/const").asText()).isEqualTo(Kinds.API_VERSION);
        assertThat(doc.at("/properties/spec/additionalProperties").asBoolean(true)).as("spec is closed").isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everySchemaIsTypedAndFreeOfCombinators(String kind) {
        SchemaCatalog catalog = SchemaCatalog.standard();
        AbsoluteIri iri = AbsoluteIri.of(SchemaCatalog.BASE + SchemaCatalog.fileName(kind));
        List<String> problems = new ArrayList<>();
        int[] visited = {0};
        walk(catalog, iri, catalog.node(new SchemaLocation(iri)), "", problems, visited, 0);
        assertThat(problems).isEmpty();
        assertThat(visited[0]).isGreaterThan(5);
    }

    @Test
    void theRequiredFieldsAreThoseOfTheCrds() {
        assertThat(required(Kinds.CLUSTER, "/properties/spec")).containsExactly("image", "topology", "storage");
        assertThat(required(Kinds.CLUSTER, "/$defs/topologyConfiguration")).containsExactly("servers");
        assertThat(required(Kinds.STANDALONE, "/properties/spec")).containsExactly("image", "storage");
        assertThat(required(Kinds.DATABASE, "/properties/spec")).containsExactly("clusterRef", "name");
        assertThat(required(Kinds.PLUGIN, "/properties/spec")).containsExactly("clusterRef", "name", "version");
        assertThat(required(Kinds.BACKUP, "/properties/spec")).containsExactly("instanceRef", "storage");
        assertThat(required(Kinds.RESTORE, "/properties/spec")).containsExactly("instanceRef", "source");
        assertThat(required(Kinds.USER, "/properties/spec")).containsExactly("clusterRef");
        assertThat(required(Kinds.ROLE, "/properties/spec")).containsExactly("clusterRef");
        assertThat(required(Kinds.ROLE_BINDING, "/properties/spec")).containsExactly("clusterRef", "username",
                "roles");
        assertThat(required(Kinds.AUTH_RULE, "/properties/spec")).containsExactly("clusterRef", "condition",
                "grantedRoles");
        JsonNode common = read(SchemaCatalog.COMMON);
        assertThat(strings(common.at("/$defs/imageSpec/required"))).containsExactly("repo", "tag");
        assertThat(strings(common.at("/$defs/storageSpec/required"))).containsExactly("size");
    }

    @Test
    void theSchemasLoadOnceAndAreShared() {
        assertThat(SchemaCatalog.standard()).isSameAs(SchemaCatalog.standard());
        for (String kind : Kinds.ALL) {
            assertThat(SchemaCatalog.standard().schema(kind)).isPresent();
        }
        assertThat(SchemaCatalog.standard().schema("ConfigMap")).isEmpty();
    }

    @Test
    void aMissingSchemaFileIsALoadError() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThatThrownBy(() -> SchemaCatalog.load(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neo4j-guard/schemas/common.json");
    }

    private static void walk(SchemaCatalog catalog, AbsoluteIri doc, JsonNode schema, String at,
                             List<String> problems, int[] visited, int depth) {
        if (depth > 30) {
            problems.add(at + ": nested too deep (recursive schema?)");
            return;
        }
        visited[0]++;
        if (schema.has("$ref")) {
            SchemaCatalog.Resolved r = catalog.resolve(schema, doc);
            if (r.schema().isMissingNode()) {
                problems.add(at + ": unresolvable $ref " + schema.get("$ref").asText());
                return;
            }
            walk(catalog, r.document(), r.schema(), at, problems, visited, depth + 1);
            return;
        }
        for (String c : COMBINATORS) {
            if (schema.has(c)) {
                problems.add(at + ": uses " + c);
            }
        }
        JsonNode type = schema.get("type");
        if (type == null) {
            problems.add(at + ": no type");
            return;
        }
        if (type.isArray() && !(type.size() == 2 && strings(type).containsAll(List.of("string", "integer")))) {
            problems.add(at + ": a type union other than int-or-string: " + type);
        }
        JsonNode props = schema.get("properties");
        if (props != null) {
            if (!"object".equals(type.asText())) {
                problems.add(at + ": properties on a non-object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(catalog, doc, e.getValue(), at + "." + e.getKey(), problems, visited, depth + 1);
            }
        }
        for (String r : strings(schema.path("required"))) {
            if (props == null || !props.has(r)) {
                problems.add(at + ": required " + r + " is not a property");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            if (props != null) {
                problems.add(at + ": both properties and a map schema (not structural)");
            }
            walk(catalog, doc, additional, at + "[*]", problems, visited, depth + 1);
        }
        if ("array".equals(type.asText())) {
            if (!schema.has("items")) {
                problems.add(at + ": array without items");
            } else {
                walk(catalog, doc, schema.get("items"), at + "[]", problems, visited, depth + 1);
            }
        }
        if (schema.has("enum") && !"string".equals(type.asText())) {
            problems.add(at + ": enum on a non-string");
        }
    }

    private static List<String> required(String kind, String pointer) {
        return strings(read(SchemaCatalog.fileName(kind)).at(pointer + "/required"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode read(String file) {
        try (InputStream in = SchemaFilesTest.class.getClassLoader()
                .getResourceAsStream(SchemaCatalog.RESOURCE_DIR + file)) {
            assertThat(in).as(file + " on the class path").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
