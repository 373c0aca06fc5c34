package io.neo4jguard.core.schema;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's rules for a CRD's schema (apiextensions v1 validation and "structural schema", see
 * https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema),
 * restated as a checker so a unit test finds a broken generator without an API server. The end-to-end test
 * in kube-testenv has the real one accept the same manifests.
 */
final class StructuralRules {
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");

    private StructuralRules() {
    }

    /** Every violation in the CRD, as "path: problem"; empty when the API server would accept the schema. */
    static List<String> violations(CustomResourceDefinition crd) {
        List<String> out = new ArrayList<>();
        if (crd.getSpec().getVersions().isEmpty()) {
            out.add("no versions");
        }
        long storage = crd.getSpec().getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getStorage())).count();
        if (storage != 1) {
            out.add("exactly one version must be the storage version, found " + storage);
        }
        for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
            if (v.getSchema() == null || v.getSchema().getOpenAPIV3Schema() == null) {
                out.add(v.getName() + ": no schema (v1 CRDs require one)");
                continue;
            }
            root(v.getSchema().getOpenAPIV3Schema(), v.getName(), out);
        }
        return out;
    }

    private static void root(JSONSchemaProps root, String at, List<String> out) {
        if (!"object".equals(root.getType())) {
            out.add(at + ": the root must be type object");
        }
        Map<String, JSONSchemaProps> props = root.getProperties();
        JSONSchemaProps metadata = props.get("metadata");
        if (metadata != null) {
            // Only restrictions on metadata.name and metadata.generateName are allowed; we set none.
            JSONSchemaProps onlyType = new JSONSchemaProps();
            onlyType.setType("object");
            if (!onlyType.equals(metadata)) {
                out.add(at + ".metadata: may only be {type: object}");
            }
        }
        for (String name : List.of("apiVersion", "kind")) {
            JSONSchemaProps p = props.get(name);
            if (p != null && !"string".equals(p.getType())) {
                out.add(at + "." + name + ": must be type string");
            }
        }
        node(root, at, out, 0);
    }

    private static void node(JSONSchemaProps s, String at, List<String> out, int depth) {
        if (depth > 64) {
            out.add(at + ": nested too deep");
            return;
        }
        boolean intOrString = Boolean.TRUE.equals(s.getXKubernetesIntOrString());
        boolean preserve = Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields());
        if (s.getType() == null || s.getType().isEmpty()) {
            if (!intOrString && !preserve) {
                out.add(at + ": no type (required unless int-or-string or preserve-unknown-fields)");
            }
        } else if (!TYPES.contains(s.getType())) {
            out.add(at + ": unknown type " + s.getType());
        }
        if (intOrString && s.getType() != null) {
            out.add(at + ": x-kubernetes-int-or-string with a type");
        }
        if (Boolean.FALSE.equals(s.getXKubernetesPreserveUnknownFields())) {
            out.add(at + ": x-kubernetes-preserve-unknown-fields must be true or absent");
        }
        forbidden(s, at, out);
        boolean hasProps = s.getProperties() != null && !s.getProperties().isEmpty();
        if (s.getAdditionalProperties() != null) {
            if (s.getAdditionalProperties().getSchema() == null) {
                out.add(at + ": additionalProperties must be a schema (false is forbidden, true is the default)");
            } else {
                if (hasProps) {
                    out.add(at + ": properties and additionalProperties together");
                }
                node(s.getAdditionalProperties().getSchema(), at + "[*]", out, depth + 1);
            }
        }
        if ((hasProps || s.getAdditionalProperties() != null) && !"object".equals(s.getType())) {
            out.add(at + ": properties on a " + s.getType());
        }
        if (hasProps) {
            for (Map.Entry<String, JSONSchemaProps> e : s.getProperties().entrySet()) {
                node(e.getValue(), at + "." + e.getKey(), out, depth + 1);
            }
        }
        for (String r : s.getRequired() == null ? List.<String>of() : s.getRequired()) {
            if (!hasProps || !s.getProperties().containsKey(r)) {
                out.add(at + ": required " + r + " is not a property");
            }
        }
        if ("array".equals(s.getType())) {
            if (s.getItems() == null || s.getItems().getSchema() == null) {
                out.add(at + ": an array needs a single items schema");
            } else {
                node(s.getItems().getSchema(), at + "[]", out, depth + 1);
            }
        } else if (s.getItems() != null) {
            out.add(at + ": items on a " + s.getType());
        }
        if (present(s.getEnum())) {
            for (var v : s.getEnum()) {
                boolean fits = switch (String.valueOf(s.getType())) {
                    case "string" -> v.isTextual();
                    case "integer" -> v.isIntegralNumber();
                    case "number" -> v.isNumber();
                    case "boolean" -> v.isBoolean();
                    default -> false;
                };
                if (!fits) {
                    out.add(at + ": enum value " + v + " is not a " + s.getType());
                }
            }
        }
        if ((s.getPattern() != null || s.getMaxLength() != null || s.getMinLength() != null)
                && !"string".equals(s.getType())) {
            out.add(at + ": string constraint on a " + s.getType());
        }
        if ((s.getMinimum() != null || s.getMaximum() != null)
                && !Set.of("integer", "number").contains(String.valueOf(s.getType()))) {
            out.add(at + ": numeric bound on a " + s.getType());
        }
        if ((s.getMinItems() != null || s.getMaxItems() != null) && !"array".equals(s.getType())) {
            out.add(at + ": item count on a " + s.getType());
        }
    }

    private static boolean present(Object collectionOrMap) {
        if (collectionOrMap instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        return collectionOrMap instanceof Map<?, ?> m && !m.isEmpty();
    }

    /** Keywords a v1 CRD schema may not set at all, and the logical junctors we never need. */
    private static void forbidden(JSONSchemaProps s, String at, List<String> out) {
        if (s.get$ref() != null) {
            out.add(at + ": $ref is forbidden");
        }
        if (s.get$schema() != null) {
            out.add(at + ": $schema is forbidden");
        }
        if (s.getId() != null) {
            out.add(at + ": id is forbidden");
        }
        if (present(s.getDefinitions())) {
            out.add(at + ": definitions is forbidden");
        }
        if (present(s.getDependencies())) {
            out.add(at + ": dependencies is forbidden");
        }
        if (present(s.getPatternProperties())) {
            out.add(at + ": patternProperties is forbidden");
        }
        if (s.getAdditionalItems() != null) {
            out.add(at + ": additionalItems is forbidden");
        }
        if (Boolean.TRUE.equals(s.getUniqueItems())) {
            out.add(at + ": uniqueItems is forbidden");
        }
        if (present(s.getAllOf()) || present(s.getAnyOf()) || present(s.getOneOf()) || s.getNot() != null) {
            out.add(at + ": logical junctors (allOf/anyOf/oneOf/not) are not generated");
        }
    }
}
