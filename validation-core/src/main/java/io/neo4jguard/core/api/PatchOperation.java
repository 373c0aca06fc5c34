package io.neo4jguard.core.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One RFC 6902 operation. {@code path} is a JSON Pointer (RFC 6901); value is null for remove. */
public record PatchOperation(String op, String path, JsonNode value) {
    public static PatchOperation add(String path, JsonNode value) {
        return new PatchOperation("add", path, value);
    }

    public static PatchOperation replace(String path, JsonNode value) {
        return new PatchOperation("replace", path, value);
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation("remove", path, null);
    }
}
