package io.neo4jguard.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as read: its JSON tree and, for every field, where it stands in the source.
 * The tree is never changed by the engine (mutation produces patches, not edits).
 */
public final class Resource {
    /** Where an object whose manifest names no namespace is created. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final ObjectNode tree;
    private final String file;
    private final int document;
    private final Map<String, Location> locations;

    /**
     * @param tree      the object
     * @param file      source name ("-" for stdin)
     * @param document  0-based index of the YAML document in the file
     * @param locations field path ({@link FieldPath}) to the location of its value; "" is the object itself
     */
    public Resource(ObjectNode tree, String file, int document, Map<String, Location> locations) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.file = file == null ? "" : file;
        this.document = document;
        this.locations = Map.copyOf(locations);
    }

    /** An object with no source (built in code, or from an AdmissionReview). */
    public static Resource of(ObjectNode tree) {
        return new Resource(tree, "", 0, Map.of());
    }

    public ObjectNode tree() {
        return tree;
    }

    public String file() {
        return file;
    }

    public int document() {
        return document;
    }

    public String apiVersion() {
        return tree.path("apiVersion").asText("");
    }

    public String kind() {
        return tree.path("kind").asText("");
    }

    public String name() {
        return tree.path("metadata").path("name").asText("");
    }

    /** The namespace as written; empty when the manifest leaves it to the context. */
    public String namespace() {
        return tree.path("metadata").path("namespace").asText("");
    }

    /**
     * The namespace the object lands in: as written, or {@value #DEFAULT_NAMESPACE} when the manifest has none
     * (what {@code kubectl apply} does with the default context). References, policies, reports and patches
     * all name the object by this.
     */
    public String effectiveNamespace() {
        return effectiveNamespace(namespace());
    }

    /** {@code written}, or {@value #DEFAULT_NAMESPACE} when it is null or empty. */
    public static String effectiveNamespace(String written) {
        return written == null || written.isEmpty() ? DEFAULT_NAMESPACE : written;
    }

    public JsonNode metadata() {
        return tree.path("metadata");
    }

    public String annotation(String key) {
        JsonNode v = tree.path("metadata").path("annotations").path(key);
        return v.isTextual() ? v.asText() : null;
    }

    /** {@code metadata.creationTimestamp}; empty for an object not yet created (a manifest, a CREATE review). */
    public java.util.Optional<java.time.Instant> createdAt() {
        JsonNode ts = tree.path("metadata").path("creationTimestamp");
        if (!ts.isTextual()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.Instant.parse(ts.textValue()));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * True when this object was created before {@code other}; an object without a timestamp is "not yet
     * created", so it is never older. Used where two objects claim the same thing and the older one keeps it.
     */
    public boolean createdBefore(Resource other) {
        java.util.Optional<java.time.Instant> mine = createdAt();
        java.util.Optional<java.time.Instant> theirs = other.createdAt();
        return mine.isPresent() && (theirs.isEmpty() || mine.get().isBefore(theirs.get()));
    }

    public boolean isOurs() {
        return Kinds.isOurs(apiVersion(), kind());
    }

    /** {@code kind/name}, as printed in reports. */
    public String displayName() {
        return kind() + "/" + name();
    }

    /** Where the field stands, or its nearest present ancestor, or the object's start. */
    public Location locate(String fieldPath) {
        String p = fieldPath == null ? "" : fieldPath;
        while (true) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return new Location(file, 0, 0);
            }
            p = FieldPath.parent(p);
        }
    }

    public Map<String, Location> locations() {
        return locations;
    }

    @Override
    public String toString() {
        return displayName() + (file.isEmpty() ? "" : " (" + file + ")");
    }
}
