package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For one kind, every field name its schema knows and the object paths where that name is allowed
 * ({@code servers} → {@code spec.topology}). An unknown field that is a known name in the wrong place
 * ({@code spec.servers}) then gets the hint "it belongs under spec.topology" instead of a bare warning.
 * Paths are written like field paths with {@code []} for list items and {@code [*]} for map values.
 */
final class FieldIndex {
    static final FieldIndex EMPTY = new FieldIndex(Map.of());

    /** Our schemas nest about eight levels; the bound only guards against a recursive schema. */
    private static final int MAX_DEPTH = 24;

    private final Map<String, Set<String>> parentsByName;

    private FieldIndex(Map<String, Set<String>> parentsByName) {
        this.parentsByName = parentsByName;
    }

    static FieldIndex of(SchemaCatalog catalog, AbsoluteIri document, JsonNode root) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        walk(catalog, document, root, "", 0, out);
        return new FieldIndex(Map.copyOf(out));
    }

    /** The object paths (other than {@code exceptAt}) where {@code name} is a known field, sorted. */
    List<String> placesOf(String name, String exceptAt) {
        List<String> places = new ArrayList<>();
        for (String p : parentsByName.getOrDefault(name, Set.of())) {
            if (!p.equals(exceptAt)) {
                places.add(p);
            }
        }
        return places;
    }

    private static void walk(SchemaCatalog catalog, AbsoluteIri document, JsonNode schema, String path, int depth,
                             Map<String, Set<String>> out) {
        if (depth > MAX_DEPTH) {
            return;
        }
        SchemaCatalog.Resolved r = catalog.resolve(schema, document);
        JsonNode s = r.schema();
        JsonNode props = s.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (path.isEmpty() && e.getKey().equals("status")) {
                continue;
            }
            out.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(path.isEmpty() ? "the top level" : path);
            walk(catalog, r.document(), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    depth + 1, out);
        }
        if (s.path("items").isObject()) {
            walk(catalog, r.document(), s.get("items"), path + "[]", depth + 1, out);
        }
        if (s.path("additionalProperties").isObject()) {
            walk(catalog, r.document(), s.get("additionalProperties"), path + "[*]", depth + 1, out);
        }
    }
}
