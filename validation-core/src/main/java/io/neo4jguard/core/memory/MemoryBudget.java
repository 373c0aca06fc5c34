package io.neo4jguard.core.memory;

import java.util.Locale;

/**
 * The arithmetic of the two memory tiers: what heap + page cache (+ 5.x off-heap
 * transaction state) leave of the container's memory, against a hard floor and against Neo4j's own OS reserve.
 *
 * <p><b>The hard floor</b> is what the JVM needs outside the heap for Neo4j to run at all; below it the
 * kernel's OOM killer ends the container under ordinary load. The heap and page cache are fixed-size and,
 * with initial = max and {@code -XX:+AlwaysPreTouch} in Neo4j's shipped neo4j.conf, resident from the start
 * (BootloaderOsAbstraction), so everything else must fit in what they leave. Components (listed in
 * https://neo4j.com/docs/operations-manual/current/performance/memory-configuration/; sizes are JDK 17/21 defaults
 * read with {@code java -XX:+PrintFlagsFinal}, plus estimates where the
 * JVM sets no bound, kept deliberately low so the floor only catches configurations that cannot work):
 * <ul>
 *   <li>code cache: the JIT reserves 240 MiB ({@code ReservedCodeCacheSize}); a warmed-up server with
 *       Cypher's generated code commits a good part of it: count 64 MiB;</li>
 *   <li>metaspace: unbounded by default ({@code MaxMetaspaceSize}); the classes of Neo4j Enterprise's jars
 *       (Cypher, Lucene, Netty, clustering): count 96 MiB;</li>
 *   <li>thread stacks: 1 MiB reserved per thread ({@code ThreadStackSize=1024K}), of which only touched
 *       pages are resident; some hundred threads (Bolt pool, Raft, catch-up, checkpointer, GC and JIT
 *       workers): count 32 MiB;</li>
 *   <li>Netty direct buffers (Bolt and cluster traffic) and the C heap of the JVM itself: count 64 MiB;</li>
 * </ul>
 * 64 + 96 + 32 + 64 = 256 MiB, fixed; plus the garbage collector's side tables, which grow with the heap:
 * G1's mark bitmap is heap/64 and its card table heap/512, remembered sets add about as much again, so
 * heap/32. Floor = 256 MiB + heap/32: 384 MiB for a 4 GiB heap, 640 MiB for 12 GiB; up to a 24 GiB heap
 * it stays within Neo4j's Kubernetes guidance of 1 GB headroom
 * (https://neo4j.com/docs/operations-manual/current/kubernetes/configuration/), so following that
 * guidance passes.
 *
 * <p>The floor is never above what {@code neo4j-admin server memory-recommendation} itself leaves for the
 * OS at the same total: below 512 MiB or so its reserve (333 MiB at 512 MiB) is smaller than 256 MiB plus
 * heap/32, and Neo4j's own recommendation must pass validation (our defaulting writes it).
 *
 * <p><b>The recommended reserve</b> (warning tier) is exactly that memory-recommendation OS reserve
 * ({@link MemoryRecommendation#osReserve}): 1.5 GiB at 4 GiB, 2.5 GiB at 8 GiB, 5 GiB at 20 GiB. It covers
 * what the floor leaves out on purpose: the OS file cache that Lucene and vector indexes live in, peaks of
 * direct memory, and growth of the native areas under load.
 *
 * <p><b>Transaction memory</b> ({@code dbms.memory.transaction.total.max}) is not added: since 5.0 it is a
 * limit on tracked allocations inside the heap (default 70 % of the heap), and 2025.01 removed the off-heap
 * transaction state altogether. Only on 5.x with {@code db.tx_state.memory_allocation=OFF_HEAP} does
 * transaction state live outside the heap, bounded by {@code server.memory.off_heap.transaction_max_size}
 * (default 2 GiB); then that bound is added.
 *
 * @param limit     the container's memory (limit, else request), bytes
 * @param heap      max heap, 0 when not set
 * @param pageCache page cache, 0 when not set
 * @param offHeapTx 5.x off-heap transaction state, 0 when not in use
 */
public record MemoryBudget(long limit, long heap, long pageCache, long offHeapTx) {
    public static final long MIB = 1024L * 1024;
    public static final long GIB = MIB * 1024;

    /** Code cache 64 + metaspace 96 + thread stacks 32 + direct buffers and JVM C heap 64 (see class comment). */
    public static final long FIXED_NATIVE = 256 * MIB;
    /** G1 mark bitmap (1/64) + card table (1/512) + remembered sets, rounded to 1/32 of the heap. */
    public static final long GC_SHARE_DIVISOR = 32;

    /** heap + page cache + off-heap transaction state, saturating instead of overflowing. */
    public long used() {
        return sat(sat(heap, pageCache), offHeapTx);
    }

    /** What the pools leave of the limit; negative when they exceed it. */
    public long leftover() {
        long u = used();
        return u == Long.MAX_VALUE ? Long.MIN_VALUE : limit - u;
    }

    public long hardFloor() {
        return Math.min(FIXED_NATIVE + heap / GC_SHARE_DIVISOR, recommendedReserve());
    }

    public long recommendedReserve() {
        return MemoryRecommendation.osReserve(limit);
    }

    public boolean overLimit() {
        return leftover() < hardFloor();
    }

    public boolean belowRecommendation() {
        return leftover() < recommendedReserve();
    }

    /** The smallest limit that clears the hard floor with these pools. */
    public long minimumLimit() {
        return sat(used(), FIXED_NATIVE + heap / GC_SHARE_DIVISOR);
    }

    private static long sat(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /**
     * A size for messages, in Neo4j syntax: exact when it is whole GiB or MiB ({@code 4g}, {@code 1536m}),
     * otherwise to one decimal ({@code 1.4g}, {@code 461.4m}; Neo4j accepts fractions too).
     */
    public static String show(long bytes) {
        if (bytes < 0) {
            return "-" + show(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "g";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "m";
        }
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1fg", bytes / (double) GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.1fm", bytes / (double) MIB);
        }
        return bytes + "";
    }
}
