package io.neo4jguard.webhook.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object per line, for log collectors. Values are what the caller passes: callers pass
 * identifiers (uid, kind, names, rule IDs), never object contents, so a Secret's data cannot reach a
 * log line by way of this class.
 */
public final class JsonLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> sink;

    public JsonLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public static JsonLog to(PrintStream out) {
        return new JsonLog(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
    }

    public ObjectNode line(String level, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put(LogKeys.TIME, Instant.now().toString());
        n.put(LogKeys.LEVEL, level);
        n.put(LogKeys.MESSAGE, message);
        return n;
    }

    public void write(ObjectNode line) {
        try {
            sink.accept(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            sink.accept("{\"level\":\"error\",\"msg\":\"unloggable line\"}");
        }
    }

    public void info(String message, Map<String, ?> fields) {
        log("info", message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        log("warn", message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        log("error", message, fields);
    }

    private void log(String level, String message, Map<String, ?> fields) {
        ObjectNode n = line(level, message);
        fields.forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
        write(n);
    }
}
