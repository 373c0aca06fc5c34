package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns networknt's validation messages into findings in Kubernetes field-error style: the path as a field
 * path, the missing field's own path for a required error, one message per problem (a type error hides the
 * enum or pattern error networknt also reports for the same value), and a hint that says how to fix it.
 */
final class SchemaErrors {
    /** How many known field names an unknown-field hint lists before "...". */
    private static final int LISTED_NAMES = 8;

    /**
     * Fields the operator renamed (v1.13 scope API: instanceRef with database/allDatabases replaced the
     * per-kind target fields); edit distance cannot find these, so they are named here.
     */
    private static final Map<String, Map<String, String>> REPLACED = Map.of(
            "Neo4jRestore", Map.of(
                    "spec.clusterRef", "spec.instanceRef",
                    "spec.databaseName", "spec.database"),
            "Neo4jBackup", Map.of(
                    "spec.target", "spec.instanceRef with spec.database, spec.allDatabases or spec.shardedDatabase"));

    private final SchemaCatalog catalog;
    private final String kind;
    private final JsonNode document;

    SchemaErrors(SchemaCatalog catalog, String kind, JsonNode document) {
        this.catalog = catalog;
        this.kind = kind;
        this.document = document;
    }

    List<Violation> translate(Set<ValidationMessage> messages) {
        List<ValidationMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(m -> String.valueOf(m.getType()))
                .thenComparing(m -> String.valueOf(m.getProperty())));
        Set<String> typeErrors = ordered.stream().filter(m -> "type".equals(m.getType()))
                .map(m -> m.getInstanceLocation().toString()).collect(Collectors.toSet());
        Set<List<Object>> seen = new HashSet<>();
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : ordered) {
            Violation v = switch (String.valueOf(m.getType())) {
                case "required" -> required(m);
                case "additionalProperties" -> unknown(m);
                case "type" -> type(m);
                default -> typeErrors.contains(m.getInstanceLocation().toString()) ? null : invalid(m);
            };
            if (v != null && seen.add(List.of(v.rule().id(), v.field(), v.message()))) {
                out.add(v);
            }
        }
        return out;
    }

    private Violation required(ValidationMessage m) {
        String name = propertyName(m);
        JsonNodePath parent = m.getInstanceLocation();
        String parentField = InstancePaths.field(parent);
        String field = FieldPath.child(parentField, name);
        JsonNode objectSchema = catalog.parentNode(m.getSchemaLocation());
        SchemaCatalog.Resolved property = catalog.resolve(objectSchema.path("properties").path(name),
                m.getSchemaLocation().getAbsoluteIri());
        String detail = property.description() == null ? name + " must be set" : sentence(property.description());
        String hint = misspellingOf(name, m.getInstanceNode(), objectSchema)
                .map(typo -> FieldPath.child(parentField, typo) + " looks like a misspelling of " + name
                        + "; rename it")
                .orElse("add " + name + (parentField.isEmpty() ? " at the top level" : " under " + parentField));
        return new Violation(StructureCheck.REQUIRED, field, Messages.required(detail), hint, List.of());
    }

    private Violation unknown(ValidationMessage m) {
        String name = propertyName(m);
        JsonNodePath parent = m.getInstanceLocation();
        String parentField = InstancePaths.field(parent);
        String field = FieldPath.child(parentField, name);
        List<String> known = SchemaCatalog.propertyNames(catalog.parentNode(m.getSchemaLocation()));
        Optional<String> suggestion = Suggestions.closest(name, known);
        Optional<String> prefix = suggestion.isPresent() ? Optional.empty() : Suggestions.prefixOf(name, known);
        StringBuilder message = new StringBuilder("Unknown field: ").append(Messages.quote(field))
                .append(": the API server would prune it silently");
        suggestion.or(() -> prefix)
                .ifPresent(s -> message.append("; did you mean ").append(Messages.quote(s)).append('?'));
        String hint;
        List<PatchOperation> fix = List.of();
        String replaced = REPLACED.getOrDefault(kind, Map.of()).get(field);
        if (suggestion.isPresent()) {
            hint = "rename it to " + suggestion.get();
            JsonNode parentNode = m.getInstanceNode();
            JsonNode value = parentNode == null ? null : parentNode.get(name);
            if (value != null && !parentNode.has(suggestion.get())) {
                String at = InstancePaths.pointer(parent);
                fix = List.of(PatchOperation.add(at + "/" + InstancePaths.escape(suggestion.get()), value),
                        PatchOperation.remove(at + "/" + InstancePaths.escape(name)));
            }
        } else if (replaced != null) {
            hint = "the operator replaced " + field + " with " + replaced;
        } else if (prefix.isPresent()) {
            // No fix: the content of a spelled-out field rarely fits the short one as it is.
            hint = "move its content under " + FieldPath.child(parentField, prefix.get())
                    + " (check the field names there)";
        } else {
            List<String> places = catalog.index(kind).placesOf(name, parentField);
            if (!places.isEmpty()) {
                hint = name + " is a field of " + String.join(", ", places.subList(0, Math.min(3, places.size())))
                        + "; move it there";
            } else if (known.isEmpty()) {
                hint = "remove it";
            } else {
                hint = "remove it; fields allowed here: " + String.join(", ",
                        known.subList(0, Math.min(LISTED_NAMES, known.size())))
                        + (known.size() > LISTED_NAMES ? ", ..." : "");
            }
        }
        return new Violation(StructureCheck.UNKNOWN_FIELD, field, message.toString(), hint, fix);
    }

    private Violation type(ValidationMessage m) {
        JsonNode value = valueOf(m);
        JsonNode property = catalog.parentNode(m.getSchemaLocation());
        TypeMismatch.Outcome o = TypeMismatch.of(value, m.getSchemaNode() == null
                ? MissingNode.getInstance() : m.getSchemaNode(), property);
        List<PatchOperation> fix = o.fix() == null ? List.of()
                : List.of(PatchOperation.replace(InstancePaths.pointer(m.getInstanceLocation()), o.fix()));
        return new Violation(StructureCheck.INVALID, InstancePaths.field(m.getInstanceLocation()), o.message(),
                o.hint(), fix);
    }

    private Violation invalid(ValidationMessage m) {
        JsonNode value = valueOf(m);
        JsonNode keyword = m.getSchemaNode() == null
                ? MissingNode.getInstance() : m.getSchemaNode();
        String field = InstancePaths.field(m.getInstanceLocation());
        String pointer = InstancePaths.pointer(m.getInstanceLocation());
        String type = String.valueOf(m.getType());
        switch (type) {
            case "enum", "const" -> {
                List<String> allowed = new ArrayList<>();
                if (keyword.isArray()) {
                    keyword.forEach(e -> allowed.add(e.isTextual() ? e.textValue() : e.toString()));
                } else {
                    allowed.add(keyword.isTextual() ? keyword.textValue() : keyword.toString());
                }
                String text = value.isTextual() ? value.textValue() : value.toString();
                String message = Messages.notSupported(text, allowed);
                Optional<String> close = allowed.stream().filter(a -> a.equalsIgnoreCase(text)).findFirst()
                        .or(() -> Suggestions.closest(text, allowed));
                if (close.isPresent() && value.isTextual()) {
                    return new Violation(StructureCheck.INVALID, field, message,
                            "did you mean " + Messages.quote(close.get()) + "?",
                            List.of(PatchOperation.replace(pointer,
                                    TextNode.valueOf(close.get()))));
                }
                return new Violation(StructureCheck.INVALID, field, message, "use one of the supported values",
                        List.of());
            }
            case "pattern" -> {
                return new Violation(StructureCheck.INVALID, field,
                        Messages.invalid(value, "must match the regular expression " + keyword.asText()),
                        PatternHints.forPattern(keyword.asText()), List.of());
            }
            case "minimum" -> {
                return plain(field, value, "must be greater than or equal to " + keyword.asText());
            }
            case "maximum" -> {
                return plain(field, value, "must be less than or equal to " + keyword.asText());
            }
            case "exclusiveMinimum" -> {
                return plain(field, value, "must be greater than " + keyword.asText());
            }
            case "exclusiveMaximum" -> {
                return plain(field, value, "must be less than " + keyword.asText());
            }
            case "minLength" -> {
                int n = keyword.asInt();
                return plain(field, value, n <= 1 ? "must not be empty" : "must be at least " + n + " characters long");
            }
            case "maxLength" -> {
                String text = value.isTextual() ? value.textValue() : value.toString();
                return new Violation(StructureCheck.INVALID, field, Messages.tooLong(text, keyword.asInt()),
                        "shorten it to at most " + keyword.asInt() + " characters", List.of());
            }
            case "minItems" -> {
                int n = keyword.asInt();
                return plain(field, value, "must have at least " + n + (n == 1 ? " item" : " items"));
            }
            case "maxItems" -> {
                return new Violation(StructureCheck.INVALID, field, "Too many: " + value.size()
                        + ": must have at most " + keyword.asInt() + " items", "", List.of());
            }
            case "format" -> {
                String format = keyword.asText();
                String detail = "date-time".equals(format)
                        ? "must be an RFC 3339 date-time such as \"2025-01-04T12:30:00Z\""
                        : "must be a valid " + format;
                return plain(field, value, detail);
            }
            default -> {
                return plain(field, value, withoutLocation(m));
            }
        }
    }

    private static Violation plain(String field, JsonNode value, String detail) {
        return new Violation(StructureCheck.INVALID, field, Messages.invalid(value, detail), "", List.of());
    }

    /** The offending value as validated (networknt hands it over; the document is the fallback). */
    private JsonNode valueOf(ValidationMessage m) {
        JsonNode v = m.getInstanceNode();
        if (v != null) {
            return v;
        }
        return document.at(InstancePaths.pointer(m.getInstanceLocation()));
    }

    private static String propertyName(ValidationMessage m) {
        if (m.getProperty() != null) {
            return m.getProperty();
        }
        Object[] args = m.getArguments();
        return args != null && args.length > 0 ? String.valueOf(args[0]) : "";
    }

    /** A key of the object that is not a known field and is one slip away from {@code missing}. */
    private static Optional<String> misspellingOf(String missing, JsonNode object, JsonNode objectSchema) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>(SchemaCatalog.propertyNames(objectSchema));
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key) && Suggestions.closest(key, known).filter(missing::equals).isPresent()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * The first sentence of a schema description as the detail of "Required value: ...": first letter
     * lower-case, no final dot. A sentence ends at ". " before a capital, so "e.g. neo4j" does not end it.
     */
    static String sentence(String description) {
        String s = description.strip();
        for (int i = 0; i + 2 < s.length(); i++) {
            if (s.charAt(i) == '.' && s.charAt(i + 1) == ' ' && Character.isUpperCase(s.charAt(i + 2))) {
                s = s.substring(0, i);
                break;
            }
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /** networknt prefixes its messages with the instance location; ours carry the path separately. */
    private static String withoutLocation(ValidationMessage m) {
        String text = String.valueOf(m.getMessage());
        String prefix = m.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
