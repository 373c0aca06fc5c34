package io.neo4jguard.core.memory;

import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Neo4jSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryBudgetTest {

    enum Tier { OK, WARNING, ERROR }

    @ParameterizedTest(name = "{0}: heap {1} + page cache {2} + off-heap {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # limit | heap  | page cache | off-heap | tier    | why
            8Gi     | 4g    | 3g         | 0        | WARNING | leaves 1g: above the 384m floor (256m + 4g/32), below the 2560m memrec reserve
            8Gi     | 4g    | 3712m      | 0        | WARNING | leaves exactly the 384m floor: equality passes
            8Gi     | 4g    | 3713m      | 0        | ERROR   | leaves 383m, one MiB under the floor
            8Gi     | 3584m | 2g         | 0        | OK      | Neo4j's own recommendation for 8g leaves exactly its 2560m reserve
            8Gi     | 3584m | 2049m      | 0        | WARNING | one MiB under the reserve
            8Gi     | 0     | 6g         | 0        | WARNING | heap not set: floor 256m, reserve 2560m, leaves 2g
            8Gi     | 0     | 7937m      | 0        | ERROR   | heap not set: leaves 255m under the 256m floor
            20Gi    | 12g   | 6g         | 0        | WARNING | the corpus's advanced property sharding: leaves 2g, floor 640m, reserve 5g
            20Gi    | 12g   | 7.4g       | 0        | ERROR   | leaves 614.4m, under the 640m floor
            512Mi   | 153m  | 26m        | 0        | OK      | memrec for 512m leaves its 333m reserve; the floor is capped at the reserve
            512Mi   | 153m  | 27m        | 0        | WARNING | 332m left: above the 260.8m floor, one MiB under the 333m reserve
            300Mi   | 0     | 105m       | 0        | OK      | 195m left: the floor is capped at memrec's 195m reserve for 300Mi (256m would exceed it)
            300Mi   | 0     | 106m       | 0        | ERROR   | 194m left: under that capped floor
            400Mi   | 100m  | 50m        | 0        | ERROR   | leaves 250m under the 259.1m floor
            8Gi     | 3g    | 2g         | 2g       | WARNING | 5.x off-heap transaction state counts: leaves 1g
            8Gi     | 3g    | 2g         | 2.7g     | ERROR   | leaves 307.2m under the 352m floor
            4Gi     | 2g    | 512m       | 0        | OK      | the corpus's tls examples: leaves 1.5g, exactly the 4g reserve
            4Gi     | 2g    | 1g         | 0        | WARNING | the corpus's ingress examples: leaves 1g of 4Gi
            4Gi     | 2g    | 3g         | 0        | ERROR   | exceeds the limit
            """)
    void tiers(String limit, String heap, String pageCache, String offHeap, Tier expected, String why) {
        MemoryBudget b = new MemoryBudget(KubernetesQuantity.bytes(limit).value(), Neo4jSize.parse(heap).value(),
                Neo4jSize.parse(pageCache).value(), Neo4jSize.parse(offHeap).value());

        Tier actual = b.overLimit() ? Tier.ERROR : b.belowRecommendation() ? Tier.WARNING : Tier.OK;

        assertThat(actual).as(why).isEqualTo(expected);
    }

    @Test
    void floorIsFixedNativeMemoryPlusAThirtySecondOfTheHeap() {
        long gib = MemoryBudget.GIB;
        assertThat(new MemoryBudget(64 * gib, 4 * gib, 0, 0).hardFloor()).isEqualTo(384 * MemoryBudget.MIB);
        assertThat(new MemoryBudget(64 * gib, 12 * gib, 0, 0).hardFloor()).isEqualTo(640 * MemoryBudget.MIB);
        assertThat(new MemoryBudget(64 * gib, 0, 0, 0).hardFloor()).isEqualTo(256 * MemoryBudget.MIB);
        assertThat(new MemoryBudget(64 * gib, 4 * gib, 0, 0).minimumLimit())
                .isEqualTo(4 * gib + 384 * MemoryBudget.MIB);
    }

    @Test
    void hugeValuesSaturateInsteadOfOverflowing() {
        MemoryBudget b = new MemoryBudget(8 * MemoryBudget.GIB, Long.MAX_VALUE / 2 + 10, Long.MAX_VALUE / 2 + 10, 5);

        assertThat(b.used()).isEqualTo(Long.MAX_VALUE);
        assertThat(b.leftover()).isNegative();
        assertThat(b.overLimit()).isTrue();
    }

    @ParameterizedTest(name = "show({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            4294967296 | 4g
            1610612736 | 1536m
            1503238554 | 1.4g
            483807232  | 461.4m
            1000       | 1000
            0          | 0
            -1073741824| -1g
            """)
    void showsSizesInNeo4jSyntax(long bytes, String shown) {
        assertThat(MemoryBudget.show(bytes)).isEqualTo(shown);
    }
}
