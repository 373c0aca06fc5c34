package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.rules.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code neo4j-guard mutate}, in-process with the real rules, as a user or a pipeline would run it. */
class MutateCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(Catalog.standard(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, dir).run(args);
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<Resource> read(String text) throws Exception {
        return new ManifestParser().parse("out.yaml", text);
    }

    private static final String CLUSTER = """
            # The production graph.
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph   # keep the name short: it is in every pod name
              namespace: db
            spec:
              image: {repo: neo4j, tag: "2025.10.1-enterprise"}
              topology:
                servers: 3
                # more servers later
              resources:
                limits:
                  memory: 8Gi   # one node's worth
              config:
                # query log for the first weeks
                db.logs.query.enabled: INFO

                dbms.security.auth_minimum_password_length: "12"
            """;

    /** The same file with exactly the defaults inserted: every original line kept, in order. */
    private static final String CLUSTER_MUTATED = """
            # The production graph.
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph   # keep the name short: it is in every pod name
              namespace: db
            spec:
              image: {repo: neo4j, tag: "2025.10.1-enterprise"}
              topology:
                servers: 3
                placement:
                  antiAffinity:
                    enabled: true
                    type: "preferred"
                    topologyKey: "kubernetes.io/hostname"
                  topologySpread:
                    enabled: true
                    topologyKey: "topology.kubernetes.io/zone"
                    maxSkew: 1
                    whenUnsatisfiable: "ScheduleAnyway"
                # more servers later
              resources:
                limits:
                  memory: 8Gi   # one node's worth
              config:
                # query log for the first weeks
                db.logs.query.enabled: INFO

                dbms.security.auth_minimum_password_length: "12"
                server.memory.heap.initial_size: "3584m"
                server.memory.heap.max_size: "3584m"
                server.memory.pagecache.size: "2g"
                server.backup.listen_address: "0.0.0.0:6362"
            """;

    private static final String SECRET = """
            # not ours: printed as it is
            apiVersion: v1
            kind: Secret
            metadata: {name: neo4j-admin-secret}
            stringData: {password: "s3cret"}   # never log me
            """;

    @Test
    void yamlKeepsCommentsOrderAndLayoutAndOnlyInsertsTheDefaults() throws Exception {
        write("graph.yaml", CLUSTER);
        Run r = run("", "mutate", "graph.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(CLUSTER_MUTATED);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theOutputReadsBackAsTheDefaultedObjectAndIsAFixedPoint() throws Exception {
        write("graph.yaml", CLUSTER);
        Run once = run("", "mutate", "graph.yaml");
        Resource original = read(CLUSTER).get(0);
        assertThat(read(once.out()).get(0).tree()).isEqualTo(Defaults.standard().apply(original));
        write("again.yaml", once.out());
        assertThat(run("", "mutate", "again.yaml").out()).isEqualTo(once.out());
    }

    @Test
    void everyDocumentOfEveryFileIsPrintedOtherObjectsUnchangedFilesSeparated() throws Exception {
        write("a/1-secret.yaml", SECRET);
        write("a/2-graph.yaml", "---\n" + CLUSTER + "---\n" + SECRET);
        Run r = run(CLUSTER, "mutate", "a", "-");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(SECRET + "---\n" + CLUSTER_MUTATED + "---\n" + SECRET + "---\n"
                + CLUSTER_MUTATED);
        List<Resource> back = read(r.out());
        assertThat(back).extracting(Resource::kind).containsExactly("Secret", "Neo4jEnterpriseCluster", "Secret",
                "Neo4jEnterpriseCluster");
    }

    @Test
    void flowMappingsJsonCrlfAndAMissingFinalNewlineAreEditedInPlace() throws Exception {
        String flow = "apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jEnterpriseStandalone\nmetadata: {name: s}\n"
                + "spec: {resources: {limits: {memory: 2Gi}}, config: {a/b~c: x}}";
        write("flow.yaml", flow);
        Run r = run("", "mutate", "flow.yaml");
        assertThat(r.out()).isEqualTo(flow.replace("config: {a/b~c: x}", "config: {a/b~c: x, "
                + "server.memory.heap.initial_size: \"512m\", server.memory.heap.max_size: \"512m\", "
                + "server.memory.pagecache.size: \"512m\", server.backup.listen_address: \"0.0.0.0:6362\"}") + "\n");

        String json = "{\n  \"apiVersion\": \"neo4j.neo4j.com/v1beta1\",\n  \"kind\": \"Neo4jEnterpriseStandalone\",\n"
                + "  \"metadata\": {\"name\": \"s\"},\n  \"spec\": {\"resources\": {\"limits\": {\"memory\": \"2Gi\"}}}\n}\n";
        write("s.json", json);
        Run j = run("", "mutate", "s.json");
        assertThat(j.err()).isEmpty();
        // JSON stays JSON: the new member is written with quoted keys, right after the last one.
        assertThat(j.out()).isEqualTo(json.replace("\"2Gi\"}}}", "\"2Gi\"}}, \"config\": {"
                + "\"server.memory.heap.initial_size\": \"512m\", \"server.memory.heap.max_size\": \"512m\", "
                + "\"server.memory.pagecache.size\": \"512m\", \"server.backup.listen_address\": \"0.0.0.0:6362\"}}"));
        assertThat(new ObjectMapper().readTree(j.out())).isEqualTo(Defaults.standard().apply(read(json).get(0)));

        String crlf = CLUSTER.replace("\n", "\r\n");
        write("crlf.yaml", crlf);
        Run c = run("", "mutate", "crlf.yaml");
        assertThat(c.out()).isEqualTo(CLUSTER_MUTATED.replace("\n", "\r\n"));
    }

    @Test
    void nullOrEmptyParentsAndBlockScalarsAtTheEnd() throws Exception {
        String text = """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseStandalone
                metadata: {name: s}
                spec:
                  resources: {limits: {memory: 16Gi}}
                  config: ~   # nothing yet
                  license: |
                    line one
                    line two
                """;
        write("s.yaml", text);
        Run r = run("", "mutate", "s.yaml");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("  config: {server.memory.heap.initial_size: \"5g\", server.memory.heap.max_size: "
                + "\"5g\", server.memory.pagecache.size: \"7g\", server.backup.listen_address: \"0.0.0.0:6362\"}   "
                + "# nothing yet\n").endsWith("    line two\n");
        assertThat(read(r.out()).get(0).tree()).isEqualTo(Defaults.standard().apply(read(text).get(0)));

        String empty = text.replace("  config: ~   # nothing yet\n", "  config:\n");
        write("e.yaml", empty);
        Run e = run("", "mutate", "e.yaml");
        assertThat(e.err()).isEmpty();
        assertThat(read(e.out()).get(0).tree()).isEqualTo(Defaults.standard().apply(read(empty).get(0)));
    }

    @Test
    void listItemsAreDefaultedInPlace() throws Exception {
        String list = "apiVersion: v1\nkind: List\nitems:\n- " + CLUSTER.replace("\n", "\n  ").strip() + "\n";
        write("list.yaml", list);
        Run r = run("", "mutate", "list.yaml");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("    server.memory.heap.max_size: \"3584m\"\n");
        assertThat(read(r.out()).get(0).tree()).isEqualTo(Defaults.standard().apply(read(list).get(0)));
    }

    @Test
    void anchorsAndMergeKeysFallBackToWritingTheObjectsAndSaySo() throws Exception {
        String anchored = """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: a}
                spec:
                  topology: {servers: 1}
                  resources: {limits: {memory: 8Gi}}
                  config: &common   # shared
                    db.logs.query.enabled: INFO
                  propertySharding:
                    config: *common
                  env:
                    - {name: TZ, value: UTC}
                    - name: LIST
                      valueFrom: {configMapKeyRef: {name: x, key: "on"}}
                  extraVolumes: [[], [1, 2.5, "yes", null, {}], {}]
                """;
        write("anchored.yaml", anchored);
        Run r = run("", "mutate", "anchored.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("anchored.yaml: written from the parsed objects; comments and formatting are "
                + "not kept (the defaults go into a mapping shared through a YAML anchor or alias)");
        Resource back = read(r.out()).get(0);
        assertThat(back.tree()).isEqualTo(Defaults.standard().apply(read(anchored).get(0)));
        // The alias's copy is untouched: only spec.config got the defaults.
        assertThat(back.tree().at("/spec/propertySharding/config").size()).isEqualTo(1);
    }

    @Test
    void patchOutputIsOneEntryPerOperatorObjectAndAppliesWithAStandardImplementation() throws Exception {
        write("graph.yaml", CLUSTER + "---\n" + SECRET);
        Run r = run("", "mutate", "--output", "patch", "graph.yaml");
        assertThat(r.code()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.size()).isEqualTo(1);
        JsonNode entry = out.get(0);
        assertThat(entry.at("/file").asText()).isEqualTo("graph.yaml");
        assertThat(entry.at("/document").asInt()).isZero();
        assertThat(entry.at("/kind").asText()).isEqualTo("Neo4jEnterpriseCluster");
        assertThat(entry.at("/namespace").asText()).isEqualTo("db");
        assertThat(entry.at("/name").asText()).isEqualTo("graph");
        Resource original = read(CLUSTER).get(0);
        assertThat(JsonPatch.apply(entry.at("/patch"), original.tree()))
                .isEqualTo(Defaults.standard().apply(original));
        assertThat(entry.at("/patch").findValuesAsText("op")).containsOnly("add");
    }

    @Test
    void aPolicyCanRequireAntiAffinityAndABadOneExitsTwo() throws Exception {
        write("graph.yaml", CLUSTER);
        write("p.yaml", "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\ndefaults: {antiAffinity: required}\n");
        Run r = run("", "mutate", "--policy", "p.yaml", "graph.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("type: \"required\"");
        write("bad.yaml", "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\ndefaults: {antiAffinity: always}\n");
        Run bad = run("", "mutate", "--policy", "bad.yaml", "graph.yaml");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("policy bad.yaml:3:12: defaults.antiAffinity: invalid antiAffinity \"always\"");
    }

    @Test
    void unreadableInputExitsTwoAndWritesNothing() throws Exception {
        write("graph.yaml", CLUSTER);
        write("broken.yaml", "apiVersion: v1\nkind: [\n");
        Run r = run("", "mutate", "graph.yaml", "broken.yaml", "missing.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("broken.yaml:").contains("missing.yaml: no such file or directory")
                .contains("2 inputs could not be read; nothing was written");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("", "mutate").code()).isEqualTo(2);
        assertThat(run("", "mutate", "--output", "json", "x.yaml").code()).isEqualTo(2);
        assertThat(run("", "mutate", "-", "-").code()).isEqualTo(2);
        assertThat(run("", "mutate", "--help").out()).contains("--output").contains("--policy");
    }

    @Test
    void filesWithoutChangesAreCopiedByteForByte() throws Exception {
        String odd = "# only a comment\n---\n" + SECRET + "...\n";
        write("odd.yaml", odd);
        assertThat(run("", "mutate", "odd.yaml").out()).isEqualTo(odd);
    }
}
