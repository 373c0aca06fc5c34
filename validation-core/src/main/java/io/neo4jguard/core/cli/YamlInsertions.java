package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies add-only JSON Patches to the YAML text they were computed from, as text insertions: new keys go
 * into the existing mappings, after their last entry, in the mapping's own style (a block entry at the
 * indentation of its siblings, or {@code , key: value} inside a flow {@code {...}}); everything else in the
 * file, comments, key order, quoting, blank lines, document markers, stays byte for byte.
 *
 * <p>Refuses (empty result, with the reason) what text insertion cannot do faithfully: a path through a YAML
 * anchor or alias (an insertion into an anchored mapping would change every alias of it), through a merge
 * key, or an operation other than {@code add} of an absent key or {@code replace} of a null. The caller then
 * writes the objects from their trees instead.
 */
final class YamlInsertions {
    /** An edit of the text: replace [start, end) with {@code text}; order breaks ties at one offset. */
    private record Edit(int start, int end, String text, int order) {
    }

    /** Why the text could not be edited in place. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String text;
    private final String eol;
    private final List<Edit> edits = new ArrayList<>();
    /** Flow mappings this edit already added an entry to (the next one needs a comma even if it was empty). */
    private final java.util.Set<YamlOutline.YNode> grown = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());

    private YamlInsertions(String text) {
        this.text = text;
        this.eol = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /**
     * The text with every object's patch applied.
     *
     * @param resources the objects read from {@code text}, in order (their {@link Resource#document()} indexes
     *                  count every document, empty ones too, and {@code kind: List} items share their
     *                  document)
     * @param patches   the patch of each object that has one
     */
    static String apply(String text, List<Resource> resources, Map<Resource, List<PatchOperation>> patches)
            throws Refused {
        YamlInsertions y = new YamlInsertions(text);
        List<YamlOutline.Doc> docs;
        try {
            docs = YamlOutline.read(text);
        } catch (YamlEngineException e) {
            throw new Refused("the text is not YAML the editor can read");
        }
        Map<Resource, YamlOutline.YNode> nodes = YamlOutline.objects(docs, resources);
        if (nodes == null) {
            throw new Refused("the documents do not line up with the objects read");
        }
        for (Resource r : resources) {
            List<PatchOperation> ops = patches.getOrDefault(r, List.of());
            for (PatchOperation op : ops) {
                y.place(nodes.get(r), op);
            }
        }
        return y.result();
    }

    private void place(YamlOutline.YNode object, PatchOperation op) throws Refused {
        String[] segments = op.path().substring(1).split("/", -1);
        YamlOutline.YNode parent = object;
        YamlOutline.YNode grandparent = null;
        for (int i = 0; i < segments.length - 1; i++) {
            requireEditable(parent);
            if (parent.type != YamlOutline.Type.MAP) {
                throw new Refused("the path " + op.path() + " leads through a list or a scalar");
            }
            YamlOutline.YNode child = parent.get(unescape(segments[i]))
                    .orElseThrow(() -> new Refused("the path " + op.path() + " is not written out in the text "
                            + "(a merge key supplies it)"));
            grandparent = parent;
            parent = child;
        }
        requireEditable(parent);
        String key = unescape(segments[segments.length - 1]);
        if (parent.type != YamlOutline.Type.MAP) {
            throw new Refused("the parent of " + op.path() + " is not a mapping in the text");
        }
        Optional<YamlOutline.YNode> existing = parent.get(key);
        if (op.op().equals("add") && existing.isEmpty()) {
            insert(parent, grandparent, key, op.value());
        } else if (op.op().equals("replace") && existing.isPresent() && existing.get().isNullScalar()) {
            replaceNull(parent, key, existing.get(), op.value());
        } else {
            throw new Refused("the operation " + op.op() + " " + op.path() + " is not an insertion");
        }
    }

    private static void requireEditable(YamlOutline.YNode n) throws Refused {
        if (n.anchored || n.type == YamlOutline.Type.ALIAS) {
            throw new Refused("the defaults go into a mapping shared through a YAML anchor or alias");
        }
        if (n.type == YamlOutline.Type.MAP && n.get("<<").isPresent()) {
            throw new Refused("the defaults go into a mapping with a YAML merge key");
        }
    }

    private void insert(YamlOutline.YNode map, YamlOutline.YNode parentOfMap, String key, JsonNode value) {
        if (map.flow) {
            // A mapping whose keys are double-quoted is JSON (or written like it): keep it JSON.
            boolean json = !map.keys.isEmpty() && map.keys.get(0).doubleQuoted;
            String entry = (json ? YamlWriter.jsonKey(key) : YamlWriter.key(key)) + ": " + YamlWriter.flow(value, json);
            if (map.keys.isEmpty()) {
                // Just after the opening brace.
                edits.add(new Edit(map.start + 1, map.start + 1, (grown.add(map) ? "" : ", ") + entry,
                        edits.size()));
            } else {
                int at = map.values.get(map.values.size() - 1).end;
                edits.add(new Edit(at, at, ", " + entry, edits.size()));
            }
            return;
        }
        int column = map.keys.get(0).column;
        int step = 2;
        if (parentOfMap != null && parentOfMap.type == YamlOutline.Type.MAP && !parentOfMap.flow
                && !parentOfMap.keys.isEmpty() && column > parentOfMap.keys.get(0).column) {
            step = column - parentOfMap.keys.get(0).column;
        }
        StringBuilder lines = new StringBuilder();
        YamlWriter.entry(lines, key, value, column, step, eol);
        int end = contentEnd(map);
        int at;
        if (end > 0 && end <= text.length() && text.charAt(end - 1) == '\n') {
            at = end; // a block scalar ends after its line break
        } else {
            int nl = text.indexOf('\n', Math.max(0, end));
            if (nl < 0) {
                edits.add(new Edit(text.length(), text.length(), eol + lines, edits.size()));
                return;
            }
            at = nl + 1;
        }
        edits.add(new Edit(at, at, lines.toString(), edits.size()));
    }

    /** {@code key: null} (or {@code ~}, or nothing) becomes {@code key: {...}}, on the key's line. */
    private void replaceNull(YamlOutline.YNode map, String key, YamlOutline.YNode nullValue, JsonNode value)
            throws Refused {
        String flow = YamlWriter.flow(value);
        if (!nullValue.emptyPlain) {
            edits.add(new Edit(nullValue.start, nullValue.end, flow, edits.size()));
            return;
        }
        YamlOutline.YNode k = null;
        for (int i = 0; i < map.keys.size(); i++) {
            if (map.values.get(i) == nullValue) {
                k = map.keys.get(i);
            }
        }
        int colon = k == null ? -1 : text.indexOf(':', k.end);
        if (colon < 0) {
            throw new Refused("cannot find the ':' after " + key);
        }
        edits.add(new Edit(colon + 1, colon + 1, " " + flow, edits.size()));
    }

    /** Where the last entry of a block mapping ends: its last scalar, alias or flow collection. */
    private static int contentEnd(YamlOutline.YNode n) {
        switch (n.type) {
            case SCALAR:
                return n.emptyPlain ? -1 : n.end;
            case ALIAS:
                return n.end;
            case MAP:
                if (n.flow || n.keys.isEmpty()) {
                    return n.end;
                }
                int last = n.keys.size() - 1;
                return Math.max(contentEnd(n.keys.get(last)), contentEnd(n.values.get(last)));
            default:
                if (n.flow || n.items.isEmpty()) {
                    return n.end;
                }
                return contentEnd(n.items.get(n.items.size() - 1));
        }
    }

    private String result() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Edit e : sorted) {
            out.append(text, at, e.start()).append(e.text());
            at = Math.max(at, e.end());
        }
        return out.append(text.substring(at)).toString();
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
