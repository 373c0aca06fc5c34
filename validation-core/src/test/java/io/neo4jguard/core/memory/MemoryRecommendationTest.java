package io.neo4jguard.core.memory;

import io.neo4jguard.core.units.Neo4jSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded output of {@code neo4j-admin server memory-recommendation --memory=<m>} (run on
 * 5.26.0, 5.26.30, 2025.01.0, 2025.12.1 and 2026.08.1, identical on all five): the bytes and the printed strings.
 */
class MemoryRecommendationTest {

    @ParameterizedTest(name = "--memory={0}")
    @CsvSource(delimiter = '|', textBlock = """
            # memory | heap     | page cache | OS      | heap bytes  | page cache bytes | OS bytes
            512m     | 153m     | 26m        | 333m    | 160432128   | 27262976         | 349175808
            1g       | 307m     | 52m        | 665m    | 321912832   | 54525952         | 697303040
            2g       | 512m     | 512m       | 1g      | 536870912   | 536870912        | 1073741824
            4g       | 2g       | 512m       | 1500m   | 2147483648  | 536870912        | 1610612736
            8g       | 3600m    | 2g         | 2600m   | 3758096384  | 2147483648       | 2684354560
            16g      | 5g       | 7g         | 4g      | 5368709120  | 7516192768       | 4294967296
            32g      | 12g      | 12g        | 8g      | 12884901888 | 12884901888      | 8589934592
            64g      | 24g      | 28g        | 12g     | 25769803776 | 30064771072      | 12884901888
            128g     | 31g      | 81g        | 16g     | 33285996544 | 86973087744      | 17179869184
            256g     | 31g      | 205g       | 20g     | 33285996544 | 220117073920     | 21474836480
            512g     | 31g      | 457g       | 24g     | 33285996544 | 490700013568     | 25769803776
            1000m    | 299m     | 51m        | 650m    | 313524224   | 53477376         | 681574400
            1500m    | 402m     | 266m       | 832m    | 421527552   | 278921216        | 872415232
            3g       | 1300m    | 512m       | 1300m   | 1342177280  | 536870912        | 1342177280
            6g       | 3g       | 1g         | 2g      | 3221225472  | 1073741824       | 2147483648
            12g      | 4600m    | 4g         | 3600m   | 4831838208  | 4294967296       | 3758096384
            24g      | 8g       | 10g        | 6g      | 8589934592  | 10737418240      | 6442450944
            48g      | 18g      | 20g        | 10g     | 19327352832 | 21474836480      | 10737418240
            96g      | 28200m   | 55800m     | 14g     | 29527900160 | 58518929408      | 15032385536
            1024g    | 31g      | 963g       | 30g     | 33285996544 | 1034013376512    | 32212254720
            2048g    | 31g      | 1987g      | 30g     | 33285996544 | 2133525004288    | 32212254720
            """)
    void matchesNeo4jAdminOutput(String memory, String heapShown, String pageCacheShown, String osShown,
                                 long heapBytes, long pageCacheBytes, long osBytes) {
        long total = Neo4jSize.parse(memory).value();

        MemoryRecommendation.Recommendation r = MemoryRecommendation.forTotal(total);

        assertThat(r.heap()).as("heap bytes").isEqualTo(heapBytes);
        assertThat(r.pageCache()).as("page cache bytes").isEqualTo(pageCacheBytes);
        assertThat(r.os()).as("OS bytes").isEqualTo(osBytes);
        assertThat(r.offHeapTxState()).isZero();
        assertThat(MemoryRecommendation.osReserve(total)).isEqualTo(osBytes);
        assertThat(MemoryRecommendation.heap(total)).isEqualTo(heapBytes);
        assertThat(MemoryRecommendation.display(r.heap())).as("printed heap").isEqualTo(heapShown);
        assertThat(MemoryRecommendation.display(r.pageCache())).as("printed page cache").isEqualTo(pageCacheShown);
        assertThat(MemoryRecommendation.display(r.os())).as("printed OS").isEqualTo(osShown);
    }

    /** 5.x with {@code db.tx_state.memory_allocation=OFF_HEAP} (run on 5.26.30): heap and OS unchanged. */
    @ParameterizedTest(name = "--memory={0} OFF_HEAP")
    @CsvSource(delimiter = '|', textBlock = """
            # memory | page cache | off-heap tx state
            512m     | 8m         | 128m
            1g       | 8m         | 256m
            2g       | 8m         | 512m
            4g       | 8m         | 1g
            8g       | 8m         | 2g
            16g      | 3g         | 4g
            32g      | 4g         | 8g
            64g      | 20g        | 8g
            128g     | 73g        | 8g
            256g     | 197g       | 8g
            512g     | 449g       | 8g
            """)
    void offHeapTransactionStateComesOutOfThePageCache(String memory, String pageCacheShown, String offHeapShown) {
        long total = Neo4jSize.parse(memory).value();

        MemoryRecommendation.Recommendation r = MemoryRecommendation.forTotalWithOffHeapTxState(total);

        assertThat(MemoryRecommendation.display(r.pageCache())).isEqualTo(pageCacheShown);
        assertThat(MemoryRecommendation.display(r.offHeapTxState())).isEqualTo(offHeapShown);
        assertThat(r.heap()).isEqualTo(MemoryRecommendation.forTotal(total).heap());
        assertThat(r.os()).isEqualTo(MemoryRecommendation.forTotal(total).os());
    }

    @ParameterizedTest(name = "display({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # bytes      | printed : both sides of the 100 MiB / 100 KiB remainders and of 1 MiB / 1 GiB
            1073741824   | 1g
            1178599423   | 1g
            1178599424   | 1100m
            1073741823   | 1048600k
            1048576      | 1m
            1150975      | 1m
            1150976      | 1100k
            1048575      | 1024k
            1            | 1k
            0            | 0k
            """)
    void printsLikeNeo4jAdmin(long bytes, String printed) {
        assertThat(MemoryRecommendation.display(bytes)).isEqualTo(printed);
    }
}
