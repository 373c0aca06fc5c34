package io.neo4jguard.core.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.neo4jguard.core.api.FieldPath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lenient, path-carrying view of a JSON value, the "typed, lenient view" rules read through.
 * A missing field or a value of the wrong type reads as absent (structure errors are the schema
 * check's business), so a rule never throws on a surprising tree and every value knows its field
 * path for the finding.
 */
public final class Node {
    private final JsonNode json;
    /**
     * The field path, built on first {@link #path()}: rules walk many more nodes than they report on, and
     * building every walked node's path string eagerly was about an eighth of a webhook review's CPU (JFR,
     * docs/benchmarks.md "Server, session 3"). Until then {@link #parent} with {@link #key} (or
     * {@link #index} when the key is null) say where it is. A racy first computation is harmless: every
     * thread computes the same immutable string.
     */
    private String path;
    private final Node parent;
    private final String key;
    private final int index;

    private Node(JsonNode json, String path) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.parent = null;
        this.key = null;
        this.index = -1;
    }

    private Node(JsonNode json, Node parent, String key, int index) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public static Node root(JsonNode json) {
        return new Node(json, "");
    }

    public static Node at(JsonNode json, String path) {
        return new Node(json, path);
    }

    public String path() {
        String p = path;
        if (p == null) {
            p = key != null ? FieldPath.child(parent.path(), key) : FieldPath.index(parent.path(), index);
            path = p;
        }
        return p;
    }

    public JsonNode json() {
        return json;
    }

    /** The field {@code key} of an object; absent when this is not an object. */
    public Node get(String key) {
        JsonNode child = json.isObject() ? json.get(key) : null;
        return new Node(child, this, key, -1);
    }

    /** Walks plain keys: {@code spec.get("topology", "servers")}. */
    public Node get(String... keys) {
        Node n = this;
        for (String k : keys) {
            n = n.get(k);
        }
        return n;
    }

    public Node index(int i) {
        JsonNode child = json.isArray() ? json.get(i) : null;
        return new Node(child, this, null, i);
    }

    /** Present and not JSON null. */
    public boolean present() {
        return !json.isMissingNode() && !json.isNull();
    }

    public boolean isObject() {
        return json.isObject();
    }

    public boolean isArray() {
        return json.isArray();
    }

    public boolean isText() {
        return json.isTextual();
    }

    /** A string value; absent for anything else. */
    public Optional<String> text() {
        return json.isTextual() ? Optional.of(json.textValue()) : Optional.empty();
    }

    public String textOr(String fallback) {
        return json.isTextual() ? json.textValue() : fallback;
    }

    /** A string, or a scalar number/boolean rendered as text (for fields users write either way). */
    public Optional<String> scalarText() {
        if (json.isTextual()) {
            return Optional.of(json.textValue());
        }
        if (json.isNumber() || json.isBoolean()) {
            return Optional.of(json.asText());
        }
        return Optional.empty();
    }

    /** An integral number; absent for text, fractions and anything else. */
    public OptionalLong integer() {
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return OptionalLong.of(json.longValue());
        }
        return OptionalLong.empty();
    }

    public Optional<Boolean> bool() {
        return json.isBoolean() ? Optional.of(json.booleanValue()) : Optional.empty();
    }

    public boolean isTrue() {
        return json.isBoolean() && json.booleanValue();
    }

    /** Array elements with their index paths; empty for anything but an array. */
    public List<Node> items() {
        if (!json.isArray()) {
            return List.of();
        }
        List<Node> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), this, null, i));
        }
        return out;
    }

    /** Object fields in document order; empty for anything but an object. */
    public Map<String, Node> fields() {
        if (!json.isObject()) {
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new Node(e.getValue(), this, e.getKey(), -1));
        }
        return out;
    }

    public int size() {
        return json.isContainerNode() ? json.size() : 0;
    }

    @Override
    public String toString() {
        return path() + "=" + json;
    }
}
