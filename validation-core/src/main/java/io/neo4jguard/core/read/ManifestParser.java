package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one text (YAML or JSON, one or many documents) into {@link Resource}s, remembering for every
 * field the line and column of its key (or of the item, in a list). Empty documents are skipped;
 * {@code kind: List} documents (and any {@code *List} kind with an {@code items} list, as kubectl
 * treats them) are flattened into their items.
 *
 * <p>Like kubectl, text whose first non-blank character is <code>{</code> is read as a JSON stream;
 * so is any {@code .json} file. JSON goes through Jackson (tab indentation is fine there, YAML
 * refuses it); when the JSON reading fails the text is tried as YAML (a flow mapping is YAML too), and
 * if that fails as well the JSON error is reported. Everything else is YAML with kubectl's YAML 1.1
 * scalar typing ({@link KubectlScalars}).
 */
public final class ManifestParser {
    /**
     * The API server refuses requests over 3 MiB (etcd's 1.5 MiB object limit is lower still), so
     * one manifest file is never legitimately larger than a few times that; 64 MiB leaves room for
     * big {@code helm template} outputs while bounding memory for garbage input.
     */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    /** Nesting beyond this is no Kubernetes object (the deepest CRD schemas nest ~20 levels); it bounds work. */
    static final int MAX_DEPTH = 200;

    public List<Resource> parse(String file, String text) throws ReadException {
        return parseFile(file, text).resources();
    }

    /** The objects of one file plus, for {@code helm template} output, the template each came from. */
    public ManifestFile parseFile(String file, String text) throws ReadException {
        String name = file == null ? "" : file;
        String t = text == null ? "" : text;
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1); // a byte-order mark is not content
        }
        if (t.codePointCount(0, t.length()) > MAX_CODE_POINTS) {
            throw new ReadException(new Location(name, 0, 0), "larger than " + MAX_CODE_POINTS
                    + " characters; no Kubernetes manifest is that large");
        }
        List<YamlDocuments.Document> documents = documents(name, t);
        HelmSources sources = new HelmSources(t);
        List<Resource> out = new ArrayList<>();
        Map<Resource, String> templates = new IdentityHashMap<>();
        int previousEnd = 0;
        for (YamlDocuments.Document d : documents) {
            String template = sources.isEmpty() ? null : sources.template(previousEnd, d.start().line());
            previousEnd = d.endLine();
            List<Resource> objects = new ArrayList<>();
            addObject(name, d.index(), d.tree(), d.locations(), d.start(), objects, 0);
            for (Resource r : objects) {
                out.add(r);
                if (template != null) {
                    templates.put(r, template);
                }
            }
        }
        return new ManifestFile(name, out, templates);
    }

    /** A JSON object starts with a quoted key or is empty; <code>{a: 1}</code> is a YAML flow mapping. */
    private static final Pattern JSON_START = Pattern.compile("\\s*\\{\\s*[\"}].*", Pattern.DOTALL);

    private static List<YamlDocuments.Document> documents(String file, String text) throws ReadException {
        boolean jsonFile = file.toLowerCase(Locale.ROOT).endsWith(".json");
        if (!jsonFile && !text.stripLeading().startsWith("{")) {
            return YamlDocuments.read(file, text);
        }
        try {
            return JsonDocuments.read(file, text);
        } catch (JsonDocuments.NotJson notJson) {
            try {
                return YamlDocuments.read(file, text);
            } catch (ReadException yamlError) {
                // Report in the language the text was written in.
                throw jsonFile || JSON_START.matcher(text).matches() ? notJson.error : yamlError;
            }
        }
    }

    private static void addObject(String file, int document, ObjectNode obj, Map<String, Location> locations,
                                  Location start, List<Resource> out, int depth) throws ReadException {
        JsonNode items = obj.get("items");
        String kind = obj.path("kind").asText("");
        if (kind.endsWith("List") && items != null && items.isArray() && depth < MAX_DEPTH) {
            for (int i = 0; i < items.size(); i++) {
                String prefix = FieldPath.index("items", i);
                Location at = locations.getOrDefault(prefix, start);
                if (!(items.get(i) instanceof ObjectNode item)) {
                    throw new ReadException(at, "item " + i + " of the " + kind + " is " + YamlDocuments.describe(
                            items.get(i)) + ", not a Kubernetes object");
                }
                Map<String, Location> sub = new HashMap<>();
                locations.forEach((path, loc) -> {
                    if (path.equals(prefix)) {
                        sub.put("", loc);
                    } else if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
                        String rest = path.substring(prefix.length());
                        sub.put(rest.startsWith(".") ? rest.substring(1) : rest, loc);
                    }
                });
                addObject(file, document, item, sub, at, out, depth + 1);
            }
            return;
        }
        out.add(new Resource(obj, file, document, locations));
    }
}
