package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.Specs.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.server.Specs.standalone;
import static org.assertj.core.api.Assertions.assertThat;

/** The reference operator's memory refusals (memory_validator.go), one by one, and where it does not look. */
class OperatorMemoryCheckTest {
    private final OperatorMemoryCheck check = new OperatorMemoryCheck();

    private List<Finding> run(Resource r) {
        return io.neo4jguard.core.testkit.CheckRun.run(check, r);
    }

    private static Resource withMemory(int servers, String limit, String config) {
        return cluster("""
                topology: {servers: %d}
                resources: {limits: {memory: %s}}
                config: {%s}
                """.formatted(servers, limit, config));
    }

    @ParameterizedTest(name = "{0} servers, {1}, config {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            3 | 1Gi   | ''                                                                   | none
            3 | 1023Mi | ''                                                                  | memory.operator-limit-floor
            3 | 1G    | ''                                                                   | memory.operator-limit-floor
            4 | 2Gi   | ''                                                                   | none
            4 | 1536Mi | ''                                                                  | memory.operator-limit-floor
            3 | 8Gi   | server.memory.heap.max_size: 255m                                    | memory.operator-heap-floor
            3 | 8Gi   | server.memory.heap.max_size: 256m                                    | none
            3 | 8Gi   | server.memory.pagecache.size: 127m                                   | memory.operator-page-cache-floor
            3 | 8Gi   | 'server.memory.heap.max_size: 3g, server.memory.pagecache.size: 3g'  | none
            3 | 8Gi   | 'server.memory.heap.max_size: 3g, server.memory.pagecache.size: 3073m' | memory.operator-overhead
            3 | 64Gi  | 'server.memory.heap.max_size: 24g, server.memory.pagecache.size: 28g' | memory.operator-overhead
            3 | 64Gi  | 'server.memory.heap.max_size: 24g, server.memory.pagecache.size: 24g' | none
            3 | 1Gi   | server.memory.heap.max_size: 513m                                    | memory.operator-overhead
            3 | 16Gi  | 'server.memory.heap.max_size: 4g, dbms.memory.transaction.total.max: 5g' | memory.operator-transaction-over-heap
            3 | 16Gi  | 'server.memory.heap.max_size: 4g, dbms.memory.transaction.total.max: 4g' | none
            3 | 8Gi   | server.memory.heap.max_size: 2GB                                     | memory.operator-size-format
            3 | 8Gi   | server.memory.pagecache.size: 1GiB                                   | memory.operator-size-format
            3 | 8Gi   | server.memory.heap.max_size: '4 g'                                   | memory.operator-size-format
            3 | 8Gi   | 'server.memory.heap.max_size: 1.5g, server.memory.pagecache.size: 1024m' | none
            3 | 8Gi   | server.memory.heap.max_size: 4Gi                                     | none
            """)
    void eachRefusal(int servers, String limit, String config, String rule) {
        List<String> found = ids(run(withMemory(servers, limit, config)));
        if (rule.equals("none")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(rule);
        }
    }

    @Test
    void requestsWithoutALimitCountAsZeroAndNoResourcesSkipEverything() {
        assertThat(ids(run(cluster("resources: {requests: {memory: 8Gi}}")))).containsExactly(
                "memory.operator-limit-floor");
        assertThat(run(cluster("config: {server.memory.heap.max_size: 100m}"))).isEmpty();
    }

    @Test
    void heapInPropertyShardingConfigCountsAsTheOperatorReadsItBack() {
        List<Finding> f = run(cluster("""
                resources: {limits: {memory: 8Gi}}
                propertySharding: {enabled: true, config: {server.memory.heap.max_size: 7g}}
                """));
        assertThat(ids(f)).containsExactly("memory.operator-overhead");
        assertThat(f.get(0).hint()).contains("at most");
    }

    @Test
    void standalonesAreNotChecked() {
        assertThat(check.kinds()).containsExactly("Neo4jEnterpriseCluster");
        assertThat(io.neo4jguard.core.Validator.standard().validate(standalone("""
                resources: {limits: {memory: 512Mi}}
                config: {server.memory.heap.max_size: 100m}
                """), null, null)).noneMatch(f -> f.rule().startsWith("memory.operator-"));
    }
}
