package io.neo4jguard.core.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Location;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON manifests, read with Jackson's streaming parser so that tab indentation (which YAML forbids)
 * is fine and every field gets the location of its token. One or more top-level objects, as kubectl
 * reads a JSON stream. Duplicate keys and numbers beyond float64 are refused (kubectl's JSON decoding
 * cannot represent the latter).
 */
final class JsonDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ManifestParser.MAX_DEPTH + 1)
                    .maxNumberLength(KubectlScalars.MAX_NUMBER_CHARS)
                    .build())
            .build();

    private final String file;
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private int values;

    private JsonDocuments(String file) {
        this.file = file;
    }

    /** The text is not JSON at all (as opposed to JSON that breaks a rule): the caller may try YAML. */
    static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ReadException error;

        NotJson(ReadException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    static List<YamlDocuments.Document> read(String file, String text) throws ReadException, NotJson {
        List<YamlDocuments.Document> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonDocuments doc = new JsonDocuments(file);
                Location start = doc.location(p.currentTokenLocation());
                if (t != JsonToken.START_OBJECT) {
                    throw new ReadException(start, "expected a Kubernetes object (a JSON object with apiVersion and "
                            + "kind), found " + describe(t));
                }
                doc.locations.put("", start);
                ObjectNode tree = (ObjectNode) doc.value(p, "", 0);
                out.add(new YamlDocuments.Document(index++, tree, doc.locations, start,
                        p.currentTokenLocation().getLineNr()));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? new Location(file, 0, 0) : new Location(file, Math.max(0, l.getLineNr()),
                    Math.max(0, l.getColumnNr()));
            ReadException error = new ReadException(at, "invalid JSON: " + YamlDocuments.firstLine(e.getOriginalMessage()));
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw error; // valid JSON syntax that breaks a rule: YAML would refuse it the same way
            }
            throw new NotJson(error);
        } catch (IOException e) {
            throw new ReadException(new Location(file, 0, 0), "cannot read JSON: " + e.getMessage());
        }
        return out;
    }

    /** The value at the current token; its own location has been recorded by the caller. */
    private JsonNode value(JsonParser p, String path, int depth) throws IOException, ReadException {
        Location at = location(p.currentTokenLocation());
        if (++values > YamlDocuments.MAX_VALUES) {
            throw new ReadException(at, "document has more than " + YamlDocuments.MAX_VALUES + " values");
        }
        if (depth > ManifestParser.MAX_DEPTH) {
            throw new ReadException(at, "nesting deeper than " + ManifestParser.MAX_DEPTH + " levels");
        }
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = F.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = FieldPath.child(path, key);
                    locations.put(child, location(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(key, value(p, child, depth + 1));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = F.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = FieldPath.index(path, a.size());
                    locations.put(child, location(p.currentTokenLocation()));
                    a.add(value(p, child, depth + 1));
                }
                return a;
            }
            case VALUE_STRING -> {
                return F.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return integer(p);
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal d = p.getDecimalValue();
                if (Double.isInfinite(d.doubleValue())) {
                    throw new ReadException(at, "number " + p.getText() + " is out of range for a float64");
                }
                return F.numberNode(d);
            }
            case VALUE_TRUE -> {
                return F.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return F.booleanNode(false);
            }
            case VALUE_NULL -> {
                return F.nullNode();
            }
            default -> throw new ReadException(at, "unexpected JSON token " + p.currentToken());
        }
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> F.numberNode(p.getIntValue());
            case LONG -> F.numberNode(p.getLongValue());
            default -> F.numberNode(p.getBigIntegerValue());
        };
    }

    private Location location(JsonLocation l) {
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
