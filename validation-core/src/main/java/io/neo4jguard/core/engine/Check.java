package io.neo4jguard.core.engine;

import io.neo4jguard.core.api.RuleMeta;

import java.util.List;

/**
 * One rule concern (topology, memory, TLS, ...): the rules it may report and the code that checks
 * them. A check reports every problem it finds, never only the first, and must not throw; the
 * engine still guards against a check that does (see {@link Engine}).
 */
public interface Check {
    /** Every rule this check may report; the engine refuses a report of any other. */
    List<RuleMeta> rules();

    /** Called once per object whose kind any of {@link #rules()} applies to. */
    void check(RuleContext ctx);
}
