package io.neo4jguard.core.read;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.FieldPath;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestParserProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys that stress quoting and field paths: YAML 1.1 words, numbers, dots, slashes, spaces, unicode. */
    private static final List<String> KEYS = List.of("a", "b", "spec", "servers", "yes", "on", "y", "null", "~",
            "1", "0x10", "1.5", "<<", "-", "server.memory.heap.max_size", "app.kubernetes.io/name", "with space",
            "ünï", "中文", "", "a[0", "#x", "&a", "*a", "!t", "key: v", "\"q\"", "'s'", "tab\tkey");

    private final ManifestParser parser = new ManifestParser();

    @Property(tries = 300)
    void blockYamlReadsBackToTheSameTreeWithALocationForEveryField(@ForAll("trees") ObjectNode tree) throws Exception {
        Block block = new Block();
        block.mapping(tree, 0, "");
        Resource r = parser.parse("t.yaml", block.text.toString()).get(0);
        assertThat(r.tree()).isEqualTo(tree);
        for (String path : paths(tree)) {
            assertThat(r.locations()).as("location of %s in%n%s", path, block.text).containsKey(path);
        }
        block.expected.forEach((path, at) ->
                assertThat(r.locate(path)).as("%s in%n%s", path, block.text).isEqualTo(at));
    }

    @Property(tries = 300)
    void tabIndentedJsonReadsBackToTheSameTreeWithALocationForEveryField(@ForAll("trees") ObjectNode tree)
            throws Exception {
        DefaultPrettyPrinter tabs = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("\t", "\n"))
                .withArrayIndenter(new DefaultIndenter("\t", "\n"));
        String json = JSON.writer(tabs).writeValueAsString(tree);
        for (String file : List.of("t.json", "t.yaml")) {
            Resource r = parser.parse(file, json).get(0);
            assertThat(r.tree()).isEqualTo(tree);
            for (String path : paths(tree)) {
                assertThat(r.locations()).as("location of %s in%n%s", path, json).containsKey(path);
                assertThat(r.locate(path).known()).isTrue();
            }
        }
    }

    @Property(tries = 1000)
    void anyTextIsObjectsOrAReadExceptionNeverACrash(@ForAll("yamlish") String text) {
        for (String file : List.of("x.yaml", "x.json")) {
            try {
                parser.parse(file, text);
            } catch (ReadException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(e.location().file()).isEqualTo(file);
            }
        }
    }

    @Property(tries = 300)
    void damagedManifestsAreObjectsOrAReadException(@ForAll("trees") ObjectNode tree,
                                                    @ForAll("edits") List<Tuple.Tuple2<Integer, String>> edits) {
        Block block = new Block();
        block.mapping(tree, 0, "");
        StringBuilder text = block.text;
        for (Tuple.Tuple2<Integer, String> edit : edits) {
            int at = Math.floorMod(edit.get1(), text.length() + 1);
            if (edit.get2().isEmpty() && at < text.length()) {
                text.deleteCharAt(at);
            } else {
                text.insert(at, edit.get2());
            }
        }
        try {
            parser.parse("x.yaml", text.toString());
        } catch (ReadException e) {
            assertThat(e.describe()).startsWith("x.yaml");
        }
    }

    @Property(tries = 300)
    void anyBytesOnStdinGiveAResultNeverACrash(@ForAll("bytes") byte[] bytes) {
        ManifestSource.Result r = new ManifestSource(parser, new ByteArrayInputStream(bytes)).read(List.of("-"));
        assertThat(r.files()).isEqualTo(1);
        assertThat(r.errors().size() + r.resources().size()).isGreaterThanOrEqualTo(r.errors().size());
    }

    // ---- generators -----------------------------------------------------------------------------

    @Provide
    Arbitrary<ObjectNode> trees() {
        Arbitrary<JsonNode> value = Arbitraries.recursive(this::leaves, this::containers, 0, 4);
        return objects(value, 1);
    }

    private Arbitrary<JsonNode> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange(' ', '~').withChars("\t\n\u0001\u00e9\u4e2d\u0085")
                        .ofMaxLength(12).map(s -> (JsonNode) F.textNode(s))),
                Tuple.of(2, Arbitraries.of("yes", "no", "on", "0777", "0x10", "1e9", "5.26", "~", "null", "", "<<",
                        "- a", "a: b", "#c", "*a", "&a", "!t", "|", ">", "'", "\"", "@", "`", "%").map(F::textNode)),
                Tuple.of(2, Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i))),
                Tuple.of(1, Arbitraries.longs().filter(l -> l != (int) (long) l).map(l -> (JsonNode) F.numberNode(l))),
                // Up to 2^64-1 (uint64); kubectl reads a larger decimal integer as a float.
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(63),
                                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                        .map(b -> (JsonNode) F.numberNode(b))),
                Tuple.of(1, Combinators.combine(Arbitraries.longs().between(-1_000_000, 1_000_000),
                        Arbitraries.integers().between(1, 6)).as((u, s) -> (JsonNode) F.numberNode(BigDecimal.valueOf(u, s)))),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b))),
                Tuple.of(1, Arbitraries.just((JsonNode) F.nullNode())));
    }

    private Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(objects(inner, 0).map(o -> (JsonNode) o),
                inner.list().ofMaxSize(4).map(items -> {
                    ArrayNode a = F.arrayNode();
                    items.forEach(a::add);
                    return (JsonNode) a;
                }));
    }

    private Arbitrary<ObjectNode> objects(Arbitrary<JsonNode> inner, int minSize) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS),
                Arbitraries.strings().withCharRange('a', 'z').withChars(".-/_").ofMinLength(1).ofMaxLength(8));
        return Arbitraries.maps(key, inner).ofMinSize(minSize).ofMaxSize(4).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab1:-?[]{},&*!|>'\"%@`#\n \t.~<0x\\\u00e9\u0000\u0085\uFEFF")
                        .ofMaxLength(60),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Integer, String>>> edits() {
        Arbitrary<String> insert = Arbitraries.of("", "", ":", " ", "\n", "\t", "-", "[", "]", "{", "}", "&a ", "*a",
                "<<: ", "\"", "'", "#", "!!int ", "? ", "---\n", "|\n", "\u0000");
        return Combinators.combine(Arbitraries.integers(), insert).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every field path in the tree, as the parser names them. */
    private static List<String> paths(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = FieldPath.child(path, e.getKey());
                out.add(child);
                collect(e.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = FieldPath.index(path, i);
                out.add(child);
                collect(node.get(i), child, out);
            }
        }
    }

    /** Block-style YAML with every string double-quoted (JSON escapes are valid YAML), noting positions. */
    static final class Block {
        final StringBuilder text = new StringBuilder();
        final Map<String, Location> expected = new HashMap<>();
        int line = 1;

        void mapping(ObjectNode o, int indent, String path) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = FieldPath.child(path, e.getKey());
                text.append(" ".repeat(indent)).append(scalar(F.textNode(e.getKey()))).append(':');
                expected.put(child, new Location("t.yaml", line, indent + 1));
                value(e.getValue(), indent, child);
            }
        }

        void sequence(ArrayNode a, int indent, String path) {
            for (int i = 0; i < a.size(); i++) {
                String child = FieldPath.index(path, i);
                JsonNode v = a.get(i);
                text.append(" ".repeat(indent)).append('-');
                if (inline(v)) {
                    expected.put(child, new Location("t.yaml", line, indent + 3));
                } else {
                    expected.put(child, new Location("t.yaml", line + 1, indent + 3));
                }
                value(v, indent, child);
            }
        }

        private void value(JsonNode v, int indent, String path) {
            if (inline(v)) {
                text.append(' ').append(scalar(v)).append('\n');
                line++;
            } else {
                text.append('\n');
                line++;
                if (v.isObject()) {
                    mapping((ObjectNode) v, indent + 2, path);
                } else {
                    sequence((ArrayNode) v, indent + 2, path);
                }
            }
        }

        private static boolean inline(JsonNode v) {
            return !v.isContainerNode() || v.isEmpty();
        }

        private static String scalar(JsonNode v) {
            if (v.isObject()) {
                return "{}";
            }
            if (v.isArray()) {
                return "[]";
            }
            if (v.isBigDecimal()) {
                return v.decimalValue().toPlainString();
            }
            // JSON text: quoted strings, numbers, true/false, null. JSON leaves U+0085, U+2028 and U+2029 raw,
            // but they are line breaks to YAML, which folds them to a space inside a quoted scalar (as go-yaml
            // does): escape them the YAML way so the text means the tree we generated.
            return v.toString().replace("\u0085", "\\N").replace("\u2028", "\\L").replace("\u2029", "\\P");
        }
    }
}
