package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Location;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds JSON trees from the YAML event stream, without recursion (so no input can overflow the
 * stack), with one location per field path, and with kubectl's reading of the YAML:
 * scalars typed as go-yaml v2 does ({@link KubectlScalars}), anchors and aliases expanded, merge keys
 * ({@code <<: *base}) applied, mapping keys turned into strings as sigs.k8s.io/yaml does.
 *
 * <p>Refused, each with the location: duplicate keys (one of the two values would be silently lost);
 * keys that are mappings or lists or null; aliases to an unknown anchor or to a node that contains
 * the alias (recursion); nesting deeper than {@link ManifestParser#MAX_DEPTH}; documents that expand
 * (through aliases) to more than {@link #MAX_VALUES} values.
 *
 * <p>Merge keys follow the YAML merge-key spec: keys written in the mapping win over merged ones
 * wherever the {@code <<} stands, and among several merged mappings ({@code <<: [*a, *b]}) the
 * earlier wins. (go-yaml v2 applies merges in document order, so a key written <em>before</em>
 * {@code <<} can lose there; nobody writes that on purpose.)
 */
final class YamlDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The API server refuses request bodies over 3 MiB, and in JSON every value takes at least two
     * bytes (a digit and a comma), so no object it accepts has more than 3 MiB / 2 = 1,572,864
     * values. A document that expands beyond that through aliases ("billion laughs") is refused
     * before it costs memory.
     */
    static final int MAX_VALUES = 3 * 1024 * 1024 / 2;

    /** A path segment no real key can produce (YAML refuses NUL), under which merge sources are built. */
    private static final String MERGE_MARK = "\u0000<<";

    /**
     * One parsed document: its root (always a mapping) and field locations.
     *
     * @param index   0-based position in the stream, empty documents included
     * @param start   where the root mapping starts
     * @param endLine the last line holding content of the document (1-based)
     */
    record Document(int index, ObjectNode tree, Map<String, Location> locations, Location start, int endLine) {
    }

    private record Logged(String path, Location location) {
    }

    /** An anchored value: the JSON, its field locations relative to itself, and how many values it holds. */
    private record Anchored(JsonNode value, String raw, List<Logged> relative, int values) {
    }

    private record MergeSource(JsonNode value, String path, int logStart, int logEnd, Location location) {
    }

    private abstract static class Frame {
        final String path;
        final Optional<Anchor> anchor;
        final int logStart;
        final int valuesStart;
        final Location location;
        boolean flow;

        Frame(String path, Optional<Anchor> anchor, int logStart, int valuesStart, Location location) {
            this.path = path;
            this.anchor = anchor;
            this.logStart = logStart;
            this.valuesStart = valuesStart;
            this.location = location;
        }

        abstract JsonNode value();
    }

    private static final class MapFrame extends Frame {
        final ObjectNode object = F.objectNode();
        final Map<String, Location> keys = new HashMap<>();
        final List<MergeSource> merges = new ArrayList<>();
        String pendingKey;
        boolean pendingMerge;
        int mergeCount;

        MapFrame(String path, Optional<Anchor> anchor, int logStart, int valuesStart, Location location) {
            super(path, anchor, logStart, valuesStart, location);
        }

        boolean expectingKey() {
            return pendingKey == null && !pendingMerge;
        }

        @Override
        JsonNode value() {
            return object;
        }
    }

    private static final class SeqFrame extends Frame {
        final ArrayNode array = F.arrayNode();

        SeqFrame(String path, Optional<Anchor> anchor, int logStart, int valuesStart, Location location) {
            super(path, anchor, logStart, valuesStart, location);
        }

        @Override
        JsonNode value() {
            return array;
        }
    }

    private final String file;
    private final String text;
    private final List<Document> documents = new ArrayList<>();

    // Per document state.
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private final List<Logged> log = new ArrayList<>();
    private int values;
    private JsonNode root;
    private Location rootLocation;
    private int documentIndex = -1;
    /** The last line with content (scalars, aliases, flow brackets): block ends are marked at the next token. */
    private int contentEndLine;

    /**
     * YAML 1.2 escapes that SnakeYAML Engine (2.9) does not know in double-quoted scalars: {@code \L} (U+2028 line
     * separator) and {@code \P} (U+2029 paragraph separator). kubectl (go-yaml) reads them, so we must too. Its
     * scanner reports them as "found unknown escape character"; {@link #read} then rewrites exactly that escape,
     * at the position the scanner names (so never a backslash in a plain or single-quoted scalar), as the
     * equivalent Unicode escape (backslash, u, four hex digits) and parses again. {@code \N} and {@code \_} it reads itself.
     */
    private static final Map<Character, String> MISSING_ESCAPES = Map.of('L', "\\u2028", 'P', "\\u2029");

    /** Each rewrite adds 4 characters (a 2-character escape becomes a 6-character one); at most this many. */
    private static final int MAX_REWRITES = 10_000;

    /** Columns shifted by rewritten escapes: {line, column of the escape's backslash} (0-based, code points). */
    private final List<int[]> shifts;

    private YamlDocuments(String file, String text, List<int[]> shifts) {
        this.file = file;
        this.text = text;
        this.shifts = shifts;
    }

    /** Every non-empty document of the text, in order. */
    static List<Document> read(String file, String text) throws ReadException {
        String current = text;
        List<int[]> shifts = new ArrayList<>();
        for (int rewrites = 0; ; rewrites++) {
            try {
                return new YamlDocuments(file, current, shifts).run();
            } catch (UnknownEscape e) {
                if (rewrites >= MAX_REWRITES) {
                    throw e.failure;
                }
                current = current.substring(0, e.backslash) + MISSING_ESCAPES.get(current.charAt(e.backslash + 1))
                        + current.substring(e.backslash + 2);
                shifts.add(new int[]{e.line, e.column});
            }
        }
    }

    /** An escape of {@link #MISSING_ESCAPES} at a char index of the text, found by the scanner. */
    private static final class UnknownEscape extends RuntimeException {
        final int backslash;
        final int line;
        final int column;
        final ReadException failure;

        UnknownEscape(int backslash, int line, int column, ReadException failure) {
            super(failure.getMessage(), null, false, false);
            this.backslash = backslash;
            this.line = line;
            this.column = column;
            this.failure = failure;
        }
    }

    /** The scanner's "unknown escape" at {@code m} when it is one we can rewrite, else empty. */
    private java.util.Optional<UnknownEscape> unknownEscape(MarkedYamlEngineException e, Mark m, ReadException failure) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (!problem.startsWith("found unknown escape character")) {
            return java.util.Optional.empty();
        }
        int index;
        try {
            index = text.offsetByCodePoints(0, m.getIndex());
        } catch (IndexOutOfBoundsException ex) {
            return java.util.Optional.empty();
        }
        // The mark points at the escape's letter or at its backslash.
        for (int backslash : new int[]{index - 1, index}) {
            if (backslash >= 0 && backslash + 1 < text.length() && text.charAt(backslash) == '\\'
                    && MISSING_ESCAPES.containsKey(text.charAt(backslash + 1))) {
                int column = m.getColumn() - (backslash == index ? 0 : 1);
                return java.util.Optional.of(new UnknownEscape(backslash, m.getLine(), column, failure));
            }
        }
        return java.util.Optional.empty();
    }

    private List<Document> run() throws ReadException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setCodePointLimit(ManifestParser.MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        try {
            Iterator<Event> events = new Parse(settings).parseString(text).iterator();
            while (events.hasNext()) {
                handle(events.next());
            }
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().map(this::location)
                    .or(() -> e.getContextMark().map(this::location))
                    .orElse(new Location(file, 0, 0));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            ReadException failure = new ReadException(at, "invalid YAML: " + firstLine(problem) + tabHint(problem));
            if (e.getProblemMark().isPresent()) {
                java.util.Optional<UnknownEscape> escape = unknownEscape(e, e.getProblemMark().get(), failure);
                if (escape.isPresent()) {
                    throw escape.get();
                }
            }
            throw failure;
        } catch (ReaderException e) {
            throw new ReadException(locationOfCodePoint(e.getPosition()), String.format(
                    "not a text manifest: character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YamlEngineException e) {
            throw new ReadException(new Location(file, 0, 0), "invalid YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private void handle(Event event) throws ReadException {
        Event.ID id = event.getEventId();
        boolean flowEnd = (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) && !stack.isEmpty()
                && stack.peek().flow;
        if (id == Event.ID.Scalar || id == Event.ID.Alias || flowEnd) {
            event.getEndMark().ifPresent(m -> contentEndLine = Math.max(contentEndLine, m.getLine() + 1));
        }
        switch (id) {
            case DocumentStart -> {
                documentIndex++;
                stack.clear();
                anchors.clear();
                openAnchors.clear();
                log.clear();
                values = 0;
                root = null;
                rootLocation = null;
            }
            case DocumentEnd -> finishDocument();
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
            case MappingEnd, SequenceEnd -> close();
            default -> {
                // StreamStart, StreamEnd, Comment: nothing to build
            }
        }
    }

    private void finishDocument() throws ReadException {
        if (root == null || root.isNull()) {
            return; // empty document: skipped, but it still counts in the document index
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ReadException(rootLocation, "expected a Kubernetes object (a mapping with apiVersion and "
                    + "kind), found " + describe(root));
        }
        Map<String, Location> locations = new LinkedHashMap<>();
        locations.put("", rootLocation);
        for (Logged l : log) {
            if (!l.path().contains(MERGE_MARK)) {
                locations.putIfAbsent(l.path(), l.location());
            }
        }
        documents.add(new Document(documentIndex, object, locations, rootLocation, contentEndLine));
    }

    // ---- values -------------------------------------------------------------------------------

    private void scalar(ScalarEvent e) throws ReadException {
        Location at = location(e);
        JsonNode value;
        try {
            if (e.getTag().isPresent() && !e.getTag().get().equals("!")) {
                value = KubectlScalars.tagged(e.getTag().get(), e.getValue());
            } else if (e.getTag().isEmpty() && e.getScalarStyle() == ScalarStyle.PLAIN) {
                value = KubectlScalars.plain(e.getValue());
            } else {
                value = F.textNode(e.getValue());
            }
        } catch (IllegalArgumentException ex) {
            throw new ReadException(at, ex.getMessage());
        }
        boolean plainUntagged = e.getTag().isEmpty() && e.getScalarStyle() == ScalarStyle.PLAIN;
        e.getAnchor().ifPresent(a -> anchors.put(a.getValue(),
                new Anchored(value, plainUntagged ? e.getValue() : null, List.of(), 1)));
        Frame parent = stack.peek();
        if (parent instanceof MapFrame map && map.expectingKey()) {
            key(map, value, plainUntagged ? e.getValue() : null, plainUntagged && "<<".equals(e.getValue()), at);
            return;
        }
        String path = childPath(parent);
        count(at);
        if (parent instanceof SeqFrame) {
            log.add(new Logged(path, at));
        }
        deliver(parent, value, path, at);
    }

    private void alias(AliasEvent e) throws ReadException {
        Location at = location(e);
        String name = e.getAlias().getValue();
        if (openAnchors.contains(name)) {
            throw new ReadException(at, "recursive YAML alias *" + name + ": it refers to a node that contains it");
        }
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw new ReadException(at, "unknown YAML alias *" + name + " (no &" + name + " before it)");
        }
        Frame parent = stack.peek();
        if (parent instanceof MapFrame map && map.expectingKey()) {
            if (anchored.value().isContainerNode()) {
                throw new ReadException(at, "mapping keys must be strings, found an alias to a "
                        + describe(anchored.value()));
            }
            key(map, anchored.value(), anchored.raw(), false, at);
            return;
        }
        values += anchored.values();
        if (values > MAX_VALUES) {
            throw tooManyValues(at);
        }
        String path = childPath(parent);
        if (parent instanceof SeqFrame) {
            log.add(new Logged(path, at));
        }
        for (Logged l : anchored.relative()) {
            log.add(new Logged(rebase(path, l.path()), l.location()));
        }
        deliver(parent, anchored.value().deepCopy(), path, at);
    }

    private void open(CollectionStartEvent e) throws ReadException {
        Location at = location(e);
        Frame parent = stack.peek();
        boolean mapping = e.getEventId() == Event.ID.MappingStart;
        if (parent instanceof MapFrame map && map.expectingKey()) {
            throw new ReadException(at, "mapping keys must be strings, found a " + (mapping ? "mapping" : "list"));
        }
        if (stack.size() >= ManifestParser.MAX_DEPTH) {
            throw new ReadException(at, "nesting deeper than " + ManifestParser.MAX_DEPTH + " levels");
        }
        String path = childPath(parent);
        count(at);
        if (parent instanceof SeqFrame) {
            log.add(new Logged(path, at));
        }
        Optional<Anchor> anchor = e.getAnchor();
        anchor.ifPresent(a -> openAnchors.add(a.getValue()));
        Frame frame = mapping ? new MapFrame(path, anchor, log.size(), values, at)
                : new SeqFrame(path, anchor, log.size(), values, at);
        frame.flow = e.isFlow();
        stack.push(frame);
    }

    private void close() throws ReadException {
        Frame frame = stack.pop();
        if (frame instanceof MapFrame map) {
            applyMerges(map);
        }
        frame.anchor.ifPresent(a -> {
            openAnchors.remove(a.getValue());
            List<Logged> relative = new ArrayList<>();
            for (Logged l : log.subList(frame.logStart, log.size())) {
                relative.add(new Logged(relative(frame.path, l.path()), l.location()));
            }
            anchors.put(a.getValue(), new Anchored(frame.value(), null, List.copyOf(relative),
                    values - frame.valuesStart + 1));
        });
        deliver(stack.peek(), frame.value(), frame.path, frame.location);
    }

    /** A mapping key: typed like kubectl, then checked for duplicates. */
    private void key(MapFrame map, JsonNode value, String raw, boolean merge, Location at) throws ReadException {
        if (merge) {
            map.pendingMerge = true;
            return;
        }
        String key = KubectlScalars.key(value, raw);
        if (key == null) {
            throw new ReadException(at, "unsupported mapping key " + (value.isNull() ? "null" : value.toString())
                    + ": kubectl only accepts strings, booleans and 64-bit numbers as keys");
        }
        Location first = map.keys.putIfAbsent(key, at);
        if (first != null) {
            throw new ReadException(at, "duplicate key '" + key + "' (first at line " + first.line()
                    + "): one of the two values would be silently lost");
        }
        map.pendingKey = key;
        log.add(new Logged(FieldPath.child(map.path, key), at));
    }

    private void deliver(Frame parent, JsonNode value, String path, Location at) {
        if (parent == null) {
            root = value;
            rootLocation = at;
        } else if (parent instanceof SeqFrame seq) {
            seq.array.add(value);
        } else {
            MapFrame map = (MapFrame) parent;
            if (map.pendingMerge) {
                map.merges.add(new MergeSource(value, path, logStartOf(path), log.size(), at));
                map.pendingMerge = false;
                map.mergeCount++;
            } else {
                map.object.set(map.pendingKey, value);
                map.pendingKey = null;
            }
        }
    }

    /** The first log entry under a merge source's path (its entries are contiguous and last). */
    private int logStartOf(String path) {
        int i = log.size();
        while (i > 0 && isUnder(log.get(i - 1).path(), path)) {
            i--;
        }
        return i;
    }

    /**
     * YAML merge keys ({@code <<: *base}, {@code <<: [*a, *b]}): keys written in the mapping win, then
     * earlier sources over later ones. Locations of merged fields point where they are written.
     */
    private void applyMerges(MapFrame map) throws ReadException {
        Set<String> merged = new HashSet<>();
        for (MergeSource source : map.merges) {
            List<String> sourcePaths = new ArrayList<>();
            List<ObjectNode> objects = new ArrayList<>();
            if (source.value() instanceof ObjectNode o) {
                objects.add(o);
                sourcePaths.add(source.path());
            } else if (source.value() instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    if (!(a.get(i) instanceof ObjectNode o)) {
                        throw new ReadException(source.location(), "a merge key (<<) needs a mapping or a list of "
                                + "mappings, found a list holding " + describe(a.get(i)));
                    }
                    objects.add(o);
                    sourcePaths.add(FieldPath.index(source.path(), i));
                }
            } else {
                throw new ReadException(source.location(), "a merge key (<<) needs a mapping or a list of mappings, "
                        + "found " + describe(source.value()));
            }
            for (int i = 0; i < objects.size(); i++) {
                Set<String> taken = new HashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = objects.get(i).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!map.keys.containsKey(field.getKey()) && merged.add(field.getKey())) {
                        map.object.set(field.getKey(), field.getValue());
                        taken.add(field.getKey());
                    }
                }
                String from = sourcePaths.get(i);
                for (Logged l : List.copyOf(log.subList(source.logStart(), source.logEnd()))) {
                    String rest = l.path().startsWith(from) ? l.path().substring(from.length()) : null;
                    if (rest == null || rest.isEmpty() || !(rest.startsWith(".") || rest.startsWith("["))) {
                        continue;
                    }
                    String firstKey = firstSegment(rest);
                    if (taken.contains(firstKey)) {
                        log.add(new Logged(rebase(map.path, rest), l.location()));
                    }
                }
            }
        }
    }

    // ---- paths ----------------------------------------------------------------------------------

    private String childPath(Frame parent) {
        if (parent == null) {
            return "";
        }
        if (parent instanceof SeqFrame seq) {
            return FieldPath.index(seq.path, seq.array.size());
        }
        MapFrame map = (MapFrame) parent;
        if (map.pendingMerge) {
            return FieldPath.child(map.path, MERGE_MARK + map.mergeCount);
        }
        return FieldPath.child(map.path, map.pendingKey);
    }

    /** {@code child} relative to {@code base}, always starting with '.' or '['. */
    private static String relative(String base, String child) {
        String rest = child.substring(base.length());
        return rest.startsWith("[") || rest.startsWith(".") ? rest : "." + rest;
    }

    /** A relative path (starting with '.' or '[') re-rooted at {@code base}. */
    private static String rebase(String base, String rest) {
        return base.isEmpty() && rest.startsWith(".") ? rest.substring(1) : base + rest;
    }

    private static boolean isUnder(String path, String base) {
        if (!path.startsWith(base)) {
            return false;
        }
        if (path.length() == base.length()) {
            return true;
        }
        char c = path.charAt(base.length());
        return c == '.' || c == '[' || base.isEmpty();
    }

    /** The key of the first segment of a relative path: {@code .a.b} -> a, {@code [x.y].b} -> x.y. */
    private static String firstSegment(String rest) {
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close < 0 ? rest.substring(1) : rest.substring(1, close);
        }
        int end = 1;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
            end++;
        }
        return rest.substring(1, end);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void count(Location at) throws ReadException {
        if (++values > MAX_VALUES) {
            throw tooManyValues(at);
        }
    }

    private ReadException tooManyValues(Location at) {
        return new ReadException(at, "document expands to more than " + MAX_VALUES + " values (through YAML "
                + "aliases?); no object the API server accepts (3 MiB) is that large");
    }

    private Location location(NodeEvent e) {
        return e.getStartMark().map(this::location).orElse(new Location(file, 0, 0));
    }

    private Location location(Mark m) {
        int column = m.getColumn();
        for (int[] shift : shifts) {
            if (shift[0] == m.getLine() && m.getColumn() > shift[1] + 1) {
                column -= 4; // a rewritten escape before it on this line (4 characters longer)
            }
        }
        return new Location(file, m.getLine() + 1, column + 1);
    }

    private Location locationOfCodePoint(int position) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < position; index++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isNull()) {
            return "null";
        }
        return "a scalar '" + firstLine(n.asText()) + "'";
    }

    private static String tabHint(String problem) {
        return problem != null && problem.contains("\\t") && !problem.contains("indentation")
                ? " (YAML does not allow tabs for indentation)" : "";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
