package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.memory.MemoryBudget;
import io.neo4jguard.core.memory.MemoryRecommendation;
import io.neo4jguard.core.memory.MemorySettings;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Heap, page cache and the container's memory: every memory value must be one Neo4j and
 * the JVM accept, and heap + page cache must leave room in the container, in two tiers (see
 * {@link MemoryBudget} for the derivation): an error below a hard floor for JVM native memory, a warning below
 * Neo4j's own memory-recommendation OS reserve.
 *
 * <p>Floors the reference operator had and this check drops, with the reason: "heap below 256 MiB" and
 * "page cache below 128 MiB" errors (Neo4j's own recommendation for a 512 MiB container is a 153 MiB heap and a
 * 26 MiB page cache, and its page-cache clamp is 8 MiB, so small pools are a sizing choice, not a fault),
 * "limit below 1 GiB" errors twice over (replaced by one warning at Neo4j's documented 2 GB minimum), and a
 * missing limit read as 0 (now a warning that nothing bounds the pools).
 */
public final class MemoryCheck implements Check {

    public static final RuleMeta INVALID_SIZE = new RuleMeta("memory.invalid-size",
            "A memory value Neo4j or the JVM refuses", Severity.ERROR, Kinds.SERVERS,
            "Memory settings are parsed when the server starts; a value Neo4j's size parser rejects, a transaction "
                    + "limit below its minimum (10 MiB, or 1 MiB per transaction; 0 means none) or an -Xmx/HEAP_SIZE "
                    + "the JVM cannot read stops the server before it serves anything, and the pod crash-loops.",
            "Write sizes as Neo4j reads them: a number with k, m or g (binary: 1g = 1 GiB); for -Xmx and HEAP_SIZE a "
                    + "whole number with k, m or g.",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g\n    server.memory.pagecache.size: 2g");

    public static final RuleMeta KUBERNETES_UNIT = new RuleMeta("memory.kubernetes-unit",
            "A Kubernetes unit (Gi, Mi) in a Neo4j memory setting", Severity.ERROR, Kinds.SERVERS,
            "Kubernetes quantities and Neo4j sizes are different languages. Neo4j and the JVM reject Ki/Mi/Gi "
                    + "('4Gi' is not a valid size), so the server does not start; the reference operator accepted "
                    + "them. The same number of bytes is written 4g in Neo4j (all Neo4j units are binary).",
            "Use the Neo4j form given in the hint (4Gi is 4g, 1536Mi is 1536m); the fix does it.",
            "spec:\n  resources:\n    limits:\n      memory: 8Gi        # Kubernetes quantity\n"
                    + "  config:\n    server.memory.heap.max_size: 4g   # Neo4j size");

    public static final RuleMeta INVALID_QUANTITY = new RuleMeta("memory.invalid-quantity",
            "A container memory limit or request that is not a Kubernetes quantity", Severity.ERROR, Kinds.SERVERS,
            "The operator copies spec.resources into the StatefulSet; the API server refuses a pod template whose "
                    + "memory is not a quantity (or is 0), so no server pod is ever created.",
            "Write a Kubernetes quantity such as 8Gi or 8192Mi.",
            "spec:\n  resources:\n    limits:\n      memory: 8Gi");

    public static final RuleMeta NO_LIMIT = new RuleMeta("memory.no-limit",
            "No container memory limit or request", Severity.WARNING, Kinds.SERVERS,
            "Without a memory limit nothing bounds heap + page cache: the pod may use all of the node's memory and "
                    + "is among the first evicted under memory pressure, the JVM sizes its default heap from the node "
                    + "instead of the container, and neo4j-guard has nothing to check the memory budget against. (With "
                    + "only a request, the budget is checked against the request instead.)",
            "Set spec.resources.limits.memory (equal to the request gives the pod Guaranteed QoS for memory).",
            "spec:\n  resources:\n    requests:\n      memory: 8Gi\n    limits:\n      memory: 8Gi");

    public static final RuleMeta SMALL_LIMIT = new RuleMeta("memory.limit-below-minimum",
            "Less memory than Neo4j's documented minimum", Severity.WARNING, Kinds.SERVERS,
            "Neo4j's Kubernetes documentation gives 2GB of memory as the minimum for a Neo4j instance, and the official "
                    + "Helm chart refuses less (it compares in decimal units, so 2G = 2e9 bytes passes). Below that, "
                    + "heap and page cache are too small for more than a toy database.",
            "Give the container at least 2Gi.",
            "spec:\n  resources:\n    limits:\n      memory: 2Gi");

    public static final RuleMeta INITIAL_OVER_MAX = new RuleMeta("memory.initial-heap-over-max",
            "Initial heap larger than the maximum heap", Severity.ERROR, Kinds.SERVERS,
            "The JVM refuses to start when -Xms is larger than -Xmx ('Initial heap size set to a larger value than "
                    + "the maximum heap size'), so the server never starts. The reference operator never compared them.",
            "Set server.memory.heap.initial_size equal to server.memory.heap.max_size (what Neo4j recommends) or lower.",
            "spec:\n  config:\n    server.memory.heap.initial_size: 4g\n    server.memory.heap.max_size: 4g");

    public static final RuleMeta OVER_LIMIT = new RuleMeta("memory.over-limit",
            "Heap and page cache leave too little of the container's memory", Severity.ERROR, Kinds.SERVERS,
            "Heap and page cache are fixed-size and resident (initial = max, AlwaysPreTouch). The JVM also needs "
                    + "native memory for its code cache, class metadata, thread stacks, Netty buffers and the garbage "
                    + "collector: at least 256 MiB plus 1/32 of the heap (derivation in the rule's source). With less "
                    + "than that left, the kernel OOM-kills the container under ordinary load and the server "
                    + "restarts in a loop.",
            "Lower heap and page cache, or raise the memory limit; the hint gives Neo4j's recommendation for the limit.",
            "spec:\n  resources:\n    limits:\n      memory: 8Gi\n  config:\n    server.memory.heap.max_size: 3584m\n"
                    + "    server.memory.pagecache.size: 2g");

    public static final RuleMeta BELOW_RECOMMENDATION = new RuleMeta("memory.below-recommendation",
            "Less headroom than Neo4j's memory recommendation", Severity.WARNING, Kinds.SERVERS,
            "neo4j-admin server memory-recommendation keeps part of the memory for the operating system: 1.5 GiB at "
                    + "4 GiB, 2.5 GiB at 8 GiB, 4 GiB at 16 GiB (measured with neo4j-admin 5.26 to 2026.08, "
                    + "https://neo4j.com/docs/operations-manual/current/configuration/neo4j-admin-memrec/). In a container "
                    + "that headroom holds "
                    + "the OS file cache Lucene full-text and vector indexes live in, and the JVM's native memory under "
                    + "load; with less, index queries slow down and native memory peaks risk an OOM kill.",
            "Lower heap or page cache, or raise the limit; the hint gives Neo4j's recommendation for the limit.",
            "spec:\n  resources:\n    limits:\n      memory: 8Gi\n  config:\n    server.memory.heap.max_size: 3584m\n"
                    + "    server.memory.pagecache.size: 2g");

    public static final RuleMeta TX_OVER_HEAP = new RuleMeta("memory.transaction-over-heap",
            "Transaction memory limit above the heap", Severity.WARNING, Kinds.SERVERS,
            "Transaction state lives on the heap (the default in 5.x, the only option from 2025.01), and "
                    + "dbms.memory.transaction.total.max bounds it (default 70 % of the heap). A limit above the "
                    + "heap never triggers: a big transaction exhausts the heap first and the server fails with "
                    + "OutOfMemoryError instead of refusing that one transaction.",
            "Set dbms.memory.transaction.total.max below the max heap, or leave it unset (70 % of the heap).",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g\n    dbms.memory.transaction.total.max: 2800m");

    public static final RuleMeta JAVA_OPTS = new RuleMeta("memory.java-opts",
            "JAVA_OPTS replaces Neo4j's JVM options", Severity.WARNING, Kinds.SERVERS,
            "When env JAVA_OPTS is set, Neo4j's launcher passes it verbatim and ignores every other JVM option: "
                    + "server.memory.heap.*, HEAP_SIZE, server.jvm.additional and Neo4j's defaults such as "
                    + "-XX:+ExitOnOutOfMemoryError (Neo4j's launcher, BootloaderOsAbstraction in 5.26 and 2026.08). "
                    + "Without -Xmx the heap is the JVM default, "
                    + "25 % of the container limit.",
            "Remove JAVA_OPTS; set the heap with server.memory.heap.max_size and other options with "
                    + "server.jvm.additional.",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g\n    server.jvm.additional: \"-XX:+UseG1GC\"");

    public static final RuleMeta OVERRIDDEN = new RuleMeta("memory.overridden-setting",
            "A memory setting that something else overrides", Severity.WARNING, Kinds.SERVERS,
            "The value written here is not the one the server runs with: HEAP_SIZE beats server.memory.heap.*, "
                    + "server.memory.heap.max_size beats -Xmx in server.jvm.additional (it is emitted later and the "
                    + "last flag wins), and a NEO4J_* env var replaces the spec.config line of the same setting. "
                    + "Whoever edits the dead value later changes nothing.",
            "Set each memory value in one place: server.memory.* in spec.config.",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g");

    public static final RuleMeta IN_PROPERTY_SHARDING = new RuleMeta("memory.in-property-sharding-config",
            "Memory settings in spec.propertySharding.config", Severity.WARNING, Set.of(Kinds.CLUSTER),
            "The operator drops memory settings from spec.propertySharding.config when it renders neo4j.conf "
                    + "(the reference operator, github.com/priyolahiri/neo4j-kubernetes-operator), so they never take "
                    + "effect.",
            "Move them to spec.config.",
            "spec:\n  config:\n    server.memory.heap.max_size: 8g\n  propertySharding:\n    enabled: true");

    private static final List<RuleMeta> RULES = List.of(INVALID_SIZE, KUBERNETES_UNIT, INVALID_QUANTITY, NO_LIMIT,
            SMALL_LIMIT, INITIAL_OVER_MAX, OVER_LIMIT, BELOW_RECOMMENDATION, TX_OVER_HEAP, JAVA_OPTS, OVERRIDDEN,
            IN_PROPERTY_SHARDING);

    /**
     * Neo4j's Kubernetes docs: "The minimum for a Neo4j instance is 0.5 CPU and 2GB memory"; the Helm chart
     * checks it in decimal gigabytes, so 2e9 bytes (a limit of 2G) is the boundary (github.com/neo4j/helm-charts,
     * neo4j/templates/_helpers.tpl; https://neo4j.com/docs/operations-manual/current/kubernetes/configuration/).
     */
    static final long DOCUMENTED_MINIMUM = 2_000_000_000L;

    private static final String LIMIT_PATH = "spec.resources.limits.memory";

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    private static RuleMeta rule(MemorySettings.Note.Kind kind) {
        return switch (kind) {
            case INVALID_SIZE -> INVALID_SIZE;
            case KUBERNETES_UNIT -> KUBERNETES_UNIT;
            case JAVA_OPTS -> JAVA_OPTS;
            case OVERRIDDEN -> OVERRIDDEN;
        };
    }

    /** The memory the budget is checked against. */
    private record Limit(long bytes, String shown, String path, boolean request) {
        String describe() {
            return "the " + shown + (request ? " request (no limit is set)" : " limit");
        }
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Parsed<Neo4jVersion> version = ServerImage.version(ctx.resource());
        boolean fiveX = version.ok() && !version.value().isCalVer();

        Node resources = spec.get("resources");
        Optional<Limit> limit = limit(ctx, resources.get("limits", "memory"), false);
        boolean limitUnreadable = resources.get("limits", "memory").present() && limit.isEmpty();
        if (limit.isEmpty() && !limitUnreadable) {
            limit = limit(ctx, resources.get("requests", "memory"), true);
        }
        OptionalLong containerLimit = limit.filter(l -> !l.request()).map(l -> OptionalLong.of(l.bytes()))
                .orElse(OptionalLong.empty());

        MemorySettings settings = MemorySettings.read(spec, containerLimit, fiveX);
        for (MemorySettings.Note n : settings.notes()) {
            ctx.report(rule(n.kind()), n.path(), n.message(), n.hint(), n.fix());
        }
        if (Kinds.CLUSTER.equals(ctx.kind())) {
            // Property sharding is a cluster feature; on a standalone the block is an unknown field.
            propertySharding(ctx, spec);
        }
        initialOverMax(ctx, settings);
        transactionOverHeap(ctx, settings);

        boolean requestUnreadable = resources.get("requests", "memory").present() && limit.isEmpty();
        if (limit.isEmpty()) {
            if (!limitUnreadable && !requestUnreadable) {
                ctx.report(NO_LIMIT, LIMIT_PATH, Messages.required("no memory limit or request: nothing "
                                + "bounds heap + page cache" + (resources.present() ? ""
                                : " (the operator may substitute its own default when spec.resources is absent)")),
                        "set spec.resources.limits.memory, e.g. 8Gi");
            }
            return;
        }
        Limit l = limit.get();
        if (l.bytes() < DOCUMENTED_MINIMUM) {
            ctx.report(SMALL_LIMIT, l.path(), Messages.invalid(l.shown(), "below the 2GB minimum Neo4j documents "
                    + "for a Neo4j instance on Kubernetes"), "give the container at least 2Gi");
        }
        budget(ctx, settings, l);
    }

    private static void budget(RuleContext ctx, MemorySettings s, Limit l) {
        if (s.heapMax().isEmpty() && s.pageCache().isEmpty() && s.offHeapTx().isEmpty()) {
            return; // only a limit: the defaults size the pools to fit
        }
        MemoryBudget b = new MemoryBudget(l.bytes(), s.heapMax().map(MemorySettings.Pool::bytes).orElse(0L),
                s.pageCache().map(MemorySettings.Pool::bytes).orElse(0L),
                s.offHeapTx().map(MemorySettings.Pool::bytes).orElse(0L));
        String arithmetic = arithmetic(s, b) + " " + leaves(b, l);
        MemoryRecommendation.Recommendation rec = MemoryRecommendation.forTotal(l.bytes());
        String advice = "Neo4j's memory recommendation for " + l.shown() + ": heap " + MemoryBudget.show(rec.heap())
                + ", page cache " + MemoryBudget.show(rec.pageCache());
        if (b.overLimit()) {
            ctx.report(OVER_LIMIT, l.path(), Messages.invalid(l.shown(), arithmetic + "; at least "
                            + MemoryBudget.show(b.hardFloor()) + " must stay free for JVM native memory and the OS"),
                    "lower heap or page cache, or raise the limit to at least " + MemoryBudget.show(b.minimumLimit())
                            + "; " + advice);
        } else if (b.belowRecommendation()) {
            ctx.report(BELOW_RECOMMENDATION, l.path(), Messages.invalid(l.shown(), arithmetic + "; Neo4j's memory "
                            + "recommendation keeps " + MemoryBudget.show(b.recommendedReserve())
                            + " for the OS at this size"),
                    advice);
        }
    }

    /** {@code heap 4g + page cache 3g = 7g}, naming unusual sources. */
    private static String arithmetic(MemorySettings s, MemoryBudget b) {
        List<String> parts = new ArrayList<>();
        s.heapMax().ifPresent(p -> parts.add("heap " + MemoryBudget.show(p.bytes())
                + source(p, MemorySettings.HEAP_MAX)));
        s.pageCache().ifPresent(p -> parts.add("page cache " + MemoryBudget.show(p.bytes())
                + source(p, MemorySettings.PAGE_CACHE)));
        s.offHeapTx().ifPresent(p -> parts.add("off-heap transaction state " + MemoryBudget.show(p.bytes())));
        String sum = String.join(" + ", parts);
        if (parts.size() > 1) {
            sum += " = " + MemoryBudget.show(b.used());
        }
        if (s.heapMax().isEmpty()) {
            sum += " (heap not set)";
        } else if (s.pageCache().isEmpty()) {
            sum += " (page cache not set)";
        }
        return sum;
    }

    private static String leaves(MemoryBudget b, Limit l) {
        long left = b.leftover();
        return left >= 0 ? "leaves " + MemoryBudget.show(left) + " of " + l.describe()
                : "exceeds " + l.describe() + " by " + MemoryBudget.show(-left);
    }

    private static String source(MemorySettings.Pool p, String standard) {
        return p.label().equals(standard) ? "" : " (" + p.label() + ")";
    }

    private static Optional<Limit> limit(RuleContext ctx, Node quantity, boolean request) {
        if (!quantity.present()) {
            return Optional.empty();
        }
        Optional<String> text = quantity.scalarText();
        Parsed<Long> bytes = text.map(KubernetesQuantity::bytes)
                .orElse(Parsed.fail("expected a Kubernetes quantity such as 8Gi"));
        if (!bytes.ok()) {
            ctx.report(INVALID_QUANTITY, quantity.path(), Messages.invalid(quantity.json(), bytes.error()),
                    "write a quantity such as 8Gi");
            return Optional.empty();
        }
        if (bytes.value() == 0) {
            ctx.report(INVALID_QUANTITY, quantity.path(), Messages.invalid(quantity.json(),
                    "a memory " + (request ? "request" : "limit") + " of 0 leaves nothing for Neo4j"),
                    "write a quantity such as 8Gi");
            return Optional.empty();
        }
        return Optional.of(new Limit(bytes.value(), text.get(), quantity.path(), request));
    }

    private static void initialOverMax(RuleContext ctx, MemorySettings s) {
        if (s.heapInitial().isEmpty() || s.heapMax().isEmpty() || s.heapMaxIsJvmDefault()) {
            return;
        }
        MemorySettings.Pool initial = s.heapInitial().get();
        MemorySettings.Pool max = s.heapMax().get();
        if (initial.bytes() > max.bytes()) {
            ctx.report(INITIAL_OVER_MAX, initial.path(), Messages.invalid(initial.shown(), "initial heap "
                            + MemoryBudget.show(initial.bytes()) + " (" + initial.label()
                            + ") is larger than the max heap "
                            + MemoryBudget.show(max.bytes()) + " (" + max.label() + "); the JVM refuses to start"),
                    "set the initial heap equal to the max heap (" + MemoryBudget.show(max.bytes()) + ") or lower");
        }
    }

    private static void transactionOverHeap(RuleContext ctx, MemorySettings s) {
        if (s.txTotal().isEmpty() || s.heapMax().isEmpty() || s.offHeapTx().isPresent()) {
            return; // with 5.x off-heap transaction state, part of the tracked memory is outside the heap
        }
        MemorySettings.Pool tx = s.txTotal().get();
        MemorySettings.Pool heap = s.heapMax().get();
        if (tx.bytes() > heap.bytes()) {
            ctx.report(TX_OVER_HEAP, tx.path(), Messages.invalid(tx.shown(), MemorySettings.TX_TOTAL + " "
                            + MemoryBudget.show(tx.bytes()) + " is larger than the max heap "
                            + MemoryBudget.show(heap.bytes())
                            + ": transactions live on the heap, so the heap runs out before this limit applies"),
                    "lower it below the heap, or remove it (default: 70 % of the heap)");
        }
    }

    private static void propertySharding(RuleContext ctx, Node spec) {
        for (var e : spec.get("propertySharding", "config").fields().entrySet()) {
            String name = SettingNames.canonical(e.getKey().strip());
            if (name.startsWith("server.memory.") || name.startsWith("dbms.memory.") || name.startsWith("db.memory.")) {
                ctx.report(IN_PROPERTY_SHARDING, e.getValue().path(), Messages.invalid(e.getValue().json(),
                                "memory settings in spec.propertySharding.config are dropped by the operator"),
                        "move " + e.getKey().strip() + " to spec.config");
            }
        }
    }
}
