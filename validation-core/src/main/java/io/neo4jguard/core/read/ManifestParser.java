package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses one text (YAML or JSON, one or many documents) into {@link Resource}s, remembering for every
 * field the line and column of its key (or of the item, in a list). Empty documents are skipped;
 * {@code kind: List} documents are flattened into their items.
 */
public final class ManifestParser {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The API server refuses requests over 3 MiB (etcd's 1.5 MiB object limit is lower still), so
     * one manifest file is never legitimately larger than a few times that; 64 MiB leaves room for
     * big {@code helm template} outputs while bounding memory for garbage input.
     */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    /** Same bound as go-yaml's alias expansion guard against "billion laughs" documents. */
    static final int MAX_ALIASES = 100;

    /** Nesting beyond this is no Kubernetes object; it bounds recursion. */
    static final int MAX_DEPTH = 200;

    public List<Resource> parse(String file, String text) throws ReadException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        List<Resource> out = new ArrayList<>();
        int document = 0;
        try {
            Iterator<Node> docs = new Compose(settings).composeAllFromString(text).iterator();
            while (docs.hasNext()) {
                Node root = docs.next();
                int index = document++;
                if (root == null || isNull(root)) {
                    continue;
                }
                if (!(root instanceof MappingNode)) {
                    throw new ReadException(location(file, root), "expected a Kubernetes object (a mapping "
                            + "with apiVersion and kind), found a " + describe(root));
                }
                Map<String, Location> locations = new HashMap<>();
                locations.put("", location(file, root));
                JsonNode json = convert(file, root, "", locations, new IdentityHashMap<>(), 0);
                addObject(file, index, (ObjectNode) json, locations, out);
            }
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().map(m -> location(file, m))
                    .or(() -> e.getContextMark().map(m -> location(file, m)))
                    .orElse(new Location(file, 0, 0));
            throw new ReadException(at, "invalid YAML: " + firstLine(e.getProblem() == null
                    ? e.getMessage() : e.getProblem()));
        } catch (YamlEngineException e) {
            throw new ReadException(new Location(file, 0, 0), "invalid YAML: " + firstLine(e.getMessage()));
        }
        return out;
    }

    private static void addObject(String file, int document, ObjectNode obj, Map<String, Location> locations,
                                  List<Resource> out) {
        JsonNode items = obj.get("items");
        String kind = obj.path("kind").asText("");
        if (kind.endsWith("List") && obj.path("apiVersion").asText("").equals("v1") && items != null
                && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ObjectNode item) {
                    String prefix = FieldPath.index("items", i);
                    Map<String, Location> sub = new HashMap<>();
                    locations.forEach((path, loc) -> {
                        if (path.equals(prefix)) {
                            sub.put("", loc);
                        } else if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
                            String rest = path.substring(prefix.length());
                            sub.put(rest.startsWith(".") ? rest.substring(1) : rest, loc);
                        }
                    });
                    out.add(new Resource(item, file, document, sub));
                }
            }
            return;
        }
        out.add(new Resource(obj, file, document, locations));
    }

    private JsonNode convert(String file, Node node, String path, Map<String, Location> locations,
                             IdentityHashMap<Node, Boolean> active, int depth) throws ReadException {
        if (depth > MAX_DEPTH) {
            throw new ReadException(location(file, node), "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (active.containsKey(node)) {
            throw new ReadException(location(file, node), "recursive YAML alias");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        active.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode seq) {
                ArrayNode array = F.arrayNode();
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size(); i++) {
                    String child = FieldPath.index(path, i);
                    locations.putIfAbsent(child, location(file, items.get(i)));
                    array.add(convert(file, items.get(i), child, locations, active, depth + 1));
                }
                return array;
            }
            MappingNode map = (MappingNode) node;
            ObjectNode obj = F.objectNode();
            List<NodeTuple> merges = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                Node keyNode = t.getKeyNode();
                if (keyNode instanceof ScalarNode k && k.getScalarStyle() == ScalarStyle.PLAIN
                        && "<<".equals(k.getValue())) {
                    merges.add(t);
                    continue;
                }
                if (!(keyNode instanceof ScalarNode k)) {
                    throw new ReadException(location(file, keyNode), "mapping keys must be strings, found a "
                            + describe(keyNode));
                }
                String key = k.getValue();
                String child = FieldPath.child(path, key);
                locations.put(child, location(file, keyNode));
                obj.set(key, convert(file, t.getValueNode(), child, locations, active, depth + 1));
            }
            for (NodeTuple merge : merges) {
                merge(file, merge.getValueNode(), obj, path, locations, active, depth);
            }
            return obj;
        } finally {
            active.remove(node);
        }
    }

    /** YAML 1.1 merge keys ({@code <<: *base}), which go-yaml (and so kubectl) supports: explicit keys win. */
    private void merge(String file, Node source, ObjectNode into, String path, Map<String, Location> locations,
                       IdentityHashMap<Node, Boolean> active, int depth) throws ReadException {
        List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
        for (Node s : sources) {
            JsonNode value = convert(file, s, path, new HashMap<>(), active, depth + 1);
            if (!(value instanceof ObjectNode fields)) {
                throw new ReadException(location(file, s), "a merge key (<<) needs a mapping or a list of mappings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!into.has(e.getKey())) {
                    into.set(e.getKey(), e.getValue());
                    locations.putIfAbsent(FieldPath.child(path, e.getKey()), location(file, s));
                }
            }
        }
    }

    private static JsonNode scalar(ScalarNode s) {
        Tag tag = s.getTag();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return F.textNode(s.getValue());
        }
        if (tag.equals(Tag.STR) && !s.isPlain()) {
            return F.textNode(s.getValue());
        }
        if (tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
                || tag.equals(Tag.NULL)) {
            return KubectlScalars.plain(s.getValue());
        }
        // Explicit tags (!!binary, custom tags): kubectl keeps the text.
        return F.textNode(s.getValue());
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
                && KubectlScalars.plain(s.getValue()).isNull();
    }

    private static String describe(Node n) {
        if (n instanceof SequenceNode) {
            return "list";
        }
        if (n instanceof MappingNode) {
            return "mapping";
        }
        return "scalar '" + firstLine(((ScalarNode) n).getValue()) + "'";
    }

    private static Location location(String file, Node n) {
        Optional<Mark> m = n.getStartMark();
        return m.map(mark -> location(file, mark)).orElse(new Location(file, 0, 0));
    }

    private static Location location(String file, Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
