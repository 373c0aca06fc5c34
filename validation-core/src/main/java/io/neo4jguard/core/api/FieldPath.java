package io.neo4jguard.core.api;

/**
 * Kubernetes-style field paths, as in {@code field.Path.String()}: {@code spec.topology.servers},
 * {@code spec.extraVolumeMounts[2].mountPath}, and a bracketed key when the key is not a plain
 * identifier: {@code spec.config[server.memory.heap.max_size]}, {@code metadata.labels[app.kubernetes.io/name]}.
 */
public final class FieldPath {

    private FieldPath() {
    }

    public static String child(String parent, String key) {
        if (!plain(key)) {
            return parent + "[" + key + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * {@code [A-Za-z_$][A-Za-z0-9_$-]*}, as a loop: every {@code Node.get} of every rule asks this, and a regex
     * here was the engine's hottest spot.
     */
    static boolean plain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
            boolean tail = (c >= '0' && c <= '9') || c == '-';
            if (!(letter || (i > 0 && tail))) {
                return false;
            }
        }
        return true;
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

    /**
     * The path of the parent, or "" for a top-level field. Exact unless the last key itself holds '[' or ']'
     * (as ambiguous as Kubernetes' own field paths); callers use it only to find the nearest located ancestor.
     */
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
