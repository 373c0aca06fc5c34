package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which rules run, at which severity, for which objects. The default policy runs every rule at its
 * own severity; an object can still opt out of rules with the annotation {@link #SKIP_ANNOTATION}.
 */
public class Policy {
    /** Comma-separated rule IDs (or concerns, e.g. {@code memory}) the object opts out of. */
    public static final String SKIP_ANNOTATION = "neo4j-guard.io/skip";

    private static final Policy DEFAULTS = new Policy();

    protected Policy() {
    }

    public static Policy defaults() {
        return DEFAULTS;
    }

    /**
     * The severity of {@code rule} for {@code object}, or empty when the rule is off for it
     * (disabled, exempted, or skipped by annotation).
     */
    public Optional<Severity> severityFor(RuleMeta rule, Resource object) {
        if (skippedByAnnotation(rule, object)) {
            return Optional.empty();
        }
        return Optional.of(rule.severity());
    }

    protected static boolean skippedByAnnotation(RuleMeta rule, Resource object) {
        String skip = object.annotation(SKIP_ANNOTATION);
        if (skip == null) {
            return false;
        }
        return Arrays.stream(skip.split(","))
                .map(String::trim)
                .anyMatch(s -> s.equals(rule.id()) || s.equals(rule.concern()));
    }
}
