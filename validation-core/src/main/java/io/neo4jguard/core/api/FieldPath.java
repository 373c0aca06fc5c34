package io.neo4jguard.core.api;

import java.util.regex.Pattern;

/**
 * Kubernetes-style field paths, as in {@code field.Path.String()}: {@code spec.topology.servers},
 * {@code spec.extraVolumeMounts[2].mountPath}, and a bracketed key when the key is not a plain
 * identifier: {@code spec.config[server.memory.heap.max_size]}, {@code metadata.labels[app.kubernetes.io/name]}.
 */
public final class FieldPath {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private FieldPath() {
    }

    public static String child(String parent, String key) {
        String segment = PLAIN.matcher(key).matches() ? key : null;
        if (segment == null) {
            return parent + "[" + key + "]";
        }
        return parent.isEmpty() ? segment : parent + "." + segment;
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** Joins plain segments: {@code of("spec", "topology", "servers")}. */
    public static String of(String... segments) {
        String p = "";
        for (String s : segments) {
            p = child(p, s);
        }
        return p;
    }

    /** The path of the parent, or "" for a top-level field. */
    public static String parent(String path) {
        if (path.endsWith("]")) {
            int open = openingBracket(path);
            return path.substring(0, open);
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf(']');
        if (dot < 0 || dot < bracket) {
            return bracket >= 0 ? path.substring(0, bracket + 1) : "";
        }
        return path.substring(0, dot);
    }

    private static int openingBracket(String path) {
        // Bracketed keys never contain ']' in Kubernetes names, config keys or label keys.
        return path.lastIndexOf('[');
    }
}
