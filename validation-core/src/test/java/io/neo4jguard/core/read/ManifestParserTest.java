package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTest {
    private final ManifestParser parser = new ManifestParser();

    private List<Resource> parse(String text) throws ReadException {
        return parser.parse("c.yaml", text);
    }

    private ReadException failure(String text) {
        return failure("c.yaml", text);
    }

    private ReadException failure(String file, String text) {
        try {
            List<Resource> rs = parser.parse(file, text);
            throw new AssertionError("parsed: " + rs);
        } catch (ReadException e) {
            return e;
        }
    }

    /** YAML 1.2 escapes in double-quoted scalars that kubectl (go-yaml) reads; one case per escape. */
    @org.junit.jupiter.params.ParameterizedTest(name = "\\{0}")
    @org.junit.jupiter.params.provider.CsvSource({"L, 2028", "P, 2029", "N, 0085", "_, 00A0"})
    void yaml12EscapesAreRead(String escape, String hex) throws Exception {
        String expected = "a" + Character.toString(Integer.parseInt(hex, 16)) + "b";
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x, labels: {a: "a\\%1$sb", b: "%1$s"}}
                data:
                  one: "a\\%1$sb"
                  two: {k: "\\%1$s\\%1$s", after: here}
                  plain: C:\\%1$sink
                  single: 'C:\\%1$sink'
                """;
        Resource r = parse(yaml.formatted(escape)).get(0);
        assertThat(r.tree().at("/data/one").textValue()).isEqualTo(expected);
        String ch = expected.substring(1, 2);
        assertThat(r.tree().at("/data/two/k").textValue()).isEqualTo(ch + ch);
        assertThat(r.tree().at("/metadata/labels/a").textValue()).isEqualTo(expected);
        // Backslashes outside double quotes are not escapes and stay as written.
        assertThat(r.tree().at("/data/plain").textValue()).isEqualTo("C:\\" + escape + "ink");
        assertThat(r.tree().at("/data/single").textValue()).isEqualTo("C:\\" + escape + "ink");
        // Columns after a rewritten escape on the same line are the columns of the text as written.
        // (\\t needs no rewrite: its columns are the scanner's own.)
        assertThat(r.locate("data.two.after")).isEqualTo(parse(yaml.formatted("t")).get(0).locate("data.two.after"));
    }

    @Test
    void anUnknownEscapeIsStillAnError() {
        assertThat(failure("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"\\q\"}\n").getMessage())
                .contains("unknown escape");
    }

    @Test
    void keepsLineAndColumnOfEveryField() throws Exception {
        List<Resource> rs = parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: graph
                spec:
                  topology:
                    servers: 2
                  config:
                    server.memory.heap.max_size: 4Gi
                  extraVolumeMounts:
                    - name: a
                      mountPath: /data
                """);
        Resource r = rs.get(0);
        assertThat(r.locate("spec.topology.servers").line()).isEqualTo(7);
        assertThat(r.locate("spec.topology.servers").column()).isEqualTo(5);
        assertThat(r.locate("spec.config[server.memory.heap.max_size]").line()).isEqualTo(9);
        assertThat(r.locate("spec.extraVolumeMounts[0]")).isEqualTo(new Location("c.yaml", 11, 7));
        assertThat(r.locate("spec.extraVolumeMounts[0].mountPath").line()).isEqualTo(12);
        assertThat(r.locate("spec.extraVolumeMounts[0].nope").line()).isEqualTo(11);
        assertThat(r.locate("")).isEqualTo(new Location("c.yaml", 1, 1));
    }

    @Test
    void typesPlainScalarsLikeKubectl() throws Exception {
        Resource r = parse("""
                apiVersion: v1
                kind: X
                spec: {a: yes, b: 5.26, c: "yes", d: 0x10, e: ~}
                """).get(0);
        assertThat(r.tree().at("/spec/a").isBoolean()).isTrue();
        assertThat(r.tree().at("/spec/b").isNumber()).isTrue();
        assertThat(r.tree().at("/spec/c").isTextual()).isTrue();
        assertThat(r.tree().at("/spec/d").intValue()).isEqualTo(16);
        assertThat(r.tree().at("/spec/e").isNull()).isTrue();
    }

    // ---- duplicates and keys ------------------------------------------------------------------

    @Test
    void duplicateKeysAreAnErrorWithBothLines() {
        ReadException e = failure("""
                apiVersion: v1
                kind: X
                spec:
                  servers: 3
                  other: 1
                  servers: 5
                """);
        assertThat(e.location()).isEqualTo(new Location("c.yaml", 6, 3));
        assertThat(e.getMessage()).contains("duplicate key 'servers'", "first at line 4");
        assertThat(e.describe()).startsWith("c.yaml:6:3: duplicate key");
    }

    @Test
    void keysThatKubectlMakesEqualAreDuplicatesToo() {
        // kubectl turns the key yes into "true": these two keys collide after conversion.
        assertThat(failure("a:\n  yes: 1\n  \"true\": 2\n").getMessage()).contains("duplicate key 'true'");
        assertThat(failure("a:\n  0x10: 1\n  16: 2\n").getMessage()).contains("duplicate key '16'");
    }

    @Test
    void keysAreConvertedLikeKubectl() throws Exception {
        JsonNode labels = parse("metadata:\n  labels:\n    on: a\n    1_000: b\n    \"yes\": c\n").get(0)
                .tree().at("/metadata/labels");
        assertThat(labels.get("true").textValue()).isEqualTo("a");
        assertThat(labels.get("1000").textValue()).isEqualTo("b");
        assertThat(labels.get("yes").textValue()).isEqualTo("c");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'? [a, b]\n: c\n'               | mapping keys must be strings, found a list | 1",
            "'{? {a: 1}: c}'                 | mapping keys must be strings, found a mapping | 1",
            "'a: 1\n~: 2\n'                   | unsupported mapping key null | 2",
            "'a: 1\n9223372036854775808: 2\n' | unsupported mapping key | 2",
    })
    void keysKubectlCannotUseAreErrors(String yaml, String message, int line) {
        ReadException e = failure(yaml);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.location().line()).isEqualTo(line);
    }

    // ---- anchors, aliases, merge keys ---------------------------------------------------------

    @Test
    void aliasesExpandAndKeepTheLocationsOfTheAnchor() throws Exception {
        Resource r = parse("""
                base: &res
                  limits:
                    memory: 4Gi
                spec:
                  a: *res
                  b: [*res, *res]
                """).get(0);
        assertThat(r.tree().at("/spec/a/limits/memory").textValue()).isEqualTo("4Gi");
        assertThat(r.tree().at("/spec/b/1/limits/memory").textValue()).isEqualTo("4Gi");
        assertThat(r.locate("spec.a").line()).isEqualTo(5);
        assertThat(r.locate("spec.a.limits.memory").line()).isEqualTo(3);
        assertThat(r.locate("spec.b[1]")).isEqualTo(new Location("c.yaml", 6, 13));
        assertThat(r.locate("spec.b[1].limits").line()).isEqualTo(2);
        // expanded copies are independent trees
        assertThat(r.tree().at("/spec/b/0")).isNotSameAs(r.tree().at("/spec/b/1"));
    }

    @Test
    void aliasToAScalarAndAsAKey() throws Exception {
        Resource r = parse("""
                k: &key name
                v: &val 42
                m:
                  *key : *val
                """).get(0);
        assertThat(r.tree().at("/m/name").intValue()).isEqualTo(42);
        assertThat(r.locate("m.name").line()).isEqualTo(4);
    }

    @Test
    void mergeKeysAddFieldsAndExplicitKeysWin() throws Exception {
        Resource r = parse("""
                defaults: &defaults
                  cpu: "1"
                  memory: 2Gi
                  nested: {x: 1}
                other: &other
                  memory: 8Gi
                  zone: a
                spec:
                  small:
                    <<: *defaults
                    cpu: "2"
                  large:
                    cpu: "4"
                    <<: [*other, *defaults]
                  inline:
                    <<: {memory: 1Gi}
                """).get(0);
        assertThat(r.tree().at("/spec/small").toString())
                .isEqualTo("{\"cpu\":\"2\",\"memory\":\"2Gi\",\"nested\":{\"x\":1}}");
        assertThat(r.tree().at("/spec/large/cpu").textValue()).isEqualTo("4");
        assertThat(r.tree().at("/spec/large/memory").textValue()).isEqualTo("8Gi"); // earlier source wins
        assertThat(r.tree().at("/spec/large/zone").textValue()).isEqualTo("a");
        assertThat(r.tree().at("/spec/inline/memory").textValue()).isEqualTo("1Gi");
        assertThat(r.tree().at("/spec/small").has("<<")).isFalse();
        // merged fields point where they are written; explicit ones where they are
        assertThat(r.locate("spec.small.cpu").line()).isEqualTo(11);
        assertThat(r.locate("spec.small.memory").line()).isEqualTo(3);
        assertThat(r.locate("spec.small.nested.x").line()).isEqualTo(4);
        assertThat(r.locate("spec.large.memory").line()).isEqualTo(6);
        assertThat(r.locate("spec.inline.memory").line()).isEqualTo(16);
        assertThat(r.locations().keySet()).allSatisfy(p -> assertThat(p).doesNotContain("<<").doesNotContain("\u0000"));
    }

    @Test
    void aQuotedMergeKeyIsAnOrdinaryKey() throws Exception {
        Resource r = parse("a:\n  \"<<\": {b: 1}\n").get(0);
        assertThat(r.tree().at("/a").has("<<")).isTrue();
    }

    @Test
    void mergeOfAScalarIsAnError() {
        assertThat(failure("a: &s x\nb:\n  <<: *s\n").getMessage()).contains("merge key (<<) needs a mapping");
        assertThat(failure("b:\n  <<: [{a: 1}, 2]\n").getMessage()).contains("merge key (<<) needs a mapping");
    }

    @Test
    void recursiveAliasIsAnError() {
        ReadException e = failure("a: &x\n  b: *x\n");
        assertThat(e.getMessage()).contains("recursive YAML alias *x");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(failure("a: &x [1, *x]\n").getMessage()).contains("recursive");
    }

    @Test
    void unknownAliasIsAnError() {
        ReadException e = failure("a: 1\nb: *nope\n");
        assertThat(e.getMessage()).contains("unknown YAML alias *nope");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void anchorsAreScopedToTheirDocument() {
        assertThat(failure("a: &x 1\n---\nb: *x\n").getMessage()).contains("unknown YAML alias *x");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedQuickly() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        assertThat(failure(y.toString()).getMessage()).contains("expands to more than");
    }

    // ---- depth, documents, kinds --------------------------------------------------------------

    @Test
    @Timeout(10)
    void deepNestingIsAnErrorNotAStackOverflow() {
        int n = 100_000;
        ReadException flow = failure("a: " + "[".repeat(n) + "]".repeat(n) + "\n");
        assertThat(flow.getMessage()).contains("nesting deeper than " + ManifestParser.MAX_DEPTH);
        ReadException json = failure("c.json", "{\"a\": " + "[".repeat(n) + "]".repeat(n) + "}");
        assertThat(json.getMessage()).contains("nesting");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        assertThat(failure(block.toString()).getMessage()).contains("nesting deeper than");
    }

    @Test
    void nestingUpToTheLimitIsFine() throws Exception {
        int n = ManifestParser.MAX_DEPTH - 1;
        Resource r = parse("a: " + "[".repeat(n) + "]".repeat(n) + "\n").get(0);
        assertThat(r.tree().get("a").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'- a\n- b\n'               | found a list      | 1",
            "'just text\n'              | found a scalar 'just text' | 1",
            "'a: 1\n---\n42\n'          | found a scalar '42' | 3",
            "'[1, 2]'                   | found a list      | 1",
    })
    void nonMappingDocumentsAreErrors(String yaml, String message, int line) {
        ReadException e = failure(yaml);
        assertThat(e.getMessage()).contains("expected a Kubernetes object", message);
        assertThat(e.location().line()).isEqualTo(line);
    }

    @Test
    void emptyDocumentsAreSkippedButCounted() throws Exception {
        List<Resource> rs = parse("""
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: A
                ---
                ~
                ---
                apiVersion: v1
                kind: B
                ...
                """);
        assertThat(rs).extracting(Resource::kind).containsExactly("A", "B");
        assertThat(rs).extracting(Resource::document).containsExactly(1, 3);
        assertThat(parse("")).isEmpty();
        assertThat(parse("# nothing\n")).isEmpty();
        assertThat(parse("---\n---\n")).isEmpty();
    }

    @Test
    void listsAreFlattenedWithTheirLocations() throws Exception {
        List<Resource> rs = parse("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: A
                    metadata: {name: a}
                  - apiVersion: neo4j.neo4j.com/v1beta1
                    kind: Neo4jEnterpriseClusterList
                    items:
                      - kind: B
                        spec: {x: 1}
                """);
        assertThat(rs).extracting(Resource::kind).containsExactly("A", "B");
        assertThat(rs.get(0).locate("metadata.name").line()).isEqualTo(6);
        assertThat(rs.get(0).locate("")).isEqualTo(new Location("c.yaml", 4, 5));
        assertThat(rs.get(1).locate("spec.x").line()).isEqualTo(11);
        assertThat(rs.get(1).locations().keySet()).noneMatch(p -> p.startsWith("items"));
    }

    @Test
    void listItemsMustBeObjects() {
        ReadException e = failure("kind: List\napiVersion: v1\nitems:\n  - a\n");
        assertThat(e.getMessage()).contains("item 0 of the List is a scalar 'a'");
        assertThat(e.location().line()).isEqualTo(4);
    }

    @Test
    void aListWithoutItemsIsAnOrdinaryObject() throws Exception {
        assertThat(parse("kind: AllowList\nspec: {}\n")).hasSize(1);
        assertThat(parse("kind: List\napiVersion: v1\nitems: []\n")).isEmpty();
    }

    // ---- invalid text -------------------------------------------------------------------------

    @Test
    void syntaxErrorsNameLineAndColumn() {
        ReadException e = failure("a: 1\nb: [1, 2\nc: 3\n");
        assertThat(e.getMessage()).startsWith("invalid YAML:");
        assertThat(e.location().known()).isTrue();
        assertThat(failure("a:\n\tb: 1\n").location().line()).isEqualTo(2);
    }

    @Test
    void controlCharactersAreRefusedWithTheirPosition() {
        ReadException e = failure("a: 1\nb: x\u0000y\n");
        assertThat(e.getMessage()).contains("U+0000");
        assertThat(e.location()).isEqualTo(new Location("c.yaml", 2, 5));
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        assertThat(parse("\uFEFFapiVersion: v1\nkind: A\n").get(0).kind()).isEqualTo("A");
        assertThat(parser.parse("c.json", "\uFEFF{\"kind\": \"A\"}").get(0).kind()).isEqualTo("A");
    }

    @Test
    void hugeNumbersAreAnErrorAtTheirLine() {
        ReadException e = failure("a: 1\nb: " + "9".repeat(5000) + "\n");
        assertThat(e.getMessage()).contains("numeric literal");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void explicitTagsThatDoNotFitAreErrors() {
        assertThat(failure("a: !!int abc\n").getMessage()).contains("cannot decode 'abc' as !!int");
    }

    // ---- JSON ---------------------------------------------------------------------------------

    @Test
    void jsonWithTabIndentationIsReadWithLocations() throws Exception {
        String json = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"A\",\n\t\"spec\": {\n\t\t\"servers\": 3,\n"
                + "\t\t\"list\": [\n\t\t\t1,\n\t\t\t{\"x\": \"yes\"}\n\t\t]\n\t}\n}\n";
        for (String file : List.of("c.json", "c.yaml", "-")) {
            Resource r = parser.parse(file, json).get(0);
            assertThat(r.tree().at("/spec/servers").intValue()).isEqualTo(3);
            assertThat(r.tree().at("/spec/list/1/x").textValue()).isEqualTo("yes"); // JSON strings stay strings
            assertThat(r.locate("spec.servers")).isEqualTo(new Location(file, 5, 3));
            assertThat(r.locate("spec.list[1]")).isEqualTo(new Location(file, 8, 4));
            assertThat(r.locate("spec.list[1].x").line()).isEqualTo(8);
        }
    }

    @Test
    void jsonStreamsAndListsWork() throws Exception {
        List<Resource> rs = parser.parse("c.json", """
                {"kind": "A"}
                {"kind": "List", "apiVersion": "v1", "items": [{"kind": "B"}, {"kind": "C"}]}
                """);
        assertThat(rs).extracting(Resource::kind).containsExactly("A", "B", "C");
        assertThat(rs).extracting(Resource::document).containsExactly(0, 1, 1);
        assertThat(rs.get(2).locate("").line()).isEqualTo(2);
    }

    @Test
    void jsonDuplicateKeysAreErrors() {
        ReadException e = failure("c.json", "{\n  \"a\": 1,\n  \"a\": 2\n}");
        assertThat(e.getMessage()).contains("Duplicate field 'a'");
        assertThat(e.location().line()).isEqualTo(3);
    }

    @Test
    void jsonErrorsAreReportedAsJson() {
        ReadException e = failure("c.json", "{\n\t\"a\": 1,\n\t\"b\": \n}");
        assertThat(e.getMessage()).startsWith("invalid JSON:");
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(failure("c.json", "[{\"kind\": \"A\"}]").getMessage()).contains("found a list");
        assertThat(failure("c.json", "{\"a\": 1e400}").getMessage()).contains("out of range");
    }

    @Test
    void flowYamlThatLooksLikeJsonStillParses() throws Exception {
        List<Resource> rs = parse("{apiVersion: v1, kind: A, spec: {on: yes}}\n---\n{kind: B}\n");
        assertThat(rs).extracting(Resource::kind).containsExactly("A", "B");
        assertThat(rs.get(0).tree().at("/spec/true").booleanValue()).isTrue();
    }

    @Test
    void aJsonFileHoldingYamlIsReadAsYaml() throws Exception {
        assertThat(parser.parse("c.json", "apiVersion: v1\nkind: A\n").get(0).kind()).isEqualTo("A");
    }

    // ---- helm template ------------------------------------------------------------------------

    @Test
    void helmTemplateSourcesAreCapturedPerObject() throws Exception {
        ManifestFile f = parser.parseFile("out.yaml", """
                ---
                # Source: neo4j/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                data:
                  script: |
                    # Source: not/a/template.yaml
                    echo hi
                ---
                # Source: neo4j/templates/cluster.yaml
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph}
                ---
                apiVersion: v1
                kind: NoComment
                # Source: neo4j/templates/list.yaml
                ---
                apiVersion: v1
                kind: List
                items:
                  - kind: InList
                """);
        assertThat(f.resources()).extracting(Resource::kind)
                .containsExactly("ConfigMap", "Neo4jEnterpriseCluster", "NoComment", "InList");
        assertThat(f.template(f.resources().get(0))).contains("neo4j/templates/configmap.yaml");
        assertThat(f.resources().get(0).tree().at("/data/script").textValue()).contains("# Source: not/a/template");
        assertThat(f.template(f.resources().get(1))).contains("neo4j/templates/cluster.yaml");
        assertThat(f.template(f.resources().get(2))).isEmpty();
        assertThat(f.template(f.resources().get(3))).contains("neo4j/templates/list.yaml");
    }

    @Test
    void plainFilesHaveNoTemplates() throws Exception {
        ManifestFile f = parser.parseFile("a.yaml", "apiVersion: v1\nkind: A\n");
        assertThat(f.templates()).isEmpty();
        assertThat(f.file()).isEqualTo("a.yaml");
    }
}
