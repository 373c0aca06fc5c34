package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of a custom resource's spec that are Kubernetes types ({@code resources}, {@code tolerations},
 * {@code affinity}, {@code env}, volumes...) into fabric8 model objects. Those fields are passed through as the
 * user wrote them; the API server validates them when the workload is applied.
 */
final class Specs {
    /** Unknown fields are kept by fabric8's additionalProperties, never dropped or failed on. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Specs() {
    }

    static <T> Optional<T> read(JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.treeToValue(node, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    static <T> List<T> list(JsonNode array, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                read(item, type).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A string map ({@code nodeSelector}, annotations); non-string values are skipped (schema errors). */
    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.textValue());
                }
            });
        }
        return out;
    }

    static String text(JsonNode node, String fallback) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText()
                : fallback;
    }

    static ObjectNode spec(io.neo4jguard.core.api.Resource r) {
        JsonNode spec = r.tree().path("spec");
        if (!spec.isObject()) {
            throw new IllegalArgumentException(r.displayName() + " has no spec");
        }
        return (ObjectNode) spec;
    }
}
