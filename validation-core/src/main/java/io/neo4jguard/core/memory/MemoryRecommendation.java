package io.neo4jguard.core.memory;

/**
 * Neo4j's own memory heuristic, {@code neo4j-admin server memory-recommendation --memory=<total>}, ported
 * to give the same bytes (org.neo4j.dbms.MemoryRecommendation in neo4j-dbms,
 * https://neo4j.com/docs/operations-manual/current/configuration/neo4j-admin-memrec/; the algorithm is identical from
 * 5.26.0 to 2026.08.1 and has not
 * changed since the 3.5 {@code memrec} command). Validation uses its OS reserve as the "recommended
 * headroom" tier; defaulting uses its heap and page cache.
 *
 * <p>Exactness matters because users compare our numbers with what {@code neo4j-admin} prints, so the port
 * keeps Java's semantics step by step: the total in GiB as a {@code double}, linear interpolation between
 * the two bracketing rows of the table, {@code (long) (gib * 1024.0)} truncation to whole MiB, and the page
 * cache as the remainder clamped to [8 MiB, 16 TiB]. The unit tests check every recorded output of the real
 * command, run on 5.26.0, 5.26.30, 2025.01.0, 2025.12.1 and 2026.08.1.
 *
 * <p>Written from the documented behaviour; no Neo4j code is copied (neo4j-dbms is GPLv3).
 */
public final class MemoryRecommendation {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = MIB * 1024;

    /**
     * The breakpoint table of org.neo4j.dbms.MemoryRecommendation, in GiB: total memory, OS reserve, heap. The heap
     * column stops
     * at 31 GiB so the JVM keeps compressed ordinary object pointers (they need a heap below 32 GiB); there
     * is no separate cap.
     */
    private static final double[][] TABLE = {
            {0.01, 0.007, 0.002},
            {1, 0.65, 0.3},
            {2, 1, 0.5},
            {4, 1.5, 2},
            {6, 2, 3},
            {8, 2.5, 3.5},
            {10, 3, 4},
            {12, 3.5, 4.5},
            {16, 4, 5},
            {24, 6, 8},
            {32, 8, 12},
            {64, 12, 24},
            {128, 16, 31},
            {256, 20, 31},
            {512, 24, 31},
            {1024, 30, 31},
    };

    private static final int OS = 1;
    private static final int HEAP = 2;

    /** The page cache never goes below 8 MiB (the source comment says 100 MiB; the code clamps at 8). */
    public static final long MIN_PAGE_CACHE = 8 * MIB;
    /** Nor above 16 TiB. */
    public static final long MAX_PAGE_CACHE = 16 * 1024 * GIB;

    /** 5.x only, {@code db.tx_state.memory_allocation=OFF_HEAP}: the tx-state reserve is total/4 in [128 MiB, 8 GiB]. */
    private static final long MIN_OFF_HEAP_TX = 128 * MIB;
    private static final long MAX_OFF_HEAP_TX = 8 * GIB;

    /**
     * What {@code neo4j-admin} recommends for one total.
     *
     * @param total          the memory given ({@code --memory}; for us the container limit), bytes
     * @param heap           initial = max heap, bytes
     * @param pageCache      page cache, bytes
     * @param os             what it leaves for the operating system (printed only in the command's comment)
     * @param offHeapTxState 5.x OFF_HEAP transaction state ({@code server.memory.off_heap.transaction_max_size}),
     *                       0 in the default configuration and always on 2025.01+
     */
    public record Recommendation(long total, long heap, long pageCache, long os, long offHeapTxState) {
    }

    private MemoryRecommendation() {
    }

    /** The default configuration (on-heap transaction state; the only kind from 2025.01 on). */
    public static Recommendation forTotal(long totalBytes) {
        return compute(totalBytes, false);
    }

    /**
     * Neo4j 5.x with {@code db.tx_state.memory_allocation=OFF_HEAP}: the tx-state reserve is taken out of
     * the page cache. Note that Neo4j computes it from the <em>total</em> memory although its parameter is
     * called heap memory (its last step); we keep that.
     */
    public static Recommendation forTotalWithOffHeapTxState(long totalBytes) {
        return compute(totalBytes, true);
    }

    /** The OS reserve alone: how much of {@code totalBytes} Neo4j wants left outside heap and page cache. */
    public static long osReserve(long totalBytes) {
        return mib(interpolate(totalBytes, OS));
    }

    public static long heap(long totalBytes) {
        return mib(interpolate(totalBytes, HEAP));
    }

    private static Recommendation compute(long total, boolean offHeapTxState) {
        long t = Math.max(0, total);
        long os = osReserve(t);
        long heap = heap(t);
        long offHeap = offHeapTxState ? Math.min(MAX_OFF_HEAP_TX, Math.max(MIN_OFF_HEAP_TX, t / 4)) : 0;
        long pageCache = t - os - heap - offHeap;
        pageCache = Math.max(MIN_PAGE_CACHE, pageCache);
        pageCache = Math.min(MAX_PAGE_CACHE, pageCache);
        return new Recommendation(t, heap, pageCache, os, offHeap);
    }

    /** Step 2 and 3: bracket the total in the table and interpolate one column, in GiB. */
    private static double interpolate(long totalBytes, int column) {
        double g = Math.max(0, totalBytes) / (double) GIB;
        double[] lower;
        double[] upper;
        if (g >= TABLE[TABLE.length - 1][0]) {
            lower = TABLE[TABLE.length - 1];
            upper = lower;
        } else {
            int i = 1;
            while (!(g < TABLE[i][0])) {
                i++;
            }
            lower = TABLE[i - 1];
            upper = TABLE[i];
        }
        double f = lower == upper ? 0 : (g - lower[0]) / (upper[0] - lower[0]);
        return lower[column] + (upper[column] - lower[column]) * f;
    }

    /** Step 4: whole MiB, truncated toward zero like Java's cast. */
    private static long mib(double gib) {
        return ((long) (gib * 1024.0)) * MIB;
    }

    /**
     * The string {@code neo4j-admin} prints for a size ({@code bytesToString} in
     * org.neo4j.dbms.MemoryRecommendation): from 1 GiB up, whole {@code g} unless the remainder is at least 100 MiB,
     * then the nearest
     * 100 MiB in {@code m}; from 1 MiB up, whole {@code m} unless the remainder is at least 100 KiB, then the
     * nearest 100 KiB in {@code k}; below 1 MiB, KiB rounded up. The printed value can differ from the bytes
     * ({@code 3584 MiB} prints {@code 3600m}), so use it only where parity with neo4j-admin's output is wanted.
     */
    public static String display(long bytes) {
        long kib = 1024;
        if (bytes >= GIB) {
            if (bytes % GIB >= 100 * MIB) {
                return Math.round(bytes / (double) (100 * MIB)) * 100 + "m";
            }
            return String.format(java.util.Locale.ROOT, "%.0fg", bytes / (double) GIB);
        }
        if (bytes >= MIB) {
            if (bytes % MIB >= 100 * kib) {
                return Math.round(bytes / (double) (100 * kib)) * 100 + "k";
            }
            return String.format(java.util.Locale.ROOT, "%.0fm", bytes / (double) MIB);
        }
        return (long) Math.ceil(bytes / (double) kib) + "k";
    }
}
