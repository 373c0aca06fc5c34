package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The tree the API server actually validates: a copy without {@code status} (ignored on create and update
 * of the main resource) and without fields whose value is null (the API server drops them before
 * validation when the schema does not say nullable, so {@code env:} with nothing after it applies fine).
 */
final class ForValidation {
    private ForValidation() {
    }

    static ObjectNode copy(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("status");
        // Iterative, so a deep tree from an admission request cannot exhaust the stack here.
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(copy);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNull()) {
                        it.remove();
                    } else if (e.getValue().isContainerNode()) {
                        todo.push(e.getValue());
                    }
                }
            } else if (n.isArray()) {
                for (JsonNode item : n) {
                    if (item.isContainerNode()) {
                        todo.push(item);
                    }
                }
            }
        }
        return copy;
    }
}
