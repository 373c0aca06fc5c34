package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.memory.MemoryRecommendation;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Neo4jSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryPoolsDefaulterTest {
    private static final String HEAP_MAX = "/spec/config/server.memory.heap.max_size";
    private static final String HEAP_INITIAL = "/spec/config/server.memory.heap.initial_size";
    private static final String PAGE_CACHE = "/spec/config/server.memory.pagecache.size";

    /** A cluster that passes every rule except what the lines under spec add (indented by two). */
    private static Resource server(String kind, String specLines) throws Exception {
        String topology = kind.equals("Neo4jEnterpriseCluster") ? "  topology: {servers: 3}\n" : "";
        return new ManifestParser().parse("t.yaml", """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: %s
                metadata: {name: graph, namespace: db}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: 2025.10.1-enterprise}
                %s  storage: {size: 10Gi}
                  tls: {mode: disabled}
                  auth: {adminSecret: neo4j-admin-secret}
                %s""".formatted(kind, topology, specLines.indent(2))).get(0);
    }

    private static Resource cluster(String specLines) throws Exception {
        return server("Neo4jEnterpriseCluster", specLines);
    }

    private static Resource limit(String quantity) throws Exception {
        return cluster("resources: {limits: {memory: \"" + quantity + "\"}}");
    }

    private static ObjectNode applied(Resource r) {
        return Defaults.standard().apply(r);
    }

    private static String at(ObjectNode tree, String pointer) {
        return tree.at(pointer).isMissingNode() ? null : tree.at(pointer).asText();
    }

    /** Memory findings other than the small-container warning, which only the limit itself decides. */
    private static List<Finding> memoryFindings(ObjectNode tree) {
        return Validator.standard().validate(Resource.of(tree), null, null).stream()
                .filter(f -> f.rule().startsWith("memory.") && !f.rule().equals("memory.limit-below-minimum"))
                .toList();
    }

    /**
     * Both tables of measured outputs, every recorded run of neo4j-admin server memory-recommendation, given as a
     * Kubernetes limit of the same bytes (512m = 512Mi). The expected strings are the exact byte columns
     * written in Neo4j units by hand (3758096384 = 3584m), never the command's display column (3600m).
     */
    @ParameterizedTest(name = "limit {0}: heap {1}, page cache {2}")
    @CsvSource(delimiter = '|', textBlock = """
            512Mi  | 153m   | 26m
            1Gi    | 307m   | 52m
            2Gi    | 512m   | 512m
            4Gi    | 2g     | 512m
            8Gi    | 3584m  | 2g
            16Gi   | 5g     | 7g
            32Gi   | 12g    | 12g
            64Gi   | 24g    | 28g
            128Gi  | 31g    | 81g
            256Gi  | 31g    | 205g
            512Gi  | 31g    | 457g
            1000Mi | 299m   | 51m
            1500Mi | 402m   | 266m
            3Gi    | 1280m  | 512m
            6Gi    | 3g     | 1g
            12Gi   | 4608m  | 4g
            24Gi   | 8g     | 10g
            48Gi   | 18g    | 20g
            96Gi   | 28160m | 55808m
            1Ti    | 31g    | 963g
            1024Gi | 31g    | 963g
            2Ti    | 31g    | 1987g
            2048Gi | 31g    | 1987g
            """)
    void goldenRecommendationForEveryRecordedLimit(String limit, String heap, String pageCache) throws Exception {
        ObjectNode out = applied(limit(limit));
        assertThat(at(out, HEAP_INITIAL)).isEqualTo(heap);
        assertThat(at(out, HEAP_MAX)).isEqualTo(heap);
        assertThat(at(out, PAGE_CACHE)).isEqualTo(pageCache);
        // The strings carry exactly the recommendation's bytes, and validation accepts them without a word.
        long total = KubernetesQuantity.bytes(limit).value();
        assertThat(Neo4jSize.parse(heap).value()).isEqualTo(MemoryRecommendation.forTotal(total).heap());
        assertThat(Neo4jSize.parse(pageCache).value()).isEqualTo(MemoryRecommendation.forTotal(total).pageCache());
        assertThat(memoryFindings(out)).isEmpty();
    }

    /**
     * Decimal quantities are decimal bytes: 8G is 8e9 bytes (7.45 GiB), not 8 GiB (Kubernetes' decimal suffixes). Expected
     * values from an independent implementation of §1.2 (Python, double arithmetic, int() truncation); the
     * page cache is the exact remainder, so it is written in k or plain bytes when it is not whole MiB.
     */
    @ParameterizedTest(name = "limit {0}: heap {1}, page cache {2}")
    @CsvSource(delimiter = '|', textBlock = """
            8G     | 3443m | 1809812k
            2G     | 483m  | 461157k
            16G    | 4979m | 6476584k
            64G    | 22888m | 27056288k
            1T     | 31g   | 913739076k
            4000M  | 1837m | 525002k
            500M   | 142m  | 26043648
            1e9    | 286m  | 51038720
            1.5Gi  | 409m  | 283m
            """)
    void decimalAndFractionalQuantities(String limit, String heap, String pageCache) throws Exception {
        ObjectNode out = applied(limit(limit));
        assertThat(at(out, HEAP_MAX)).isEqualTo(heap);
        assertThat(at(out, HEAP_INITIAL)).isEqualTo(heap);
        assertThat(at(out, PAGE_CACHE)).isEqualTo(pageCache);
        assertThat(memoryFindings(out)).isEmpty();
    }

    @Test
    void neverWritesNeoAdminsDisplayStringsOrKubernetesUnits() throws Exception {
        ObjectNode out = applied(limit("8Gi"));
        assertThat(MemoryRecommendation.display(3758096384L)).isEqualTo("3600m"); // what neo4j-admin prints
        assertThat(at(out, HEAP_MAX)).isEqualTo("3584m");
        assertThat(out.at("/spec/config").toString()).doesNotContain("Gi", "Mi", "3600m");
    }

    @Test
    void standalonesGetTheSamePools() throws Exception {
        ObjectNode out = applied(server("Neo4jEnterpriseStandalone", "resources: {limits: {memory: 16Gi}}"));
        assertThat(at(out, HEAP_MAX)).isEqualTo("5g");
        assertThat(at(out, PAGE_CACHE)).isEqualTo("7g");
        assertThat(memoryFindings(out)).isEmpty();
    }

    @Test
    void theRequestCountsWhenThereIsNoLimit() throws Exception {
        ObjectNode out = applied(cluster("resources: {requests: {memory: 16Gi}}"));
        assertThat(at(out, HEAP_MAX)).isEqualTo("5g");
        assertThat(at(out, PAGE_CACHE)).isEqualTo("7g");
    }

    @Test
    void theLimitWinsOverTheRequest() throws Exception {
        ObjectNode out = applied(cluster("resources: {requests: {memory: 4Gi}, limits: {memory: 16Gi}}"));
        assertThat(at(out, HEAP_MAX)).isEqualTo("5g");
    }

    @Test
    void nothingWithoutMemoryOrWithAnUnreadableLimit() throws Exception {
        for (String resources : List.of("", "resources: {}", "resources: {limits: {cpu: 2}}",
                "resources: {limits: {memory: 8gb}, requests: {memory: 8Gi}}",
                "resources: {limits: {memory: \"0\"}}", "resources: {limits: {memory: [8Gi]}}")) {
            assertThat(Defaults.standard().patch(cluster(resources)))
                    .as(resources).noneMatch(op -> op.path().contains("memory") || op.value().toString().contains("memory"));
        }
    }

    @Test
    void tinyContainersGetNothingBecauseTheRecommendationItselfWouldNotFit() throws Exception {
        // At 100 MiB the recommendation's 8 MiB page-cache clamp eats into its own OS reserve.
        ObjectNode out = applied(limit("100Mi"));
        assertThat(at(out, HEAP_MAX)).isNull();
        assertThat(at(out, PAGE_CACHE)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            config: {server.memory.heap.max_size: 4g}
            config: {dbms.memory.heap.max_size: 4g}
            config: {server.memory.heap.max_size: 4096m, server.memory.heap.initial_size: 1g}
            env: [{name: NEO4J_server_memory_heap_max__size, value: 4g}]
            env: [{name: HEAP_SIZE, value: 4g}]
            env: [{name: JAVA_OPTS, value: '-Xms4g -Xmx4g'}]
            config: {server.jvm.additional: '-XX:+UseG1GC -Xmx4g'}
            """)
    void aUserHeapGetsThePageCacheThatRemainsAfterTheOsReserve(String userLine) throws Exception {
        // 8 GiB - 2.5 GiB OS reserve - 4 GiB heap = 1.5 GiB.
        Resource r = cluster("resources: {limits: {memory: 8Gi}}\n" + userLine);
        ObjectNode out = applied(r);
        assertThat(at(out, PAGE_CACHE)).isEqualTo("1536m");
        assertThat(Defaults.standard().patch(r)).extracting(PatchOperation::path)
                .noneMatch(p -> p.contains("heap"));
        assertThat(memoryFindings(out)).filteredOn(f -> !f.rule().equals("memory.overridden-setting")
                && !f.rule().equals("memory.java-opts")).isEmpty();
    }

    @Test
    void javaOptsWithoutXmxMeansTheJvmDefaultHeapOfAQuarterOfTheLimit() throws Exception {
        ObjectNode out = applied(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "env: [{name: JAVA_OPTS, value: '-XX:+UseG1GC'}]"));
        assertThat(at(out, HEAP_MAX)).isNull();
        assertThat(at(out, PAGE_CACHE)).isEqualTo("3584m"); // 8192 - 2560 - 2048 MiB
    }

    @Test
    void onlyTheInitialHeapSetLeavesBothPoolsAlone() throws Exception {
        List<PatchOperation> ops = Defaults.standard().patch(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "config: {server.memory.heap.initial_size: 2g}"));
        assertThat(ops).extracting(PatchOperation::path).noneMatch(p -> p.contains("memory"));
    }

    @Test
    void aMaxHeapAloneNeverGetsAnInitialHeap() throws Exception {
        ObjectNode out = applied(cluster("resources: {limits: {memory: 8Gi}}\nconfig: {server.memory.heap.max_size: 3g}"));
        assertThat(at(out, HEAP_INITIAL)).isNull();
        assertThat(at(out, PAGE_CACHE)).isEqualTo("2560m");
    }

    @ParameterizedTest(name = "page cache {0} at 8Gi: heap {1}")
    @CsvSource(delimiter = '|', textBlock = """
            server.memory.pagecache.size: 1g  | 3584m
            server.memory.pagecache.size: 3g  | 2560m
            dbms.memory.pagecache.size: 3g    | 2560m
            server.memory.pagecache.size: 4g  | none
            server.memory.pagecache.size: 3000000000 | 2770m
            """)
    void aUserPageCacheGetsTheRecommendedHeapOrWhatRemains(String setting, String heap) throws Exception {
        // heap = min(3584m recommended, 8192 - 2560 - page cache), whole MiB, at least half of 3584m.
        ObjectNode out = applied(cluster("resources: {limits: {memory: 8Gi}}\nconfig: {" + setting + "}"));
        if (heap.equals("none")) {
            assertThat(at(out, HEAP_MAX)).isNull();
            assertThat(at(out, HEAP_INITIAL)).isNull();
        } else {
            assertThat(at(out, HEAP_MAX)).isEqualTo(heap);
            assertThat(at(out, HEAP_INITIAL)).isEqualTo(heap);
            assertThat(memoryFindings(out)).isEmpty();
        }
        assertThat(out.at("/spec/config").size()).isEqualTo(heap.equals("none") ? 2 : 4); // + backup listen
    }

    @Test
    void aPageCacheAsEnvVarCountsAsSet() throws Exception {
        ObjectNode out = applied(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "env: [{name: NEO4J_server_memory_pagecache_size, value: 1g}]"));
        assertThat(at(out, PAGE_CACHE)).isNull();
        assertThat(at(out, HEAP_MAX)).isEqualTo("3584m");
    }

    @Test
    void bothPoolsSetOrAHeapThatLeavesNoPageCacheMeanNothing() throws Exception {
        assertThat(Defaults.standard().patch(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "config: {server.memory.heap.max_size: 2g, dbms.memory.pagecache.size: 1g}")))
                .extracting(PatchOperation::path).noneMatch(p -> p.contains("memory"));
        assertThat(Defaults.standard().patch(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "config: {server.memory.heap.max_size: 6g}")))
                .extracting(PatchOperation::path).noneMatch(p -> p.contains("memory"));
    }

    @Test
    void anUnreadableUserHeapIsStillTheUsers() throws Exception {
        // The legacy name with a Kubernetes unit: validation's error; a new-name default would silently win.
        ObjectNode out = applied(cluster("resources: {limits: {memory: 8Gi}}\nconfig: {dbms.memory.heap.max_size: 4Gi}"));
        assertThat(at(out, HEAP_MAX)).isNull();
        assertThat(at(out, PAGE_CACHE)).isNull();
        ObjectNode secret = applied(cluster("resources: {limits: {memory: 8Gi}}\n"
                + "env: [{name: HEAP_SIZE, valueFrom: {configMapKeyRef: {name: jvm, key: heap}}}]"));
        assertThat(at(secret, HEAP_MAX)).isNull();
        assertThat(at(secret, PAGE_CACHE)).isNull();
    }

    @Test
    void offHeapTransactionStateOn5xComesOutOfThePageCache() throws Exception {
        ObjectNode tree = cluster("resources: {limits: {memory: 16Gi}}\n"
                + "config: {db.tx_state.memory_allocation: OFF_HEAP}").tree().deepCopy();
        ((ObjectNode) tree.at("/spec/image")).put("tag", "5.26.0-enterprise");
        ObjectNode out = Defaults.standard().apply(Resource.of(tree));
        // 16g - 4g OS - 5g heap - 2g (server.memory.off_heap.transaction_max_size default) = 5g.
        assertThat(at(out, HEAP_MAX)).isEqualTo("5g");
        assertThat(at(out, PAGE_CACHE)).isEqualTo("5g");
        assertThat(memoryFindings(out)).isEmpty();
    }

    @Test
    void allThreeGoIntoANewConfigMapInOneOperation() throws Exception {
        List<PatchOperation> ops = Defaults.standard().patch(limit("8Gi"));
        List<PatchOperation> config = ops.stream().filter(op -> op.path().startsWith("/spec/config")).toList();
        assertThat(config).hasSize(1);
        assertThat(config.get(0).path()).isEqualTo("/spec/config");
        assertThat(config.get(0).value().fieldNames()).toIterable().containsExactly(
                "server.memory.heap.initial_size", "server.memory.heap.max_size", "server.memory.pagecache.size",
                "server.backup.listen_address");
    }

    @Test
    void anExistingConfigGetsOneAddPerKeyAndKeepsItsValues() throws Exception {
        Resource r = cluster("resources: {limits: {memory: 8Gi}}\nconfig: {a/b~c: \"1\", db.logs.query.enabled: INFO}");
        List<PatchOperation> ops = Defaults.standard().patch(r);
        assertThat(ops).extracting(PatchOperation::path).contains(HEAP_MAX, HEAP_INITIAL, PAGE_CACHE);
        ObjectNode out = applied(r);
        assertThat(out.at("/spec/config/a~1b~0c").asText()).isEqualTo("1");
        assertThat(Defaults.standard().patch(Resource.of(out))).isEmpty();
    }

    @Test
    void optOutAnnotationAlsoStopsMemoryDefaults() throws Exception {
        ObjectNode tree = limit("8Gi").tree().deepCopy();
        ((ObjectNode) tree.get("metadata")).putObject("annotations").put(Defaults.OPT_OUT_ANNOTATION, "off");
        assertThat(Defaults.standard().patch(Resource.of(tree))).isEmpty();
    }
}
