package io.neo4jguard.core.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Finding messages in the style of Kubernetes field errors ({@code k8s.io/apimachinery/pkg/util/validation/field}),
 * so kubectl users read them the way they read the API server's own.
 */
public final class Messages {
    /** Values are shown up to this many characters; longer ones are cut with an ellipsis. */
    private static final int MAX_VALUE = 80;

    private Messages() {
    }

    public static String invalid(JsonNode value, String detail) {
        return "Invalid value: " + render(value) + ": " + detail;
    }

    public static String invalid(String value, String detail) {
        return "Invalid value: " + quote(value) + ": " + detail;
    }

    /** For values that must never be echoed (passwords, keys). */
    public static String invalidRedacted(String detail) {
        return "Invalid value: \"<redacted>\": " + detail;
    }

    public static String required(String detail) {
        return "Required value: " + detail;
    }

    public static String forbidden(String detail) {
        return "Forbidden: " + detail;
    }

    public static String duplicate(String value) {
        return "Duplicate value: " + quote(value);
    }

    public static String tooLong(String value, int max) {
        return "Too long: " + quote(value) + ": may not be more than " + max + " characters";
    }

    public static String notSupported(String value, Collection<String> supported) {
        return "Unsupported value: " + quote(value) + ": supported values: "
                + supported.stream().map(Messages::quote).collect(Collectors.joining(", "));
    }

    public static String notFound(String value, String detail) {
        return "Not found: " + quote(value) + (detail.isEmpty() ? "" : ": " + detail);
    }

    public static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "null";
        }
        if (value.isTextual()) {
            return quote(value.textValue());
        }
        String s = value.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "..." : s;
    }

    public static String quote(String s) {
        String cut = s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "..." : s;
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
