package io.neo4jguard.core.api;

import java.util.Optional;

/**
 * Decides, for one rule and one object, at which severity the rule's findings count, or that they do not
 * count at all. The engine asks this after running the checks; {@code policy.Policy} is the implementation
 * read from a policy file. Declared here, below both, so that the engine does not depend on the policy
 * file format and the policy does not depend on the engine.
 */
@FunctionalInterface
public interface SeverityPolicy {
    /** The severity of {@code rule} for {@code object}, or empty when the rule is off for it. */
    Optional<Severity> severityFor(RuleMeta rule, Resource object);
}
