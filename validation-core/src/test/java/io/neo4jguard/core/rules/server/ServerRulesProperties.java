package io.neo4jguard.core.rules.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.memory.MemoryBudget;
import io.neo4jguard.core.memory.MemoryRecommendation;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.units.Neo4jSize;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ServerRulesProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Field names the checks look at, so random trees hit the interesting paths, plus a few others. */
    private static final List<String> KEYS = List.of("config", "env", "resources", "limits", "requests", "memory",
            "propertySharding", "image", "tag", "extraVolumes", "extraVolumeMounts", "trustedCASecrets", "name",
            "mountPath", "value", "valueFrom", "server.memory.heap.max_size", "server.memory.heap.initial_size",
            "server.memory.pagecache.size", "dbms.memory.transaction.total.max", "server.jvm.additional",
            "db.tx_state.memory_allocation", "dbms.ssl.policy.bolt.enabled", "server.groups",
            "dbms.cluster.discovery.version", "JAVA_OPTS", "HEAP_SIZE", " spaced ", "a=b", "x\ny", "", "ü/~");

    /** Values that stress the parsers. */
    private static final List<String> TEXTS = List.of("4Gi", "4g", "-1", "1e999999999", "1E30g", "9999999999999999999g",
            "0", "", " ", "OFF_HEAP", "-Xmx4Gi -Xms99999999999999999999g", "-XX:MaxRAMPercentage=1e9", "5.26.0-enterprise",
            "2025.13.99-enterprise", "/data/../", "//", "..", "HEAP_SIZE", "JAVA_OPTS", "NEO4J_server_memory_heap_max__size",
            "NEO4J_", "NEO4J__FILE", "V2_ONLY", "\u0000\u2028", "😀", "a\nb");

    @Provide
    Arbitrary<JsonNode> trees() {
        return tree(4);
    }

    private Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.of(TEXTS).map(F::textNode),
                Arbitraries.strings().ofMaxLength(12).map(F::textNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> tree(depth - 1)))
                .ofMaxSize(5).map(m -> {
                    ObjectNode o = F.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> tree(depth - 1)).list().ofMaxSize(4).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(2, array));
    }

    /** Specs of the right shape with hostile leaves, so every parser and every precedence path is reached. */
    @Provide
    Arbitrary<JsonNode> shapedSpecs() {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(Arbitraries.of(TEXTS).map(F::textNode),
                Arbitraries.strings().ofMaxLength(10).map(F::textNode), Arbitraries.longs().map(F::numberNode),
                Arbitraries.just(F.nullNode()));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.of(TEXTS),
                Arbitraries.strings().ofMaxLength(10));
        Arbitrary<JsonNode> config = Arbitraries.maps(key, leaf).ofMaxSize(6).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
        Arbitrary<JsonNode> pairs = Arbitraries.maps(Arbitraries.of("name", "value", "mountPath", "valueFrom", "key"),
                leaf).ofMaxSize(3).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return (JsonNode) o;
        }).list().ofMaxSize(5).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return net.jqwik.api.Combinators.combine(config, config, pairs, pairs, pairs, leaf, leaf, leaf)
                .as((cfg, ps, env, vols, mounts, limit, request, tag) -> {
                    ObjectNode spec = F.objectNode();
                    spec.set("config", cfg);
                    spec.putObject("propertySharding").set("config", ps);
                    spec.set("env", env);
                    spec.set("extraVolumes", vols);
                    spec.set("extraVolumeMounts", mounts);
                    spec.set("trustedCASecrets", vols);
                    ObjectNode res = spec.putObject("resources");
                    res.putObject("limits").set("memory", limit);
                    res.putObject("requests").set("memory", request);
                    spec.putObject("image").set("tag", tag);
                    return spec;
                });
    }

    @Property(tries = 500)
    void shapedSpecsWithHostileValuesNeverMakeACheckThrow(@ForAll("shapedSpecs") JsonNode spec,
                                                          @ForAll boolean standalone) {
        randomSpecsNeverMakeACheckThrow(spec, standalone);
    }

    @Property(tries = 500)
    void randomSpecsNeverMakeACheckThrow(@ForAll("trees") JsonNode spec, @ForAll boolean standalone) {
        ObjectNode root = F.objectNode();
        root.put("apiVersion", Kinds.API_VERSION);
        root.put("kind", standalone ? Kinds.STANDALONE : Kinds.CLUSTER);
        root.putObject("metadata").put("name", "graph");
        root.set("spec", spec);
        Resource r = Resource.of(root);
        for (Check check : Specs.ALL) {
            RuleContext ctx = RuleContext.forTest(r, null, null, check);
            assertThatCode(() -> check.check(ctx)).as(check.getClass().getSimpleName() + " on " + spec)
                    .doesNotThrowAnyException();
        }
    }

    /**
     * What neo4j-admin recommends for a limit passes both memory tiers (our defaulting writes it, and its output
     * must validate), when written as exact bytes. Its printed strings can be larger than the bytes (3584m prints
     * as 3600m), so they are not what defaulting should write.
     */
    @Property(tries = 300)
    void neo4jsOwnRecommendationPasses(@ForAll @LongRange(min = 256, max = 4L * 1024 * 1024) long limitMib) {
        MemoryRecommendation.Recommendation rec = MemoryRecommendation.forTotal(limitMib * 1024 * 1024);
        Resource r = Specs.cluster("""
                resources: {limits: {memory: %dMi}}
                config:
                  server.memory.heap.initial_size: %s
                  server.memory.heap.max_size: %s
                  server.memory.pagecache.size: %s
                """.formatted(limitMib, Neo4jSize.format(rec.heap()), Neo4jSize.format(rec.heap()),
                Neo4jSize.format(rec.pageCache())));

        List<Finding> f = new ArrayList<>(CheckRun.run(new MemoryCheck(), r));

        assertThat(f).extracting(Finding::rule)
                .doesNotContain("memory.over-limit", "memory.below-recommendation", "memory.initial-heap-over-max");
    }

    /** Both sides of the error tier: one byte more page cache than the floor allows is an error, exactly at it is not. */
    @Property(tries = 200)
    void theErrorTierIsExactAtTheFloor(@ForAll @LongRange(min = 2048, max = 1024 * 1024) long limitMib,
                                       @ForAll @LongRange(min = 0, max = 100) long heapPercent) {
        long limit = limitMib * 1024 * 1024;
        long heap = limit * heapPercent / 200 / (1024 * 1024) * (1024 * 1024);
        long floor = new MemoryBudget(limit, heap, 0, 0).hardFloor();
        long pageCacheAtFloor = limit - heap - floor;
        if (pageCacheAtFloor < 1) {
            return;
        }
        assertThat(new MemoryBudget(limit, heap, pageCacheAtFloor, 0).overLimit()).isFalse();
        assertThat(new MemoryBudget(limit, heap, pageCacheAtFloor + 1, 0).overLimit()).isTrue();
    }
}
