package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.Resource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where things stand in a YAML text: each document's node tree with character offsets, enough to put new
 * keys into existing mappings without touching a byte of the rest. Built from snakeyaml-engine's event
 * stream (the reader's parser), without resolving aliases or merge keys: an edit must know when a mapping
 * is shared through an anchor, which a resolved tree hides.
 */
final class YamlOutline {
    enum Type { MAP, SEQ, SCALAR, ALIAS }

    /** One node. Offsets are Java char indexes into the text; {@code end} is exclusive. */
    static final class YNode {
        final Type type;
        final boolean flow;
        final boolean anchored;
        final int start;
        /** The code-point column of the node's first character (for a mapping: of its first key). */
        final int column;
        int end;
        String value;
        boolean emptyPlain;
        boolean doubleQuoted;
        final List<YNode> keys = new ArrayList<>();
        final List<YNode> values = new ArrayList<>();
        final List<YNode> items = new ArrayList<>();

        YNode(Type type, boolean flow, boolean anchored, int start, int column) {
            this.type = type;
            this.flow = flow;
            this.anchored = anchored;
            this.start = start;
            this.column = column;
        }

        /** The value of the plain or quoted scalar key {@code key} in this mapping. */
        Optional<YNode> get(String key) {
            for (int i = 0; i < keys.size(); i++) {
                YNode k = keys.get(i);
                if (k.type == Type.SCALAR && key.equals(k.value)) {
                    return Optional.of(values.get(i));
                }
            }
            return Optional.empty();
        }

        boolean isNullScalar() {
            return type == Type.SCALAR && (emptyPlain || value != null && value.matches("null|Null|NULL|~"));
        }
    }

    /** One document: its position in the stream (empty documents count, as in the reader) and its root. */
    record Doc(int index, YNode root) {
    }

    private final String text;
    private final int[] charIndex;

    private YamlOutline(String text) {
        this.text = text;
        // Marks count code points; outside the BMP that differs from Java's char index.
        if (text.codePointCount(0, text.length()) == text.length()) {
            charIndex = null;
        } else {
            charIndex = new int[text.codePointCount(0, text.length()) + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                charIndex[cp++] = i;
            }
            charIndex[cp] = text.length();
        }
    }

    /** The documents of the text, in order; throws snakeyaml's exception for text that is not YAML. */
    static List<Doc> read(String text) throws YamlEngineException {
        return new YamlOutline(text).run();
    }

    private List<Doc> run() {
        LoadSettings settings = LoadSettings.builder().setUseMarks(true)
                .setCodePointLimit(Math.max(3 * 1024 * 1024, text.length() + 1)).build();
        List<Doc> docs = new ArrayList<>();
        Deque<YNode> stack = new ArrayDeque<>();
        int documentIndex = -1;
        YNode root = null;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case DocumentStart -> {
                    documentIndex++;
                    root = null;
                    stack.clear();
                }
                case DocumentEnd -> docs.add(new Doc(documentIndex, root));
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) e;
                    YNode n = new YNode(Type.SCALAR, false, s.getAnchor().isPresent(), offset(e.getStartMark()),
                            column(e.getStartMark()));
                    n.end = offset(e.getEndMark());
                    n.value = s.getValue();
                    n.emptyPlain = s.getScalarStyle() == ScalarStyle.PLAIN && s.getValue().isEmpty();
                    n.doubleQuoted = s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED;
                    root = attach(stack, n, root);
                }
                case Alias -> {
                    YNode n = new YNode(Type.ALIAS, false, true, offset(e.getStartMark()), column(e.getStartMark()));
                    n.end = offset(e.getEndMark());
                    root = attach(stack, n, root);
                }
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) e;
                    Type t = e.getEventId() == Event.ID.MappingStart ? Type.MAP : Type.SEQ;
                    YNode n = new YNode(t, c.isFlow(), ((NodeEvent) e).getAnchor().isPresent(),
                            offset(e.getStartMark()), column(e.getStartMark()));
                    root = attach(stack, n, root);
                    stack.push(n);
                }
                case MappingEnd, SequenceEnd -> stack.pop().end = offset(e.getEndMark());
                default -> {
                    // stream start and end, comments: no node
                }
            }
        }
        return docs;
    }

    /**
     * Each object's mapping node, flattening {@code kind: *List} documents as the reader does; null when the
     * documents do not line up with the objects (then the text is not what they were read from).
     *
     * @param resources the objects read from the text, in order
     */
    static Map<Resource, YNode> objects(List<Doc> docs, List<Resource> resources) {
        Map<Resource, YNode> out = new IdentityHashMap<>();
        int next = 0;
        for (Doc d : docs) {
            List<YNode> objects = new ArrayList<>();
            if (d.root() != null && !d.root().isNullScalar()) {
                flatten(d.root(), objects, 0);
            }
            for (YNode n : objects) {
                if (next >= resources.size() || resources.get(next).document() != d.index()) {
                    return null;
                }
                out.put(resources.get(next++), n);
            }
        }
        return next == resources.size() ? out : null;
    }

    private static void flatten(YNode n, List<YNode> out, int depth) {
        Optional<YNode> kind = n.type == Type.MAP ? n.get("kind") : Optional.empty();
        Optional<YNode> items = n.type == Type.MAP ? n.get("items") : Optional.empty();
        // The reader's MAX_DEPTH bounds List nesting the same way.
        if (kind.isPresent() && kind.get().value != null && kind.get().value.endsWith("List") && items.isPresent()
                && items.get().type == Type.SEQ && depth < 200) {
            for (YNode item : items.get().items) {
                flatten(item, out, depth + 1);
            }
            return;
        }
        out.add(n);
    }

    private static YNode attach(Deque<YNode> stack, YNode n, YNode root) {
        YNode parent = stack.peek();
        if (parent == null) {
            return n;
        }
        if (parent.type == Type.SEQ) {
            parent.items.add(n);
        } else if (parent.keys.size() == parent.values.size()) {
            parent.keys.add(n);
        } else {
            parent.values.add(n);
        }
        return root;
    }

    /**
     * The node at a JSON Pointer below {@code from} (map keys and list indexes), when the text has it written
     * out: empty when the path is not in the text, or leads through an anchored node or an alias (an edit
     * there would change every alias of it too).
     */
    static Optional<YNode> at(YNode from, String pointer) {
        YNode n = from;
        if (n.anchored) {
            return Optional.empty();
        }
        if (pointer.isEmpty()) {
            return Optional.of(n);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (n.type == Type.MAP) {
                Optional<YNode> child = n.get(segment);
                if (child.isEmpty()) {
                    return Optional.empty();
                }
                n = child.get();
            } else if (n.type == Type.SEQ && segment.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(segment) < n.items.size()) {
                n = n.items.get(Integer.parseInt(segment));
            } else {
                return Optional.empty();
            }
            if (n.anchored) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    private int offset(Optional<Mark> mark) {
        int cp = mark.map(Mark::getIndex).orElse(0);
        return charIndex == null ? cp : charIndex[Math.min(cp, charIndex.length - 1)];
    }

    private static int column(Optional<Mark> mark) {
        return mark.map(Mark::getColumn).orElse(0);
    }
}
