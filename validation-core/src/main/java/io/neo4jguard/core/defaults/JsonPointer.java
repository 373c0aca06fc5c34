package io.neo4jguard.core.defaults;

/** RFC 6901 JSON Pointer segments: {@code ~} is written {@code ~0} and {@code /} is written {@code ~1}. */
public final class JsonPointer {
    private JsonPointer() {
    }

    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public static String of(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(escape(s));
        }
        return b.toString();
    }
}
