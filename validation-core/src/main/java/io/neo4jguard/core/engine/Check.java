package io.neo4jguard.core.engine;

import io.neo4jguard.core.api.RuleMeta;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rule concern (topology, memory, TLS, ...): the rules it may report and the code that checks
 * them. A check reports every problem it finds, never only the first, and must not throw; the
 * engine still guards against a check that does (see {@link Engine}).
 */
public interface Check {
    /** Every rule this check may report; the engine refuses a report of any other. */
    List<RuleMeta> rules();

    /**
     * The kinds this check runs on. By default every kind one of its rules applies to; a check that also
     * declares rules shared across kinds (such as {@code References.RULES}) must narrow this to its own.
     */
    default Set<String> kinds() {
        return rules().stream().flatMap(r -> r.kinds().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Called once per object whose kind is in {@link #kinds()}. */
    void check(RuleContext ctx);
}
