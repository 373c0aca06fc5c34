package io.neo4jguard.core.defaults;

import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.memory.OperatorMemoryBudget;
import io.neo4jguard.core.policy.DefaultsSettings;
import io.neo4jguard.core.policy.Policy;

import java.util.List;

/**
 * Switches for defaulting, set by policy (its {@code defaults:} section, and what its {@code rules:} enforce).
 *
 * @param requiredAntiAffinity make the server anti-affinity required instead of preferred: a node
 *                             loss then never takes two servers, at the price of pods staying Pending
 *                             when there are fewer nodes than servers
 * @param operatorMemory       keep a cluster's memory pools within the reference operator's budget (heap and
 *                             page cache floors, heap + page cache + max(25 % of the limit, 512 MiB) ≤ limit):
 *                             on whenever the policy makes one of those rules an error (the default policy
 *                             does), so defaulting never writes what validation then denies
 */
public record DefaultsOptions(boolean requiredAntiAffinity, boolean operatorMemory) {
    public static final DefaultsOptions STANDARD = new DefaultsOptions(false, true);

    /** The operator's memory rules (operator-only, errors by default) that defaulting must not trip. */
    static final List<String> OPERATOR_MEMORY_RULES = List.of(OperatorMemoryBudget.OVERHEAD_RULE,
            OperatorMemoryBudget.HEAP_FLOOR_RULE, OperatorMemoryBudget.PAGE_CACHE_FLOOR_RULE);

    /** As the default policy: the operator's memory budget enforced. */
    public DefaultsOptions(boolean requiredAntiAffinity) {
        this(requiredAntiAffinity, true);
    }

    /** The options a policy asks for ({@link #STANDARD} for the default policy). */
    public static DefaultsOptions from(Policy policy) {
        boolean operatorMemory = OPERATOR_MEMORY_RULES.stream()
                .anyMatch(id -> policy.severityOf(id, true, Severity.ERROR).filter(s -> s == Severity.ERROR).isPresent());
        return new DefaultsOptions(policy.defaulting().antiAffinity() == DefaultsSettings.AntiAffinity.REQUIRED,
                operatorMemory);
    }
}
