package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one of our JSON Schemas (draft 2020-12, {@code $ref}s into {@code common.json}) into the structural
 * OpenAPI v3 schema a CRD needs. The mapping follows the conventions {@code SchemaFilesTest} holds the schema
 * files to:
 * <ul>
 *   <li>{@code $ref} is inlined (CRDs forbid it); a description beside the reference wins over the target's.</li>
 *   <li>{@code type: [string, integer]} (a quantity) becomes {@code x-kubernetes-int-or-string: true} with no
 *       type, the one form the API server accepts for a union.</li>
 *   <li>{@code additionalProperties: false} (our own closed types) is dropped: the API server forbids it and
 *       prunes unknown fields of a structural schema anyway.</li>
 *   <li>An object schema with a map schema in {@code additionalProperties} stays a map.</li>
 *   <li>An object schema that is neither closed nor a map is an embedded Kubernetes type we only type loosely
 *       (affinity, volume sources, security contexts, status): {@code x-kubernetes-preserve-unknown-fields}
 *       keeps what we do not describe, where pruning would silently delete it.</li>
 *   <li>Value constraints (enum, pattern, format, bounds, lengths, item counts, required) are kept: they
 *       mirror the operator's CRD markers.</li>
 * </ul>
 * Any other keyword is an error rather than silently lost, so a schema change that the generator cannot
 * express fails the build instead of producing a CRD weaker than the schema.
 */
final class StructuralSchema {
    /** Keywords this mapping understands inside a schema (the root adds $schema, $id, title, $defs, const). */
    static final Set<String> KEYWORDS = Set.of("$ref", "type", "description", "properties", "required",
            "additionalProperties", "items", "enum", "pattern", "format", "minimum", "maximum", "minLength",
            "maxLength", "minItems", "maxItems");

    /**
     * Our schemas nest about a dozen levels at most (cluster spec, auth, ldap, authorization, mapping);
     * anything far deeper can only be a reference cycle, which a CRD cannot express.
     */
    private static final int MAX_DEPTH = 32;

    /**
     * Root fields the API server fills or checks itself: a CRD may say nothing about metadata beyond name
     * restrictions (structural rule), and apiVersion and kind are fixed by the resource's URL.
     */
    private static final Set<String> ROOT_MANAGED = Set.of("apiVersion", "kind", "metadata");

    private final SchemaCatalog catalog;

    StructuralSchema(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** The openAPIV3Schema of a kind's CRD. */
    JSONSchemaProps forKind(String kind) {
        AbsoluteIri doc = AbsoluteIri.of(SchemaCatalog.BASE + SchemaCatalog.fileName(kind));
        JsonNode root = catalog.node(new com.networknt.schema.SchemaLocation(doc));
        if (root.isMissingNode()) {
            throw new IllegalStateException("no schema for kind " + kind);
        }
        JsonNode props = root.path("properties");
        JSONSchemaProps out = new JSONSchemaProps();
        out.setType("object");
        out.setDescription(text(root, "description"));
        Map<String, JSONSchemaProps> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            switch (name) {
                case "apiVersion", "kind" -> properties.put(name, scalar("string", text(e.getValue(), "description")));
                case "metadata" -> properties.put(name, scalar("object", null));
                case "status" -> properties.put(name, status(e.getValue()));
                default -> properties.put(name, convert(e.getValue(), doc, kind + "." + name, 1));
            }
        }
        out.setProperties(properties);
        List<String> required = new ArrayList<>();
        root.path("required").forEach(r -> {
            if (!ROOT_MANAGED.contains(r.asText())) {
                required.add(r.asText());
            }
        });
        out.setRequired(required);
        return out;
    }

    /**
     * Status is written by the operator through the status subresource; we do not own its shape, so it is
     * kept whole rather than pruned to a schema we would have to track.
     */
    private static JSONSchemaProps status(JsonNode schema) {
        JSONSchemaProps s = scalar("object", text(schema, "description"));
        s.setXKubernetesPreserveUnknownFields(true);
        return s;
    }

