package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.read.ManifestParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mutate}'s YAML editing over generated manifests written in many styles (indentation, indented or
 * flush lists, flow mappings, quoting, comments after values and on their own lines, blank lines, CRLF): the
 * defaults always go into the text in place, every original line survives in order, and the text reads
 * back as exactly the defaulted objects.
 */
class MutatedFileProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Defaults DEFAULTS = Defaults.standard();

    /** A writer of JSON trees as YAML with style choices drawn from a seed. */
    private static final class StyledYaml {
        private final Random random;
        private final int indent;
        private final boolean indentLists;
        private final StringBuilder out = new StringBuilder();

        StyledYaml(long seed) {
            random = new Random(seed);
            indent = random.nextBoolean() ? 2 : 4;
            indentLists = random.nextBoolean();
        }

        String document(ObjectNode root) {
            if (random.nextInt(4) == 0) {
                out.append("# ").append("generated ").append(random.nextInt(100)).append('\n');
            }
            mapping(root, 0);
            return out.toString();
        }

        private void mapping(JsonNode map, int column) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (random.nextInt(8) == 0) {
                    out.append(" ".repeat(column)).append("# about ").append(e.getKey()).append('\n');
                }
                out.append(" ".repeat(column)).append(key(e.getKey())).append(':');
                value(e.getValue(), column);
                if (random.nextInt(10) == 0) {
                    out.append('\n');
                }
            }
        }

        private void value(JsonNode v, int column) {
            boolean flow = random.nextInt(4) == 0;
            if (v.isObject() && v.size() > 0 && !flow) {
                out.append('\n');
                mapping(v, column + indent);
            } else if (v.isArray() && v.size() > 0 && !flow) {
                out.append('\n');
                int itemColumn = indentLists ? column + indent : column;
                for (JsonNode item : v) {
                    out.append(" ".repeat(itemColumn)).append("- ");
                    if (item.isObject() && item.size() > 0) {
                        // the first key on the dash's line, the rest under it
                        StringBuilder save = new StringBuilder(out);
                        out.setLength(0);
                        mapping(item, itemColumn + 2);
                        String body = out.toString();
                        out.setLength(0);
                        out.append(save).append(body.substring(itemColumn + 2));
                    } else {
                        out.append(YamlWriter.flow(item)).append('\n');
                    }
                }
            } else {
                out.append(' ').append(scalarOrFlow(v)).append(comment()).append('\n');
            }
        }

        private String scalarOrFlow(JsonNode v) {
            // Plain only where kubectl reads it back as the same string ("y" would be true).
            if (v.isTextual() && v.textValue().matches("[a-z][a-z0-9.-]*")
                    && YamlWriter.key(v.textValue()).equals(v.textValue()) && random.nextBoolean()) {
                return random.nextBoolean() ? v.textValue() : "'" + v.textValue() + "'";
            }
            return YamlWriter.flow(v);
        }

        private String comment() {
            return random.nextInt(6) == 0 ? "   # note" : "";
        }

        private static String key(String k) {
            return YamlWriter.key(k);
        }
    }

    @Provide
    Arbitrary<ObjectNode> servers() {
        Arbitrary<String> kind = Arbitraries.of("Neo4jEnterpriseCluster", "Neo4jEnterpriseStandalone");
        Arbitrary<String> memory = Arbitraries.of("", "512Mi", "2Gi", "8Gi", "8G", "96Gi", "2Ti", "1e9");
        Arbitrary<String> config = Arbitraries.of("", "empty", "keys", "heap", "pagecache", "null", "slashes");
        Arbitrary<Boolean> env = Arbitraries.of(true, false);
        return Combinators.combine(kind, memory, config, env, Arbitraries.integers().between(1, 5))
                .as((k, m, c, e, servers) -> {
                    ObjectNode o = F.objectNode();
                    o.put("apiVersion", "neo4j.neo4j.com/v1beta1").put("kind", k);
                    o.putObject("metadata").put("name", "graph").putObject("labels").put("app", "neo4j");
                    ObjectNode spec = o.putObject("spec");
                    spec.putObject("image").put("repo", "neo4j").put("tag", "2025.10.1-enterprise");
                    if (k.equals("Neo4jEnterpriseCluster")) {
                        spec.putObject("topology").put("servers", servers);
                    }
                    if (!m.isEmpty()) {
                        spec.putObject("resources").putObject("limits").put("memory", m).put("cpu", "2");
                    }
                    switch (c) {
                        case "empty" -> spec.putObject("config");
                        case "keys" -> spec.putObject("config").put("db.logs.query.enabled", "INFO");
                        case "heap" -> spec.putObject("config").put("server.memory.heap.max_size", "1g");
                        case "pagecache" -> spec.putObject("config").put("dbms.memory.pagecache.size", "512m");
                        case "null" -> spec.putNull("config");
                        case "slashes" -> spec.putObject("config").put("a/b~c", "x").put("~", "y");
                        default -> {
                        }
                    }
                    if (e) {
                        spec.putArray("env").addObject().put("name", "TZ").put("value", "UTC");
                    }
                    spec.putObject("storage").put("size", "10Gi");
                    return o;
                });
    }

    @Property(tries = 300)
    void defaultsAreInsertedInPlaceKeepingEveryLine(@ForAll("servers") ObjectNode object,
                                                    @ForAll long seed, @ForAll boolean crlf) throws Exception {
        String text = new StyledYaml(seed).document(object);
        if (crlf) {
            text = text.replace("\n", "\r\n");
        }
        List<Resource> resources = new ManifestParser().parse("g.yaml", text);
        assertThat(resources).hasSize(1);
        assertThat(MutatedFile.same(resources.get(0).tree(), object)).as(text).isTrue();
        Map<Resource, List<PatchOperation>> patches = new IdentityHashMap<>();
        patches.put(resources.get(0), DEFAULTS.patch(resources.get(0)));

        MutatedFile m = MutatedFile.of("g.yaml", text, resources, patches, DEFAULTS);

        assertThat(m.note()).as(text).isEmpty();
        Resource back = new ManifestParser().parse("g.yaml", m.text()).get(0);
        assertThat(back.tree()).isEqualTo(DEFAULTS.apply(resources.get(0)));
        // Every original line is still there, in order: unchanged, or with text inserted into it (a flow
        // mapping that got new keys), or with its null replaced (config: null becomes config: {...}).
        String[] original = text.split(crlf ? "\r\n" : "\n");
        String[] mutated = m.text().split(crlf ? "\r\n" : "\n");
        int j = 0;
        for (String line : original) {
            while (j < mutated.length && !insertedInto(line.replace("config: null", "config: "), mutated[j])) {
                j++;
            }
            assertThat(j).as("line '" + line + "' kept in\n" + m.text()).isLessThan(mutated.length);
            j++;
        }
        if (crlf) {
            assertThat(m.text().replace("\r\n", "")).doesNotContain("\n");
        }
    }

    /** {@code mutated} is {@code line} with characters inserted (and its indentation unchanged). */
    private static boolean insertedInto(String line, String mutated) {
        int indent = line.length() - line.stripLeading().length();
        if (!mutated.startsWith(line.substring(0, indent)) || mutated.length() > indent
                && mutated.charAt(indent) == ' ') {
            return false;
        }
        int i = 0;
        for (int k = 0; k < mutated.length() && i < line.length(); k++) {
            if (mutated.charAt(k) == line.charAt(i)) {
                i++;
            }
        }
        return i == line.length();
    }
}
