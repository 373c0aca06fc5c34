package io.neo4jguard.core.memory;

import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Neo4jSize;
import io.neo4jguard.core.units.Parsed;

import java.util.OptionalLong;

/**
 * The reference operator's own memory arithmetic for a cluster (its memory validator, anchor rules §1.2
 * "Memory"): numbers it refuses a cluster over, although Neo4j itself has none of them. They are policy, not
 * physics: Neo4j's memory recommendation gives a 1 GiB container a 307 MiB heap and a 52 MiB page cache, and
 * leaves 12 GiB (not 16) for the OS at 64 GiB. neo4j-guard enforces them by default because an object the
 * operator refuses is stored and never deploys (DESIGN §3 "Verdict authority"); {@code memory.operator-*}
 * rules report them and defaulting keeps within them.
 *
 * @param limit the container memory limit in bytes ({@code spec.resources.limits.memory}; the operator reads
 *              a missing limit as 0)
 */
public record OperatorMemoryBudget(long limit) {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    /** The IDs of the operator-only rules that report these numbers (errors by default). */
    public static final String LIMIT_FLOOR_RULE = "memory.operator-limit-floor";
    public static final String HEAP_FLOOR_RULE = "memory.operator-heap-floor";
    public static final String PAGE_CACHE_FLOOR_RULE = "memory.operator-page-cache-floor";
    public static final String OVERHEAD_RULE = "memory.operator-overhead";

    /** Heap below 256 MiB is refused ({@code minHeapSize}). */
    public static final long MIN_HEAP = 256 * MIB;
    /** Page cache below 128 MiB is refused ({@code minPageCacheSize}). */
    public static final long MIN_PAGE_CACHE = 128 * MIB;
    /** A memory limit below 1 GiB is refused (reported twice by the operator, once here). */
    public static final long MIN_LIMIT = GIB;
    /** With more than {@link #LARGE_CLUSTER} servers a limit below 2 GiB is refused. */
    public static final long MIN_LIMIT_LARGE_CLUSTER = 2 * GIB;
    public static final int LARGE_CLUSTER = 3;
    /** The overhead the operator keeps free is a quarter of the limit ... */
    public static final long OVERHEAD_DIVISOR = 4;
    /** ... but at least 512 MiB (so below 2 GiB it is the 512 MiB). */
    public static final long MIN_OVERHEAD = 512 * MIB;

    /**
     * No limit to budget against (defaulting sized from a request): only the floors can be kept; {@link #fits}
     * holds for any pools a real container can have.
     */
    public static final OperatorMemoryBudget FLOORS_ONLY = new OperatorMemoryBudget(Long.MAX_VALUE);

    /** max(limit / 4, 512 MiB): what heap + page cache must leave free. */
    public long overhead() {
        return Math.max(limit / OVERHEAD_DIVISOR, MIN_OVERHEAD);
    }

    /** The most heap + page cache may take: limit − overhead (negative below 512 MiB). */
    public long pools() {
        return limit - overhead();
    }

    /** heap + page cache + overhead ≤ limit (equality passes, as in the operator). */
    public boolean fits(long heap, long pageCache) {
        return heap + pageCache <= pools();
    }

    /** The least limit the operator accepts for a cluster of {@code servers}. */
    public static long minimumLimit(int servers) {
        return servers > LARGE_CLUSTER ? MIN_LIMIT_LARGE_CLUSTER : MIN_LIMIT;
    }

    /**
     * Where the operator reads a memory setting of a cluster spec: {@code spec.config} by its exact name, else for
     * heap and page cache {@code spec.propertySharding.config} (memory_config.go {@code UserMemorySetting}); the
     * node is missing when neither has it.
     */
    public static Node setting(Node spec, String name) {
        Node n = spec.get("config").get(name);
        if (!n.present() && !name.equals(MemorySettings.TX_TOTAL)) {
            n = spec.get("propertySharding", "config").get(name);
        }
        return n;
    }

    /** The bytes of {@link #setting}, when present and readable as a Neo4j size. */
    public static OptionalLong bytes(Node spec, String name) {
        Node n = setting(spec, name);
        Parsed<Long> b = n.scalarText().map(Neo4jSize::parse).orElse(Parsed.fail("absent"));
        return b.ok() ? OptionalLong.of(b.value()) : OptionalLong.empty();
    }

    /** heap and page cache each above the operator's floor (a pool not set counts as passing). */
    public static boolean aboveFloors(long heap, long pageCache) {
        return (heap <= 0 || heap >= MIN_HEAP) && (pageCache <= 0 || pageCache >= MIN_PAGE_CACHE);
    }
}
