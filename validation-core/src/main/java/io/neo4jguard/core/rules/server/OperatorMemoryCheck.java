package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.memory.MemoryBudget;
import io.neo4jguard.core.memory.OperatorMemoryBudget;
import io.neo4jguard.core.memory.MemorySettings;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Neo4jSize;
import io.neo4jguard.core.units.Parsed;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The reference operator's memory refusals for a cluster ({@code internal/validation/memory_validator.go} of
 * priyolahiri/neo4j-kubernetes-operator at 6907b57, anchor rules §1.2 "Memory"), numbers Neo4j itself does not
 * have ({@link OperatorMemoryBudget}). Each is an error by default, marked operator-only (DESIGN §3 "Verdict
 * authority"); {@link MemoryCheck} keeps the Neo4j-level memory rules. The operator runs them only on
 * clusters, and only when {@code spec.resources} is set; it reads heap, page cache and transaction memory from
 * {@code spec.config} by their exact names. Where it reads heap and page cache from
 * {@code spec.propertySharding.config} to size the server (memory_config.go {@code UserMemorySetting}), they
 * are counted here too: they take effect, so its budget applies to them.
 *
 * <p>Differences kept, each argued in the rule: no fail-fast (the operator stops at the first unreadable value
 * and skips the limit floors when a setting error exists; every finding here is independent), and the limit
 * floor reported once, not twice.
 */
public final class OperatorMemoryCheck implements Check {
    private static final String OPERATOR = "The reference operator refuses such a cluster at reconcile "
            + "(internal/validation/memory_validator.go): it is stored, then never deploys. ";

    public static final RuleMeta LIMIT_FLOOR = new RuleMeta(OperatorMemoryBudget.LIMIT_FLOOR_RULE,
            "Less memory than the reference operator's minimum for a cluster", Severity.ERROR,
            ServerSpecs.CLUSTER,
            OPERATOR + "With spec.resources set it wants a memory limit of at least 1 GiB, and 2 GiB for more than "
                    + "three servers; a missing limit counts as 0 (so requests without a limit are refused too). "
                    + "Neo4j itself starts in less (its recommendation for 1 GiB is a 307 MiB heap).",
            "Set spec.resources.limits.memory to at least 1Gi (2Gi above three servers).",
            "spec:\n  topology:\n    servers: 3\n  resources:\n    limits:\n      memory: 2Gi", true);

    public static final RuleMeta HEAP_FLOOR = new RuleMeta(OperatorMemoryBudget.HEAP_FLOOR_RULE,
            "A heap below the reference operator's 256 MiB minimum", Severity.ERROR, ServerSpecs.CLUSTER,
            OPERATOR + "It refuses server.memory.heap.max_size below 256 MiB; Neo4j publishes no minimum heap "
                    + "(its recommendation for a 512 MiB container is 153 MiB).",
            "Give the heap at least 256m, or leave it unset (defaulting sizes it).",
            "spec:\n  config:\n    server.memory.heap.max_size: 512m", true);

    public static final RuleMeta PAGE_CACHE_FLOOR = new RuleMeta(OperatorMemoryBudget.PAGE_CACHE_FLOOR_RULE,
            "A page cache below the reference operator's 128 MiB minimum", Severity.ERROR, ServerSpecs.CLUSTER,
            OPERATOR + "It refuses server.memory.pagecache.size below 128 MiB; Neo4j's own floor is 8 MiB "
                    + "(its recommendation for 1 GiB is a 52 MiB page cache).",
            "Give the page cache at least 128m, or leave it unset (defaulting sizes it).",
            "spec:\n  config:\n    server.memory.pagecache.size: 512m", true);

    public static final RuleMeta OVERHEAD = new RuleMeta(OperatorMemoryBudget.OVERHEAD_RULE,
            "Heap and page cache leave less than the reference operator's 25 % overhead", Severity.ERROR,
            ServerSpecs.CLUSTER,
            OPERATOR + "It wants heap + page cache + max(25 % of the memory limit, 512 MiB) to fit in the limit "
                    + "(equality passes), whenever heap, page cache or transaction memory is set in spec.config. "
                    + "Neo4j's recommendation keeps less from 40 GiB up (12 GiB of 64 GiB, 30 GiB of 2 TiB), so its "
                    + "own sizes are refused there; neo4j-guard's defaulting caps the page cache to fit.",
            "Lower the page cache (or heap) so that heap + page cache is at most 75 % of the limit (limit − 512 MiB "
                    + "below 2 GiB); the hint gives the largest page cache for your heap.",
            "spec:\n  resources:\n    limits:\n      memory: 64Gi\n  config:\n    server.memory.heap.max_size: 24g\n"
                    + "    server.memory.pagecache.size: 24g", true);

    public static final RuleMeta TX_OVER_HEAP = new RuleMeta("memory.operator-transaction-over-heap",
            "Transaction memory limit above the heap (refused by the reference operator)", Severity.ERROR,
            ServerSpecs.CLUSTER,
            OPERATOR + "It refuses dbms.memory.transaction.total.max above server.memory.heap.max_size. Neo4j "
                    + "starts with it, but the limit never triggers: transaction state lives on the heap, so a big "
                    + "transaction exhausts the heap first (memory.transaction-over-heap says the same for a "
                    + "standalone, as a warning, since the operator does not check standalones).",
            "Set dbms.memory.transaction.total.max below the max heap, or leave it unset (70 % of the heap).",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g\n    dbms.memory.transaction.total.max: 2800m", true);

    public static final RuleMeta SIZE_FORMAT = new RuleMeta("memory.operator-size-format",
            "A memory size Neo4j reads but the reference operator's parser does not", Severity.ERROR,
            ServerSpecs.CLUSTER,
            OPERATOR + "Its parser lower-cases the value and accepts a number with g, m, k, gi, mi or ki, or a "
                    + "Kubernetes quantity, so it refuses sizes Neo4j itself reads: 2GB, 1GiB, 512MB, '4 g' "
                    + "(Neo4j's size parser, measured on 5.26 and CalVer releases up to 2026.08).",
            "Write the size as a number with k, m or g: 2g, 1024m.",
            "spec:\n  config:\n    server.memory.heap.max_size: 2g   # not 2GB", true);

    private static final List<RuleMeta> RULES = List.of(LIMIT_FLOOR, HEAP_FLOOR, PAGE_CACHE_FLOOR, OVERHEAD,
            TX_OVER_HEAP, SIZE_FORMAT);

    /** The suffixes the operator's parser tries, in its order, after lower-casing (all binary). */
    private static final List<String> OPERATOR_SUFFIXES = List.of("g", "m", "k", "gi", "mi", "ki");
    /** What Go's strconv.ParseFloat reads in a plain decimal number (no spaces). */
    private static final java.util.regex.Pattern GO_FLOAT = java.util.regex.Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final String LIMIT_PATH = "spec.resources.limits.memory";

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.CLUSTER);
    }

    /** A size the operator reads, from the first place it looks; empty when absent or unreadable. */
    private record Value(long bytes, String shown, String path) {
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Node resources = spec.get("resources");
        if (!resources.isObject()) {
            return; // the operator skips memory validation without spec.resources
        }
        Optional<Value> heap = setting(spec, MemorySettings.HEAP_MAX);
        Optional<Value> pageCache = setting(spec, MemorySettings.PAGE_CACHE);
        Optional<Value> tx = setting(spec, MemorySettings.TX_TOTAL);
        for (String name : List.of(MemorySettings.HEAP_MAX, MemorySettings.PAGE_CACHE, MemorySettings.TX_TOTAL)) {
            Node n = spec.get("config").get(name);
            n.scalarText().filter(v -> Neo4jSize.parse(v).ok() && !operatorReads(v)).ifPresent(v ->
                    ctx.report(SIZE_FORMAT, n.path(), Messages.invalid(v, "Neo4j reads it, but the reference "
                            + "operator's size parser does not, and it refuses the cluster"),
                            "write it as " + Neo4jSize.format(Neo4jSize.parse(v).value())));
        }

        heap.filter(h -> h.bytes() > 0 && h.bytes() < OperatorMemoryBudget.MIN_HEAP).ifPresent(h ->
                ctx.report(HEAP_FLOOR, h.path(), Messages.invalid(h.shown(), "the reference operator refuses a heap "
                        + "below 256 MiB"), "set it to at least 256m"));
        pageCache.filter(p -> p.bytes() > 0 && p.bytes() < OperatorMemoryBudget.MIN_PAGE_CACHE).ifPresent(p ->
                ctx.report(PAGE_CACHE_FLOOR, p.path(), Messages.invalid(p.shown(), "the reference operator refuses "
                        + "a page cache below 128 MiB"), "set it to at least 128m"));
        if (transactionOverHeap(spec)) {
            ctx.report(TX_OVER_HEAP, tx.get().path(), Messages.invalid(tx.get().shown(), "transaction memory "
                            + MemoryBudget.show(tx.get().bytes()) + " exceeds the heap "
                            + MemoryBudget.show(heap.get().bytes()) + "; the reference operator refuses it"),
                    "lower it below the heap, or remove it (default: 70 % of the heap)");
        }

        Node limitNode = resources.get("limits", "memory");
        long limit;
        String shown;
        if (!limitNode.present()) {
            limit = 0;
            shown = "no limit";
        } else {
            Parsed<Long> bytes = limitNode.scalarText().map(KubernetesQuantity::bytes)
                    .orElse(Parsed.fail("not a quantity"));
            if (!bytes.ok()) {
                return; // memory.invalid-quantity reports it
            }
            limit = bytes.value();
            shown = limitNode.scalarText().orElse("");
        }
        int servers = (int) Math.min(Integer.MAX_VALUE, spec.get("topology", "servers").integer().orElse(0));
        long minimum = OperatorMemoryBudget.minimumLimit(servers);
        if (limit < minimum) {
            String why = servers > OperatorMemoryBudget.LARGE_CLUSTER
                    ? "a cluster of more than three servers needs a memory limit of at least 2Gi"
                    : "a cluster needs a memory limit of at least 1Gi";
            ctx.report(LIMIT_FLOOR, LIMIT_PATH, limitNode.present()
                            ? Messages.invalid(shown, "the reference operator refuses it: " + why)
                            : Messages.required("spec.resources is set without a memory limit, which the reference "
                            + "operator reads as 0 and refuses: " + why),
                    "set spec.resources.limits.memory to at least " + (minimum == OperatorMemoryBudget.MIN_LIMIT
                            ? "1Gi" : "2Gi"));
        }
        if (limit > 0 && (heap.isPresent() || pageCache.isPresent() || tx.isPresent())) {
            OperatorMemoryBudget budget = new OperatorMemoryBudget(limit);
            long h = heap.map(Value::bytes).orElse(0L);
            long p = pageCache.map(Value::bytes).orElse(0L);
            if (!budget.fits(h, p)) {
                long room = budget.pools() - h;
                ctx.report(OVERHEAD, LIMIT_PATH, Messages.invalid(shown, "heap " + MemoryBudget.show(h)
                                + " + page cache " + MemoryBudget.show(p) + " + the operator's overhead "
                                + MemoryBudget.show(budget.overhead()) + " (max(25 % of the limit, 512 MiB)) = "
                                + MemoryBudget.show(h + p + budget.overhead()) + " exceeds the limit; the reference "
                                + "operator refuses it"),
                        room >= OperatorMemoryBudget.MIN_PAGE_CACHE
                                ? "with this heap the page cache may be at most " + Neo4jSize.format(room)
                                : "heap + page cache may be at most " + Neo4jSize.format(Math.max(0, budget.pools()))
                                + "; lower the heap or raise the limit");
            }
        }
    }

    /** The reference operator's size parser (memory_validator.go parseMemoryToBytes) accepts {@code value}. */
    static boolean operatorReads(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        for (String suffix : OPERATOR_SUFFIXES) {
            if (v.endsWith(suffix)) {
                return GO_FLOAT.matcher(v.substring(0, v.length() - suffix.length())).matches();
            }
        }
        return KubernetesQuantity.parse(v).ok();
    }

    /**
     * Whether {@link #TX_OVER_HEAP} reports this cluster spec (then {@link MemoryCheck} does not repeat it as
     * its Neo4j-level warning).
     */
    static boolean transactionOverHeap(Node spec) {
        if (!spec.get("resources").isObject()) {
            return false;
        }
        Optional<Value> heap = setting(spec, MemorySettings.HEAP_MAX);
        Optional<Value> tx = setting(spec, MemorySettings.TX_TOTAL);
        return heap.isPresent() && tx.isPresent() && heap.get().bytes() > 0 && tx.get().bytes() > heap.get().bytes();
    }

    /** Where the operator reads it ({@link OperatorMemoryBudget#setting}), when readable. */
    private static Optional<Value> setting(Node spec, String name) {
        Node n = OperatorMemoryBudget.setting(spec, name);
        OptionalLong bytes = OperatorMemoryBudget.bytes(spec, name);
        return bytes.isPresent() ? Optional.of(new Value(bytes.getAsLong(), n.scalarText().orElse(""), n.path()))
                : Optional.empty();
    }
}
