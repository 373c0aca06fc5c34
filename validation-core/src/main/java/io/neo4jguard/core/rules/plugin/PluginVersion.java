package io.neo4jguard.core.rules.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin version such as {@code 5.26.0}, {@code 2.10.0}, {@code 2025.01.0} or {@code v1.2.3-beta1}: up to four
 * numeric parts, an optional leading {@code v} and a pre-release or build suffix that ordering ignores. Numeric
 * parts are capped at 9 digits so comparison can never overflow.
 */
record PluginVersion(List<Integer> parts) implements Comparable<PluginVersion> {
    private static final Pattern GRAMMAR = Pattern.compile(
            "v?([0-9]{1,9}(?:\\.[0-9]{1,9}){0,3})(?:[-+][0-9A-Za-z.+-]*)?");

    static Optional<PluginVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : m.group(1).split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        return Optional.of(new PluginVersion(List.copyOf(parts)));
    }

    /** The first two parts, as APOC aligns them with Neo4j: {@code 5.26} or {@code 2025.1}. */
    List<Integer> line() {
        return parts.subList(0, Math.min(2, parts.size()));
    }

    @Override
    public int compareTo(PluginVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            b.append(i == 0 ? "" : ".").append(parts.get(i));
        }
        return b.toString();
    }
}
