package io.neo4jguard.core.defaults;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;

/**
 * One safe default: the values it proposes for fields the user left empty. A defaulter never looks at
 * its own earlier output: it proposes from the object as given, and {@link Defaults} turns proposals
 * into a patch that only adds what is absent, which is what makes defaulting idempotent.
 */
public interface Defaulter {
    /** Identity and rationale (the rule reference lists defaults too). */
    RuleMeta meta();

    void propose(Resource object, DefaultsOptions options, Proposals proposals);
}
