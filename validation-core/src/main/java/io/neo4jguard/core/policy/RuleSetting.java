package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Severity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy says about one rule or one concern ({@code rules:} entry).
 *
 * @param selector a rule ID or a concern (see {@link RuleSelectors})
 * @param enabled  false turns the rule(s) off
 * @param severity the severity to report instead of the rule's own; empty keeps the rule's
 * @param location where the entry stands in the policy file
 */
public record RuleSetting(String selector, boolean enabled, Optional<Severity> severity, Location location) {
    public RuleSetting {
        Objects.requireNonNull(selector, "selector");
        severity = severity == null ? Optional.empty() : severity;
        location = location == null ? Location.UNKNOWN : location;
    }
}
