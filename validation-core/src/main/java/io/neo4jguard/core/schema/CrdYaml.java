package io.neo4jguard.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic YAML for generated manifests: the model's own field order, map entries in insertion (schema)
 * order, one line per scalar (no folding, so a changed description is a one-line diff), LF line ends.
 *
 * <p>Scalars are resolved as YAML 1.1, the dialect kubectl and Helm read: a string {@code yes} or {@code on}
 * (an enum value of ours) is quoted, since unquoted it would arrive as a boolean. Integral numbers are written
 * without a fraction ({@code minimum: 2}, not the model's {@code 2.0}).
 */
final class CrdYaml {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private CrdYaml() {
    }

    static String write(Object model) {
        JsonNode tree = integral(JSON.valueToTree(model));
        try {
            return YAML.writeValueAsString(tree).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** A copy of the tree with every whole floating-point number turned into an integer. */
    static JsonNode integral(JsonNode n) {
        if (n.isFloatingPointNumber() && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < (double) (1L << 53)) {
            return JsonNodeFactory.instance.numberNode((long) n.doubleValue());
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), integral(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(integral(x)));
            return a;
        }
        return n;
    }
}
