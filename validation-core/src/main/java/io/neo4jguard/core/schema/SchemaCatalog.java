package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.InputStreamSource;
import io.neo4jguard.core.api.Kinds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas of the ten kinds, read once from the class path ({@code neo4j-guard/schemas/}, packaged
 * from {@code policies/schemas/}) and compiled by networknt. Immutable after loading, so one instance serves
 * every thread; networknt's compiled schemas are themselves safe for concurrent validation.
 *
 * <p>Draft 2020-12: it is networknt's default and most complete dialect, lets a {@code $ref} carry sibling
 * keywords (a description next to a shared type) and keeps shared types in {@code $defs}; the CRD generator
 * inlines those references when it writes structural schemas.
 */
final class SchemaCatalog {
    /** The {@code $id} prefix of every schema; relative references resolve against it. */
    static final String BASE = "https://neo4j-guard.io/schemas/v1beta1/";
    static final String RESOURCE_DIR = "neo4j-guard/schemas/";
    static final String COMMON = "common.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> documents;
    private final Map<String, JsonSchema> schemas;
    private final Map<String, FieldIndex> indexes;

    private SchemaCatalog(Map<String, JsonNode> documents, Map<String, JsonSchema> schemas,
                          Map<String, FieldIndex> indexes) {
        this.documents = documents;
        this.schemas = schemas;
        this.indexes = indexes;
    }

    /** The catalog of the packaged schemas, loaded on first use. */
    static SchemaCatalog standard() {
        return Holder.LOADED.get();
    }

    static String fileName(String kind) {
        return kind.toLowerCase(Locale.ROOT) + ".json";
    }

    Optional<JsonSchema> schema(String kind) {
        return Optional.ofNullable(schemas.get(kind));
    }

    /** Where each field name of the kind may appear (for "it belongs elsewhere" hints). */
    FieldIndex index(String kind) {
        return indexes.getOrDefault(kind, FieldIndex.EMPTY);
    }

    /** The raw schema node at a location, or a missing node. */
    JsonNode node(SchemaLocation location) {
        JsonNode n = documents.get(location.getAbsoluteIri().toString());
        if (n == null) {
            return MissingNode.getInstance();
        }
        JsonNodePath fragment = location.getFragment();
        for (int i = 0; i < fragment.getNameCount() && !n.isMissingNode(); i++) {
            Object e = fragment.getElement(i);
            n = e instanceof Integer idx ? n.path(idx) : n.path(String.valueOf(e));
        }
        return n;
    }

    /** The schema node one step up (the object schema that holds a keyword), or a missing node. */
    JsonNode parentNode(SchemaLocation location) {
        JsonNodePath fragment = location.getFragment();
        if (fragment.getNameCount() == 0) {
            return MissingNode.getInstance();
        }
        return node(new SchemaLocation(location.getAbsoluteIri(), fragment.getParent()));
    }

    /**
     * Follows {@code $ref} (relative to the document of {@code from}) until a schema without one, merging
     * nothing: the first description found on the way wins, so a description beside a {@code $ref} is kept.
     */
    Resolved resolve(JsonNode schema, AbsoluteIri from) {
        JsonNode n = schema;
        AbsoluteIri doc = from;
        String description = text(n, "description");
        for (int hops = 0; hops < 16 && n.hasNonNull("$ref"); hops++) {
            SchemaLocation target = SchemaLocation.of(SchemaLocation.resolve(new SchemaLocation(doc), n.get("$ref").asText()));
            doc = target.getAbsoluteIri();
            n = node(target);
            if (description == null) {
                description = text(n, "description");
            }
        }
        return new Resolved(n, doc, description);
    }

    /** A schema with its references followed, the document it lives in, and its description. */
    record Resolved(JsonNode schema, AbsoluteIri document, String description) {
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static final class Holder {
        static final Loaded LOADED = Loaded.attempt();
    }

    /** The outcome of loading, kept so a broken package fails every check clearly instead of once. */
    private record Loaded(SchemaCatalog catalog, RuntimeException failure) {
        static Loaded attempt() {
            try {
                return new Loaded(load(SchemaCatalog.class.getClassLoader()), null);
            } catch (RuntimeException e) {
                return new Loaded(null, e);
            }
        }

        SchemaCatalog get() {
            if (catalog == null) {
                throw new IllegalStateException("the packaged JSON Schemas could not be loaded: "
                        + failure.getMessage(), failure);
            }
            return catalog;
        }
    }

    static SchemaCatalog load(ClassLoader loader) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String file : files()) {
            byte[] b = read(loader, RESOURCE_DIR + file);
            bytes.put(BASE + file, b);
            try {
                documents.put(BASE + file, JSON.readTree(b));
            } catch (IOException e) {
                throw new UncheckedIOException("invalid JSON in schema " + file, e);
            }
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> source(bytes, iri))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // date-time is the only format we use (restore pointInTime); the API server checks it too.
                .formatAssertionsEnabled(true)
                // kubectl turns YAML 3.0 into JSON 3, which the API server takes as an integer.
                .losslessNarrowing(true)
                .build();
        Map<String, JsonSchema> schemas = new LinkedHashMap<>();
        Map<String, FieldIndex> indexes = new LinkedHashMap<>();
        SchemaCatalog partial = new SchemaCatalog(Collections.unmodifiableMap(documents), Map.of(), Map.of());
        for (String kind : Kinds.ALL) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + fileName(kind)), config);
            schema.initializeValidators();
            schemas.put(kind, schema);
            indexes.put(kind, FieldIndex.of(partial, AbsoluteIri.of(BASE + fileName(kind)),
                    documents.get(BASE + fileName(kind))));
        }
        return new SchemaCatalog(Collections.unmodifiableMap(documents), Collections.unmodifiableMap(schemas),
                Collections.unmodifiableMap(indexes));
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(COMMON);
        for (String kind : Kinds.ALL) {
            files.add(fileName(kind));
        }
        return files;
    }

    /**
     * Serves our own documents and refuses every other address under our base, so a broken reference is a
     * load error and never a network fetch. Other addresses (the draft 2020-12 meta-schema) fall through to
     * networknt's built-in copies.
     */
    private static InputStreamSource source(Map<String, byte[]> bytes, AbsoluteIri iri) {
        String key = iri.toString();
        byte[] b = bytes.get(key);
        if (b != null) {
            return () -> new ByteArrayInputStream(b);
        }
        if (key.startsWith(BASE)) {
            return () -> {
                throw new IOException("no packaged schema " + key);
            };
        }
        return null;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Property names of an object schema, in schema order. */
    static List<String> propertyNames(JsonNode objectSchema) {
        JsonNode props = objectSchema.path("properties");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
