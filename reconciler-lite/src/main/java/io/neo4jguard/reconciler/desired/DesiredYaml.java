package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one serializer of desired objects, shared by {@code render}, the golden tests and the controller's
 * server-side apply, so what a reviewer reads is what is applied, byte for byte.
 *
 * <p>Deterministic: fields in the model's declared order (fabric8's {@code @JsonPropertyOrder}), map entries
 * (labels, annotations, ConfigMap data) sorted by key, no null or empty fields, strings quoted only where YAML
 * would otherwise read them as something else ({@code "true"}, {@code "7474"}), multi-line strings
 * ({@code neo4j.conf}) as literal blocks. Documents are separated by {@code ---} lines.
 */
public final class DesiredYaml {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // One line per value however long (discovery lists, --from): greppable and diff-friendly.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private DesiredYaml() {
    }

    /** The object as a JSON tree: the body of the server-side apply request, and what {@link #yaml} prints. */
    public static ObjectNode tree(HasMetadata object) {
        return JSON.valueToTree(object);
    }

    /** The object as JSON text (server-side apply accepts JSON as {@code application/apply-patch+yaml}). */
    public static String json(HasMetadata object) {
        try {
            return JSON.writeValueAsString(tree(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One object as a YAML document (no {@code ---}). */
    public static String yaml(HasMetadata object) {
        try {
            // The generator ends lines with the platform's separator; the output must not depend on the platform.
            return YAML.writeValueAsString(tree(object)).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects as a YAML stream, each document preceded by a {@code ---} line, in list order. */
    public static String yaml(List<? extends HasMetadata> objects) {
        StringBuilder out = new StringBuilder();
        for (HasMetadata o : objects) {
            out.append("---\n").append(yaml(o));
        }
        return out.toString();
    }
}
