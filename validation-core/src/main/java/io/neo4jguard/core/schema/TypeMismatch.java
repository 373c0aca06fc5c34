package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.neo4jguard.core.api.Messages;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Message, hint and fix for a value of the wrong JSON type. Most of these are YAML typing traps: kubectl
 * reads manifests as YAML 1.1, so an unquoted {@code yes} is a boolean, {@code 5.26} a number, and the API
 * server then refuses them where the CRD wants a string.
 */
final class TypeMismatch {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The plain scalars YAML 1.1 (go-yaml v2, used by kubectl) reads as true and as false. */
    private static final Set<String> YAML_TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON");
    private static final Set<String> YAML_FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    /** What to report; {@code fix} is the replacement value, or null when there is no safe one. */
    record Outcome(String message, String hint, JsonNode fix) {
    }

    private TypeMismatch() {
    }

    /**
     * @param value    the offending value
     * @param expected the schema's {@code type} (a name or an array of names)
     * @param property the schema of the field (for its {@code enum} and {@code items})
     */
    static Outcome of(JsonNode value, JsonNode expected, JsonNode property) {
        List<String> types = new ArrayList<>();
        if (expected.isArray()) {
            expected.forEach(t -> types.add(t.asText()));
        } else {
            types.add(expected.asText());
        }
        String message = Messages.invalid(value, "must be " + expectedPhrase(types) + ", not " + actual(value));
        boolean wantsString = types.contains("string");
        if (wantsString && value.isBoolean()) {
            String word = booleanWord(value.booleanValue(), property.path("enum"));
            return new Outcome(message, "YAML reads an unquoted yes, no, on, off, true or false as a boolean; "
                    + "quote it: \"" + word + "\"", F.textNode(word));
        }
        if (wantsString && value.isNumber()) {
            String text = numberText(value);
            return new Outcome(message, "YAML reads an unquoted " + text + " as a number; quote it: \"" + text + "\"",
                    F.textNode(text));
        }
        if (types.contains("integer") && value.isTextual()) {
            String s = value.textValue().trim();
            if (WHOLE.matcher(s).matches()) {
                BigInteger n = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
                return new Outcome(message, "remove the quotes: " + n, F.numberNode(n));
            }
            return new Outcome(message, "write a whole number without quotes, e.g. 3", null);
        }
        if (types.contains("integer") && value.isNumber()) {
            return new Outcome(message, "write a whole number, without a fraction", null);
        }
        if (types.contains("boolean") && value.isTextual()) {
            String s = value.textValue().trim();
            if (YAML_TRUE.contains(s) || YAML_FALSE.contains(s)) {
                boolean b = YAML_TRUE.contains(s);
                return new Outcome(message, "remove the quotes and write " + b, F.booleanNode(b));
            }
            return new Outcome(message, "write true or false, without quotes", null);
        }
        if (types.contains("array") && value.isTextual() && "string".equals(property.path("items").path("type").asText())) {
            return new Outcome(message, "make it a list: - " + Messages.quote(value.textValue()),
                    F.arrayNode().add(value.textValue()));
        }
        if (types.contains("array")) {
            return new Outcome(message, "write a list, one \"- item\" per line", null);
        }
        if (types.contains("object")) {
            return new Outcome(message, "write the fields of this object indented below its name (key: value)",
                    null);
        }
        if (wantsString && value.isContainerNode()) {
            return new Outcome(message, "write a single string; quote it if it contains \": \" or starts with "
                    + "{, [ or -", null);
        }
        return new Outcome(message, "", null);
    }

    /** The word to quote: the enumeration's spelling of this boolean when it has one ({@code yes}). */
    private static String booleanWord(boolean b, JsonNode enumeration) {
        Set<String> words = b ? YAML_TRUE : YAML_FALSE;
        for (JsonNode e : enumeration) {
            if (e.isTextual() && words.contains(e.textValue())) {
                return e.textValue();
            }
        }
        return Boolean.toString(b);
    }

    /** The number as the user most likely wrote it: {@code 5.26}, {@code 5.10} (scale kept), {@code 7}. */
    static String numberText(JsonNode n) {
        if (n.isBigDecimal() || n.isDouble() || n.isFloat()) {
            BigDecimal d = n.decimalValue();
            String s = d.toString();
            return s.indexOf('E') >= 0 ? d.toPlainString() : s;
        }
        return n.asText();
    }

    static String expectedPhrase(List<String> types) {
        List<String> parts = new ArrayList<>();
        for (String t : types) {
            parts.add(article(t));
        }
        return String.join(" or ", parts);
    }

    private static String article(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "a boolean";
            case "object" -> "an object";
            case "array" -> "a list";
            case "null" -> "null";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    static String actual(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return "an integer";
        }
        if (v.isNumber()) {
            return "a decimal number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "null";
    }
}
