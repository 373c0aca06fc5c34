package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.resources}: memoryLimit and cpuLimit as Kubernetes quantities (the reference tests only the suffix,
 * so {@code plenty of ram} passed and {@code 0.5} / {@code 1e9} failed), threadPoolSize non-negative. The operator
 * reads none of these fields today (they are reserved in its API), which the warning says.
 */
public final class PluginResourcesCheck implements Check {
    /** Below 1 MiB a memory limit is a unit slip ({@code 512m} is 0.512 bytes, not 512 MiB). */
    static final BigDecimal SMALLEST_PLAUSIBLE_MEMORY = BigDecimal.valueOf(1024L * 1024);

    static final RuleMeta RESOURCES_INVALID = new RuleMeta("plugin.resources-invalid",
            "A plugin resource value is not a valid quantity", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "memoryLimit and cpuLimit are Kubernetes quantities (1Gi, 512Mi, 500m, 0.5, 1e9) and threadPoolSize a "
                    + "count; anything else, or a negative value, is refused by the operator and the plugin is "
                    + "marked Invalid.",
            "Write quantities like 1Gi or 500m and a threadPoolSize of 0 or more.",
            "spec:\n  resources:\n    memoryLimit: 1Gi\n    cpuLimit: 500m\n    threadPoolSize: 4");

    static final RuleMeta RESOURCES_IGNORED = new RuleMeta("plugin.resources-ignored",
            "spec.resources of a plugin limits nothing", Severity.WARNING, Set.of(Kinds.PLUGIN),
            "The operator's API marks Neo4jPlugin.spec.resources as reserved: it is syntax-checked but no "
                    + "controller reads it, so no memory, CPU or thread limit is applied to the plugin. Plugins run "
                    + "inside the Neo4j JVM and share the server's heap and CPU.",
            "Size the Neo4j pods through the cluster's or standalone's spec.resources and memory settings instead.",
            "# on the Neo4jEnterpriseCluster:\nspec:\n  resources:\n    limits:\n      memory: 8Gi");

    @Override
    public List<RuleMeta> rules() {
        return List.of(RESOURCES_INVALID, RESOURCES_IGNORED);
    }

    @Override
    public void check(RuleContext ctx) {
        Node resources = ctx.spec().get("resources");
        if (!resources.isObject() || resources.size() == 0) {
            return;
        }
        boolean slip = false;
        Node memory = resources.get("memoryLimit");
        Optional<BigDecimal> mem = quantity(ctx, memory, "memory");
        if (mem.isPresent() && mem.get().signum() > 0 && mem.get().compareTo(SMALLEST_PLAUSIBLE_MEMORY) < 0) {
            slip = true;
        }
        quantity(ctx, resources.get("cpuLimit"), "CPU");
        Node threads = resources.get("threadPoolSize");
        if (threads.integer().isPresent() && threads.integer().getAsLong() < 0) {
            ctx.report(RESOURCES_INVALID, threads.path(), Messages.invalid(threads.json(), "must be 0 or more"),
                    "set a thread count of 0 or more");
        }
        ctx.report(RESOURCES_IGNORED, resources.path(), Messages.invalid(resources.json(),
                "reserved: the operator applies no plugin resource limits"
                        + (slip ? " (and memoryLimit " + memory.scalarText().orElse("")
                        + " is below 1Mi: a lower-case m means milli, Mi was probably meant)" : "")),
                "size the Neo4j server's resources instead");
    }

    private static Optional<BigDecimal> quantity(RuleContext ctx, Node node, String what) {
        Optional<String> text = node.scalarText().map(String::trim);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        Parsed<BigDecimal> q = KubernetesQuantity.parse(text.get());
        if (!q.ok()) {
            ctx.report(RESOURCES_INVALID, node.path(), Messages.invalid(node.json(), q.error()),
                    what.equals("CPU") ? "e.g. 500m or 2" : "e.g. 1Gi or 512Mi");
            return Optional.empty();
        }
        if (q.value().signum() < 0) {
            ctx.report(RESOURCES_INVALID, node.path(), Messages.invalid(node.json(), "a " + what
                    + " limit cannot be negative"), what.equals("CPU") ? "e.g. 500m" : "e.g. 1Gi");
            return Optional.empty();
        }
        return Optional.of(q.value());
    }
}
