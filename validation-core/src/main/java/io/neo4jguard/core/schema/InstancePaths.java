package io.neo4jguard.core.schema;

import com.networknt.schema.JsonNodePath;
import io.neo4jguard.core.api.FieldPath;

/** networknt instance locations as Kubernetes field paths and as JSON Pointers (for fixes). */
final class InstancePaths {
    private InstancePaths() {
    }

    /** {@code /spec/config/server.memory.heap.max_size} → {@code spec.config[server.memory.heap.max_size]}. */
    static String field(JsonNodePath path) {
        String p = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            p = e instanceof Integer idx ? FieldPath.index(p, idx) : FieldPath.child(p, String.valueOf(e));
        }
        return p;
    }

    /** RFC 6901 pointer of the location. */
    static String pointer(JsonNodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            b.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return b.toString();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
