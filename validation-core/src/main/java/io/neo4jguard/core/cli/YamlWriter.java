package io.neo4jguard.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON values written as YAML that reads back, in kubectl's YAML 1.1 typing, as exactly the same JSON:
 * every string double-quoted in JSON syntax (a valid YAML double-quoted scalar), so no string can turn
 * into a number, a boolean or null ({@code "on"}, {@code "1e3"}, {@code "0.0.0.0:6362"}); numbers, booleans
 * and null as JSON writes them; keys plain only when they are simple names. Block style for non-empty maps
 * and lists, flow style ({} and []) for empty ones.
 */
final class YamlWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key that reads as the same string in YAML 1.1 and 1.2, in block and flow context. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    /** YAML 1.1 words that are booleans or null when plain (kubectl reads keys like values). */
    private static final Set<String> RESERVED = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private YamlWriter() {
    }

    static String key(String key) {
        if (PLAIN_KEY.matcher(key).matches() && !RESERVED.contains(key.toLowerCase(java.util.Locale.ROOT))) {
            return key;
        }
        return json(JSON.getNodeFactory().textNode(key));
    }

    /** A key in JSON syntax, for flow mappings written as JSON. */
    static String jsonKey(String key) {
        return json(JSON.getNodeFactory().textNode(key));
    }

    /** A scalar, or an empty or non-empty map or list on one line. */
    static String flow(JsonNode value) {
        return flow(value, false);
    }

    /** As {@link #flow(JsonNode)}; with {@code jsonKeys} every key is quoted, so JSON text stays JSON. */
    static String flow(JsonNode value, boolean jsonKeys) {
        if (value.isObject()) {
            StringBuilder b = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(jsonKeys ? jsonKey(e.getKey()) : key(e.getKey())).append(": ")
                        .append(flow(e.getValue(), jsonKeys));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(flow(value.get(i), jsonKeys));
            }
            return b.append(']').toString();
        }
        return json(value);
    }

    /**
     * One mapping entry in block style at {@code indent} spaces, each line ending in {@code eol}; nested maps
     * step in by {@code step} spaces.
     */
    static void entry(StringBuilder out, String key, JsonNode value, int indent, int step, String eol) {
        out.append(" ".repeat(indent)).append(key(key)).append(':');
        block(out, value, indent, step, eol);
    }

    /** A whole document in block style. */
    static String document(JsonNode root, String eol) {
        StringBuilder out = new StringBuilder();
        if (root.isObject() && root.size() > 0) {
            root.fields().forEachRemaining(e -> entry(out, e.getKey(), e.getValue(), 0, 2, eol));
        } else {
            out.append(flow(root)).append(eol);
        }
        return out.toString();
    }

    /** The value after {@code key:}; a list's items are written at the key's indentation, as kubectl does. */
    private static void block(StringBuilder out, JsonNode value, int indent, int step, String eol) {
        if (value.isObject() && value.size() > 0) {
            out.append(eol);
            value.fields().forEachRemaining(e -> entry(out, e.getKey(), e.getValue(), indent + step, step, eol));
        } else if (value.isArray() && value.size() > 0) {
            out.append(eol);
            for (JsonNode item : value) {
                out.append(" ".repeat(indent)).append('-');
                if (item.isObject() && item.size() > 0) {
                    // "- " then the first key on the same line, the rest aligned with it.
                    boolean first = true;
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (first) {
                            out.append(' ').append(key(e.getKey())).append(':');
                            block(out, e.getValue(), indent + 2, step, eol);
                            first = false;
                        } else {
                            entry(out, e.getKey(), e.getValue(), indent + 2, step, eol);
                        }
                    }
                } else {
                    out.append(' ').append(flow(item)).append(eol);
                }
            }
        } else {
            out.append(' ').append(flow(value)).append(eol);
        }
    }

    private static String json(JsonNode scalar) {
        try {
            return JSON.writeValueAsString(scalar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a JsonNode always serialises
        }
    }
}