    private JSONSchemaProps convert(JsonNode node, AbsoluteIri doc, String at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException(at + ": schema nested deeper than " + MAX_DEPTH + " (a $ref cycle?)");
        }
        SchemaCatalog.Resolved r = catalog.resolve(node, doc);
        JsonNode s = r.schema();
        if (s.isMissingNode()) {
            throw new IllegalStateException(at + ": unresolvable $ref " + node.path("$ref").asText());
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalStateException(at + ": keyword " + keyword
                        + " has no CRD equivalent in the generator; extend StructuralSchema or drop it");
            }
        }
        JSONSchemaProps out = new JSONSchemaProps();
        out.setDescription(r.description());
        JsonNode type = s.path("type");
        if (type.isArray()) {
            if (!isIntOrString(type)) {
                throw new IllegalStateException(at + ": type union " + type + " is not int-or-string");
            }
            out.setXKubernetesIntOrString(true);
        } else if (type.isTextual()) {
            out.setType(type.textValue());
        } else {
            throw new IllegalStateException(at + ": no type");
        }
        copyConstraints(s, out);
        if ("object".equals(out.getType())) {
            object(s, r.document(), at, depth, out);
        } else if ("array".equals(out.getType())) {
            if (!s.has("items")) {
                throw new IllegalStateException(at + ": array without items");
            }
            out.setItems(new JSONSchemaPropsOrArray(null, convert(s.get("items"), r.document(), at + "[]", depth + 1)));
        }
        return out;
    }

    private void object(JsonNode s, AbsoluteIri doc, String at, int depth, JSONSchemaProps out) {
        JsonNode additional = s.get("additionalProperties");
        JsonNode props = s.get("properties");
        if (props != null) {
            Map<String, JSONSchemaProps> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                properties.put(e.getKey(), convert(e.getValue(), doc, at + "." + e.getKey(), depth + 1));
            }
            out.setProperties(properties);
        }
        List<String> required = new ArrayList<>();
        s.path("required").forEach(n -> required.add(n.asText()));
        out.setRequired(required);
        if (additional != null && additional.isObject()) {
            if (props != null) {
                throw new IllegalStateException(at + ": both properties and a map schema (not structural)");
            }
            out.setAdditionalProperties(new JSONSchemaPropsOrBool(null,
                    convert(additional, doc, at + "[*]", depth + 1)));
        } else if (additional == null || additional.asBoolean(true)) {
            // Neither closed nor a map: an embedded Kubernetes type typed loosely (see the class comment).
            out.setXKubernetesPreserveUnknownFields(true);
        }
        // additionalProperties false: dropped, pruning closes the object.
    }

    private static void copyConstraints(JsonNode s, JSONSchemaProps out) {
        if (s.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            s.get("enum").forEach(values::add);
            out.setEnum(values);
        }
        out.setPattern(text(s, "pattern"));
        out.setFormat(text(s, "format"));
        if (s.has("minimum")) {
            out.setMinimum(s.get("minimum").doubleValue());
        }
        if (s.has("maximum")) {
            out.setMaximum(s.get("maximum").doubleValue());
        }
        out.setMinLength(longOrNull(s, "minLength"));
        out.setMaxLength(longOrNull(s, "maxLength"));
        out.setMinItems(longOrNull(s, "minItems"));
        out.setMaxItems(longOrNull(s, "maxItems"));
    }

    private static boolean isIntOrString(JsonNode type) {
        Set<String> names = new java.util.HashSet<>();
        type.forEach(t -> names.add(t.asText()));
        return type.size() == 2 && names.equals(Set.of("string", "integer"));
    }

    private static JSONSchemaProps scalar(String type, String description) {
        JSONSchemaProps p = new JSONSchemaProps();
        p.setType(type);
        p.setDescription(description);
        return p;
    }

    private static Long longOrNull(JsonNode s, String field) {
        return s.has(field) ? s.get(field).longValue() : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
