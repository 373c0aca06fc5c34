package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.Specs.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.server.Specs.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryCheckTest {
    private final MemoryCheck check = new MemoryCheck();

    private List<Finding> run(Resource r) {
        return CheckRun.run(check, r);
    }

    private static Resource withConfig(String limit, String configLines) {
        return cluster("""
                image: {repo: neo4j, tag: 2025.10.1-enterprise}
                resources:
                  limits: {memory: %s}
                config:
                %s
                """.formatted(limit, configLines.indent(2)));
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> f = findings.stream().filter(x -> x.rule().equals(rule)).toList();
        assertThat(f).as("findings of " + rule + " in " + findings).hasSize(1);
        return f.get(0);
    }

    @Test
    void onlyALimitIsFineTheDefaultsFillThePools() {
        assertThat(run(cluster("resources: {limits: {memory: 8Gi}}"))).isEmpty();
    }

    @Test
    void kubernetesUnitInANeo4jSettingIsAnErrorWithTheNeo4jFormAsFix() {
        List<Finding> f = run(withConfig("8Gi", "server.memory.heap.max_size: 4Gi"));

        Finding unit = only(f, "memory.kubernetes-unit");
        assertThat(unit.field()).isEqualTo("spec.config[server.memory.heap.max_size]");
        assertThat(unit.message()).startsWith("Invalid value: \"4Gi\": Kubernetes units are not Neo4j units");
        assertThat(unit.hint()).startsWith("write 4g");
        assertThat(unit.fix()).containsExactly(PatchOperation.replace("/spec/config/server.memory.heap.max_size",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("4g")));
    }

    @Test
    void kubernetesUnitFixEscapesTheKeyAsAJsonPointer() {
        // RFC 6901: '/' is ~1 and '~' is ~0. No memory key has them, so check the escaping the fixes use.
        assertThat(ConfigSources.pointerEscape("a/b~c")).isEqualTo("a~1b~0c");
        List<Finding> f = run(withConfig("8Gi", "dbms.memory.pagecache.size: 1536Mi"));
        Finding unit = only(f, "memory.kubernetes-unit");
        assertThat(unit.fix().get(0).path()).isEqualTo("/spec/config/dbms.memory.pagecache.size");
        assertThat(unit.fix().get(0).value().textValue()).isEqualTo("1536m");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # setting                           | value  | rule (none = accepted)
            server.memory.heap.max_size         | 2GB    | none
            server.memory.heap.max_size         | 1GiB   | none
            server.memory.heap.max_size         | '4 g'  | none
            server.memory.heap.max_size         | 1,024m | none
            server.memory.heap.max_size         | 1.5g   | none
            server.memory.heap.max_size         | lots   | memory.invalid-size
            server.memory.heap.max_size         | -1g    | memory.invalid-size
            server.memory.heap.max_size         | 1T     | memory.invalid-size
            server.memory.pagecache.size        | 512Mi  | memory.kubernetes-unit
            dbms.memory.transaction.total.max   | 0      | none
            dbms.memory.transaction.total.max   | 10m    | none
            dbms.memory.transaction.total.max   | 10239k | memory.invalid-size
            db.memory.transaction.total.max     | 9m     | memory.invalid-size
            db.memory.transaction.max           | 1m     | none
            db.memory.transaction.max           | 1023k  | memory.invalid-size
            dbms.memory.transaction.global_max_size | 5m | memory.invalid-size
            """)
    void neo4jSizeGrammarAndRanges(String setting, String value, String rule) {
        List<Finding> f = run(withConfig("64Gi", setting + ": \"" + value + "\""));
        if (rule.equals("none")) {
            assertThat(f).isEmpty();
        } else {
            assertThat(ids(f)).containsExactly(rule);
            assertThat(f.get(0).field()).isEqualTo("spec.config[" + setting + "]");
        }
    }

    @Test
    void heapAndPageCacheArithmeticIsShownInNeo4jUnits() {
        List<Finding> f = run(withConfig("8Gi", """
                server.memory.heap.max_size: 4g
                server.memory.pagecache.size: 3g"""));

        Finding w = only(f, "memory.below-recommendation");
        assertThat(w.field()).isEqualTo("spec.resources.limits.memory");
        assertThat(w.message()).isEqualTo("Invalid value: \"8Gi\": heap 4g + page cache 3g = 7g leaves 1g of the 8Gi "
                + "limit; Neo4j's memory recommendation keeps 2560m for the OS at this size");
        assertThat(w.hint()).isEqualTo("Neo4j's memory recommendation for 8Gi: heap 3584m, page cache 2g");
    }

    @Test
    void overTheHardFloorIsAnErrorThatNamesTheMinimumLimit() {
        List<Finding> f = run(withConfig("8Gi", """
                server.memory.heap.max_size: 6g
                server.memory.pagecache.size: 3g"""));

        Finding e = only(f, "memory.over-limit");
        assertThat(e.message()).isEqualTo("Invalid value: \"8Gi\": heap 6g + page cache 3g = 9g exceeds the 8Gi limit by "
                + "1g; at least 448m must stay free for JVM native memory and the OS");
        assertThat(e.hint()).startsWith("lower heap or page cache, or raise the limit to at least 9664m;");
        assertThat(ids(f)).doesNotContain("memory.below-recommendation");
    }

    @Test
    void aRequestStandsInForAMissingLimit() {
        List<Finding> f = run(cluster("""
                resources: {requests: {memory: 4Gi}}
                config: {server.memory.heap.max_size: 3g, server.memory.pagecache.size: 1g}
                """));

        Finding e = only(f, "memory.over-limit");
        assertThat(e.field()).isEqualTo("spec.resources.requests.memory");
        assertThat(e.message()).contains("of the 4Gi request (no limit is set)");
        assertThat(ids(f)).doesNotContain("memory.no-limit");
    }

    @Test
    void noLimitAndNoRequestIsAWarningNeverALimitOfZero() {
        List<Finding> f = run(standalone("config: {server.memory.heap.max_size: 64g}"));

        assertThat(ids(f)).containsExactly("memory.no-limit");
        assertThat(f.get(0).field()).isEqualTo("spec.resources.limits.memory");
    }

    /** 2GB as documented is 2e9 bytes: 1.9Gi (2.04e9) passes although the Helm chart's unit-blind check refuses it. */
    @ParameterizedTest(name = "limit {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8GB        | memory.invalid-quantity
            0          | memory.invalid-quantity
            lots       | memory.invalid-quantity
            1999999999 | memory.limit-below-minimum
            1.8Gi      | memory.limit-below-minimum
            1.9Gi      | none
            2G         | none
            2000000000 | none
            2Gi        | none
            """)
    void containerLimitGrammarAndDocumentedMinimum(String limit, String rule) {
        List<Finding> f = run(cluster("resources: {limits: {memory: \"" + limit + "\"}}"));
        if (rule.equals("none")) {
            assertThat(f).isEmpty();
        } else {
            assertThat(ids(f)).containsExactly(rule);
            assertThat(f.get(0).field()).isEqualTo("spec.resources.limits.memory");
        }
    }

    @Test
    void aNumericLimitIsReadAsBytes() {
        assertThat(run(cluster("resources: {limits: {memory: 8589934592}}"))).isEmpty();
    }

    @ParameterizedTest(name = "initial {0}, max {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            4g    | 2g    | memory.initial-heap-over-max
            2049m | 2g    | memory.initial-heap-over-max
            2g    | 2g    | none
            1g    | 2g    | none
            """)
    void initialHeapMustNotExceedTheMax(String initial, String max, String rule) {
        List<Finding> f = run(withConfig("16Gi", "server.memory.heap.initial_size: " + initial
                + "\nserver.memory.heap.max_size: " + max));
        if (rule.equals("none")) {
            assertThat(ids(f)).doesNotContain("memory.initial-heap-over-max");
        } else {
            Finding e = only(f, rule);
            assertThat(e.field()).isEqualTo("spec.config[server.memory.heap.initial_size]");
            assertThat(e.message()).contains("the JVM refuses to start");
        }
    }

    @Test
    void xmsInJvmAdditionalCountsAsInitialHeapWhenNoSettingBeatsIt() {
        List<Finding> f = run(withConfig("16Gi", """
                server.jvm.additional: "-XX:+UseG1GC -Xms8g"
                server.memory.heap.max_size: 4g"""));

        assertThat(only(f, "memory.initial-heap-over-max").field()).isEqualTo("spec.config[server.jvm.additional]");
    }

    @Test
    void xmxInJvmAdditionalIsOverriddenByTheHeapSetting() {
        List<Finding> f = run(withConfig("8Gi", """
                server.jvm.additional: "-Xmx7g"
                server.memory.heap.max_size: 3584m
                server.memory.pagecache.size: 2g"""));

        Finding w = only(f, "memory.overridden-setting");
        assertThat(w.field()).isEqualTo("spec.config[server.jvm.additional]");
        assertThat(w.message()).contains("-Xmx is ignored").contains("the last -Xmx wins");
        assertThat(ids(f)).doesNotContain("memory.over-limit", "memory.below-recommendation");
    }

    @Test
    void xmxInJvmAdditionalIsTheHeapWhenNothingElseSetsIt() {
        List<Finding> f = run(withConfig("8Gi", """
                server.jvm.additional: "-Xmx7g"
                server.memory.pagecache.size: 2g"""));

        assertThat(only(f, "memory.over-limit").message()).contains("heap 7g (server.jvm.additional -Xmx)");
    }

    @Test
    void heapSizeEnvBeatsTheSettingsAndIsReadInJvmGrammar() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                config: {server.memory.heap.max_size: 2g, server.memory.pagecache.size: 2g}
                env:
                  - {name: HEAP_SIZE, value: 6G}
                """));

        assertThat(only(f, "memory.overridden-setting").message()).contains("env HEAP_SIZE");
        assertThat(only(f, "memory.over-limit").message()).contains("heap 6g (HEAP_SIZE)");
    }

    @Test
    void heapSizeWithAKubernetesUnitGetsTheJvmForm() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                env:
                  - {name: HEAP_SIZE, value: 4Gi}
                """));

        Finding unit = only(f, "memory.kubernetes-unit");
        assertThat(unit.field()).isEqualTo("spec.env[0].value");
        assertThat(unit.fix().get(0).path()).isEqualTo("/spec/env/0/value");
        assertThat(unit.fix().get(0).value().textValue()).isEqualTo("4g");
    }

    @Test
    void javaOptsReplacesEverythingAndItsXmxIsTheHeap() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                config: {server.memory.heap.max_size: 2g, server.memory.pagecache.size: 2g}
                env:
                  - {name: JAVA_OPTS, value: "-XX:+UseG1GC -Xmx4g -Xmx6g"}
                """));

        Finding w = only(f, "memory.java-opts");
        assertThat(w.field()).isEqualTo("spec.env[0].value");
        assertThat(w.message()).contains("JAVA_OPTS replaces all of Neo4j's JVM options")
                .endsWith("; ignored here: server.memory.heap.max_size");
        assertThat(only(f, "memory.over-limit").message()).contains("heap 6g (JAVA_OPTS -Xmx)");
    }

    @Test
    void javaOptsWithoutXmxLeavesTheJvmDefaultHeap() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                config: {server.memory.pagecache.size: 5g}
                env:
                  - {name: JAVA_OPTS, value: "-XX:+UseG1GC"}
                """));

        assertThat(only(f, "memory.below-recommendation").message())
                .contains("heap 2g (JVM default: 25% of the limit, JAVA_OPTS has no -Xmx) + page cache 5g");
    }

    @Test
    void anEnvVarReplacesTheConfigLineOfTheSameSetting() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                config: {server.memory.heap.max_size: 2g, server.memory.pagecache.size: 2g}
                env:
                  - {name: NEO4J_server_memory_heap_max__size, value: 6g}
                """));

        Finding w = only(f, "memory.overridden-setting");
        assertThat(w.field()).isEqualTo("spec.config[server.memory.heap.max_size]");
        assertThat(only(f, "memory.over-limit").message())
                .contains("heap 6g (env NEO4J_server_memory_heap_max__size) + page cache 2g");
    }

    @Test
    void legacyNamesCountUnlessTheNewNameIsSet() {
        assertThat(ids(run(withConfig("8Gi", """
                dbms.memory.heap.max_size: 6g
                dbms.memory.pagecache.size: 3g""")))).containsExactly("memory.over-limit");
        assertThat(ids(run(withConfig("8Gi", """
                dbms.memory.heap.max_size: 6g
                server.memory.heap.max_size: 3584m
                server.memory.pagecache.size: 2g""")))).isEmpty();
    }

    @ParameterizedTest(name = "tx {0}, heap {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            8g    | 4g | memory.transaction-over-heap
            4097m | 4g | memory.transaction-over-heap
            4g    | 4g | none
            0     | 4g | none
            """)
    void transactionMemoryAboveTheHeapNeverApplies(String tx, String heap, String rule) {
        List<Finding> f = run(withConfig("16Gi", "dbms.memory.transaction.total.max: " + tx
                + "\nserver.memory.heap.max_size: " + heap));
        if (rule.equals("none")) {
            assertThat(ids(f)).doesNotContain("memory.transaction-over-heap");
        } else {
            assertThat(only(f, rule).field()).isEqualTo("spec.config[dbms.memory.transaction.total.max]");
        }
    }

    @Test
    void offHeapTransactionStateCountsOnlyOnFiveX() {
        String spec = """
                image: {repo: neo4j, tag: %s}
                resources: {limits: {memory: 8Gi}}
                config:
                  server.memory.heap.max_size: 3g
                  server.memory.pagecache.size: 2g
                  db.tx_state.memory_allocation: OFF_HEAP
                """;
        List<Finding> five = run(cluster(spec.formatted("5.26.0-enterprise")));
        assertThat(only(five, "memory.below-recommendation").message())
                .contains("heap 3g + page cache 2g + off-heap transaction state 2g = 7g leaves 1g");

        assertThat(ids(run(cluster(spec.formatted("2025.10.1-enterprise"))))).isEmpty();
    }

    @Test
    void memoryInPropertyShardingConfigIsDropped() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                propertySharding:
                  enabled: true
                  config: {server.memory.heap.max_size: 64g, db.query.default_language: CYPHER_25}
                """));

        assertThat(ids(f)).containsExactly("memory.in-property-sharding-config");
        assertThat(f.get(0).field()).isEqualTo("spec.propertySharding.config[server.memory.heap.max_size]");
    }

    @Test
    void smallPoolsAreASizingChoiceNotAFault() {
        // Neo4j's own recommendation for 512m: the reference operator's 256 MiB heap and 128 MiB page cache floors
        // would reject it; only the documented 2GB minimum is reported, as a warning.
        List<Finding> f = run(withConfig("512Mi", """
                server.memory.heap.max_size: 153m
                server.memory.pagecache.size: 26m"""));

        assertThat(ids(f)).containsExactly("memory.limit-below-minimum");
    }

    @Test
    void theLastOfRepeatedEnvVarsCounts() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                config: {server.memory.pagecache.size: 2g}
                env:
                  - {name: HEAP_SIZE, value: 7g}
                  - {name: HEAP_SIZE, value: 3584m}
                """));

        assertThat(ids(f)).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 1Gi}}
                config:
                  server.memory.heap.max_size: 4Gi
                  server.memory.heap.initial_size: 8g
                  server.memory.pagecache.size: lots
                  dbms.memory.transaction.total.max: 1m
                """));

        assertThat(ids(f)).contains("memory.kubernetes-unit", "memory.invalid-size", "memory.limit-below-minimum");
        assertThat(ids(f).stream().filter("memory.invalid-size"::equals)).hasSize(2);
    }
}
