package io.neo4jguard.core.memory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryRecommendationProperties {
    private static final long MIB = 1024L * 1024;
    private static final long TIB = MIB * 1024 * 1024;

    @Property
    void heapNeverShrinksWhenTheLimitGrows(@ForAll @LongRange(min = 0, max = 4 * TIB) long a,
                                           @ForAll @LongRange(min = 0, max = 4 * TIB) long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThat(MemoryRecommendation.forTotal(hi).heap()).isGreaterThanOrEqualTo(MemoryRecommendation.forTotal(lo).heap());
        assertThat(MemoryRecommendation.forTotal(hi).os()).isGreaterThanOrEqualTo(MemoryRecommendation.forTotal(lo).os());
    }

    /**
     * Monotone up to Neo4j's own truncation: page cache = total - trunc(OS) - trunc(heap), each truncated to
     * whole MiB, so where the table keeps the page cache flat (2 to 4 GiB: OS + heap grow exactly as fast as
     * the total) the two dropped fractions make it wobble within [512 MiB, 514 MiB). Less than 2 MiB, never more.
     */
    @Property
    void pageCacheNeverShrinksByMoreThanTheTruncation(@ForAll @LongRange(min = 0, max = 4 * TIB) long a,
                                                      @ForAll @LongRange(min = 0, max = 4 * TIB) long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThat(MemoryRecommendation.forTotal(hi).pageCache())
                .isGreaterThan(MemoryRecommendation.forTotal(lo).pageCache() - 2 * MIB);
    }

    @Property
    void pageCacheIsMonotoneAtWholeMebibyteLimits(@ForAll @LongRange(min = 0, max = 4 * 1024 * 1024) long aMib,
                                                  @ForAll @LongRange(min = 0, max = 4 * 1024 * 1024) long bMib) {
        // Kubernetes limits are nearly always whole MiB or GiB; check the property with exact steps there too.
        long lo = Math.min(aMib, bMib) * MIB;
        long hi = Math.max(aMib, bMib) * MIB;
        assertThat(MemoryRecommendation.forTotal(hi).pageCache())
                .isGreaterThan(MemoryRecommendation.forTotal(lo).pageCache() - 2 * MIB);
    }

    /**
     * Below about 170 MiB the remainder drops under the 8 MiB page-cache clamp (the remainder is roughly 5 % of
     * the total there), so only from 256 MiB on do the three parts always fit in the total.
     */
    @Property
    void partsNeverExceedTheTotalAboveTheClamp(@ForAll @LongRange(min = 256 * MIB, max = 4 * TIB) long total) {
        MemoryRecommendation.Recommendation r = MemoryRecommendation.forTotal(total);
        assertThat(r.heap() + r.pageCache() + r.os()).isLessThanOrEqualTo(total);
        assertThat(r.heap()).isLessThanOrEqualTo(31L * 1024 * MIB);
        assertThat(r.heap() % MIB).isZero();
        assertThat(r.os() % MIB).isZero();
    }
}
