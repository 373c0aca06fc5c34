package io.neo4jguard.reconciler.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The controller's JSON log: one object per line with the webhook's keys ({@code ts}, {@code level}, {@code msg},
 * then snake_case fields such as {@code kind}, {@code namespace}, {@code name}, {@code result},
 * {@code duration_ms}). Callers pass identifiers and reasons, never object contents: a Secret's data cannot reach
 * a line through this class.
 */
public final class ReconcileLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> sink;

    public ReconcileLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public static ReconcileLog to(PrintStream out) {
        return new ReconcileLog(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
    }

    public static ReconcileLog discard() {
        return new ReconcileLog(line -> { });
    }

    public void info(String msg, Map<String, ?> fields) {
        write("info", msg, fields);
    }

    public void warn(String msg, Map<String, ?> fields) {
        write("warn", msg, fields);
    }

    public void error(String msg, Map<String, ?> fields) {
        write("error", msg, fields);
    }

    private void write(String level, String msg, Map<String, ?> fields) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ts", Instant.now().toString());
        n.put("level", level);
        n.put("msg", msg);
        fields.forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
        try {
            sink.accept(JSON.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            sink.accept("{\"level\":\"error\",\"msg\":\"unloggable line\"}");
        }
    }
}
