package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.memory.MemoryBudget;
import io.neo4jguard.core.memory.MemoryRecommendation;
import io.neo4jguard.core.memory.MemorySettings;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Neo4jSize;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Heap and page cache from the container's memory, as {@code neo4j-admin server memory-recommendation
 * --memory=<limit>} would set them ({@link MemoryRecommendation}, exact to the byte). Written in Neo4j's size
 * syntax from the exact bytes ({@link Neo4jSize#format}: {@code 3584m}, never neo4j-admin's rounded display
 * {@code 3600m}, which at 8 GiB would leave less than the recommended OS reserve and trip validation's
 * warning tier).
 *
 * <p>The container's memory is {@code spec.resources.limits.memory}, else the request (what validation checks
 * the budget against too); with neither there is nothing to size from and validation warns
 * ({@code memory.no-limit}). An unreadable limit is validation's error, and we do not fall back to the
 * request then, as validation does not.
 *
 * <p>What the user wrote decides what is filled ({@link MemorySettings} reads every place, with Neo4j's
 * precedence):
 * <ul>
 *   <li>neither heap nor page cache: all three settings, Neo4j's recommendation;</li>
 *   <li>the heap ({@code server.memory.heap.max_size} or its legacy name, a {@code NEO4J_*} env var,
 *       {@code HEAP_SIZE}, {@code JAVA_OPTS}, {@code -Xmx} in {@code server.jvm.additional}): the page cache,
 *       what the heap leaves after the recommended OS reserve, if that is at least Neo4j's 8 MiB floor. With
 *       {@code JAVA_OPTS} and no {@code -Xmx} the heap is the JVM's default, 25 % of the limit, as validation
 *       counts it. Only the initial heap set (no max): nothing, the max heap is unknown;</li>
 *   <li>the page cache: the heap, {@code min(recommended heap, limit - OS reserve - page cache)} in whole MiB
 *       (the recommendation's own truncation), initial = max, if that is at least half the recommended heap;
 *       below that the user's page cache starves the heap and a quiet default would hide it, so validation
 *       speaks instead (Neo4j publishes no minimum heap; half its recommendation is our line);</li>
 *   <li>both: nothing.</li>
 * </ul>
 * The initial heap is only ever written together with the max heap: when the user chose the max heap alone,
 * the initial heap is theirs to leave to the JVM (Neo4j recommends initial = max, but adding it would change
 * how their heap grows without being asked).
 *
 * <p>Every result is checked with validation's own arithmetic ({@link MemoryBudget}) before it is proposed:
 * it must leave at least the recommended OS reserve, so defaulting never causes a memory finding. That
 * rules out containers so small that the recommendation's 8 MiB page-cache clamp eats into the OS reserve
 * (below about 128 MiB); there nothing is written. On 5.x with {@code db.tx_state.memory_allocation=OFF_HEAP}
 * the configured off-heap transaction state is subtracted from the page cache, as Neo4j's recommendation does
 * (it estimates that pool, we use the configured one, which validation counts).
 */
final class MemoryPoolsDefaulter implements Defaulter {
    static final RuleMeta META = new RuleMeta("defaults.memory-pools",
            "Size heap and page cache from the container's memory", Severity.WARNING, Kinds.SERVERS,
            "Left unset, the JVM takes 25 % of the container for the heap and Neo4j sizes the page cache from the "
                    + "machine it sees, so heap + page cache + the JVM's native memory can exceed the container and "
                    + "the kernel OOM-kills the pod, or the page cache is left too small and every read goes to disk. "
                    + "Neo4j's own neo4j-admin server memory-recommendation knows the split for a given amount of "
                    + "memory (heap, page cache, and a reserve for the OS and the JVM's native memory); neo4j-guard "
                    + "applies it, to the byte, to the container's memory limit (or request) at deploy time. When the "
                    + "user set one pool, the other is sized from what remains after the recommended OS reserve.",
            "Set server.memory.heap.max_size and server.memory.pagecache.size yourself (Neo4j sizes: 4g, 3584m), "
                    + "or annotate the object with neo4j-guard.io/defaults: off.",
            "spec:\n  resources:\n    limits:\n      memory: 8Gi\n  config:\n    server.memory.heap.initial_size: 3584m\n"
                    + "    server.memory.heap.max_size: 3584m\n    server.memory.pagecache.size: 2g");

    /** Neo4j's recommendation never gives less page cache than 8 MiB (its last step clamps to 8 MiB); neither do we. */
    static final long MIN_PAGE_CACHE = MemoryRecommendation.MIN_PAGE_CACHE;

    private static final long MIB = 1024L * 1024;

    /** The pools to write; 0 means leave that pool alone. */
    record Pools(long heap, long pageCache) {
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void propose(Resource object, DefaultsOptions options, Proposals proposals) {
        if (!Kinds.SERVERS.contains(object.kind())) {
            return;
        }
        Node spec = Node.root(object.tree()).get("spec");
        Node config = spec.get("config");
        if (!spec.isObject() || (config.present() && !config.isObject())) {
            return; // a config that is not a mapping is a structure error, not ours to replace
        }
        Node resources = spec.get("resources");
        Node limit = resources.get("limits", "memory");
        OptionalLong total = limit.present() ? quantity(limit) : quantity(resources.get("requests", "memory"));
        if (total.isEmpty()) {
            return;
        }
        Parsed<Neo4jVersion> version = ServerImage.version(object);
        boolean fiveX = version.ok() && !version.value().isCalVer();
        // Only a real limit bounds the JVM's default heap (25 % of the container), as in validation.
        MemorySettings settings = MemorySettings.read(spec, limit.present() ? total : OptionalLong.empty(), fiveX);
        plan(total.getAsLong(), settings).ifPresent(p -> {
            if (p.heap() > 0) {
                String heap = Neo4jSize.format(p.heap());
                proposals.setIfAbsent(META, JsonPointer.of("spec", "config", MemorySettings.HEAP_INITIAL),
                        TextNode.valueOf(heap));
                proposals.setIfAbsent(META, JsonPointer.of("spec", "config", MemorySettings.HEAP_MAX),
                        TextNode.valueOf(heap));
            }
            if (p.pageCache() > 0) {
                proposals.setIfAbsent(META, JsonPointer.of("spec", "config", MemorySettings.PAGE_CACHE),
                        TextNode.valueOf(Neo4jSize.format(p.pageCache())));
            }
        });
    }

    /** What to write for a container of {@code total} bytes and what the user set; empty for nothing. */
    static Optional<Pools> plan(long total, MemorySettings s) {
        boolean heapSet = s.heapMaxWritten() || s.heapInitialWritten();
        boolean pageCacheSet = s.pageCacheWritten();
        if (heapSet && pageCacheSet) {
            return Optional.empty();
        }
        long offHeap = s.offHeapTx().map(MemorySettings.Pool::bytes).orElse(0L);
        long os = MemoryRecommendation.osReserve(total);
        long recommendedHeap = MemoryRecommendation.heap(total);
        if (!heapSet && !pageCacheSet) {
            long pageCache = offHeap == 0 ? MemoryRecommendation.forTotal(total).pageCache()
                    : total - os - recommendedHeap - offHeap;
            return fits(total, recommendedHeap, pageCache, offHeap, new Pools(recommendedHeap, pageCache));
        }
        if (heapSet) {
            if (s.heapMax().isEmpty()) {
                return Optional.empty(); // written but unreadable, or only -Xms: the max heap is unknown
            }
            long heap = s.heapMax().get().bytes();
            long pageCache = total - os - heap - offHeap;
            return fits(total, heap, pageCache, offHeap, new Pools(0, pageCache));
        }
        if (s.pageCache().isEmpty()) {
            return Optional.empty();
        }
        long pageCache = s.pageCache().get().bytes();
        long room = total - os - pageCache - offHeap;
        long heap = Math.min(recommendedHeap, room < 0 ? 0 : room / MIB * MIB);
        if (heap <= 0 || heap < recommendedHeap / 2) {
            return Optional.empty();
        }
        return fits(total, heap, pageCache, offHeap, new Pools(heap, 0));
    }

    /** The pools, when they leave the recommended OS reserve (so neither memory tier of validation fires). */
    private static Optional<Pools> fits(long total, long heap, long pageCache, long offHeap, Pools write) {
        if (heap <= 0 || pageCache < MIN_PAGE_CACHE) {
            return Optional.empty();
        }
        MemoryBudget b = new MemoryBudget(total, heap, pageCache, offHeap);
        if (b.overLimit() || b.belowRecommendation()) {
            return Optional.empty();
        }
        return Optional.of(write);
    }

    /** A memory quantity in bytes; empty when unreadable or 0 (validation reports those). */
    private static OptionalLong quantity(Node n) {
        Optional<String> text = n.scalarText();
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        Parsed<Long> bytes = KubernetesQuantity.bytes(text.get());
        return bytes.ok() && bytes.value() > 0 ? OptionalLong.of(bytes.value()) : OptionalLong.empty();
    }
}
