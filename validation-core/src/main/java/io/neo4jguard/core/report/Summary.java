package io.neo4jguard.core.report;

/**
 * Counts of one run.
 *
 * @param files    source files read (a file without any object counts too)
 * @param objects  objects validated (the ten kinds of {@code neo4j.neo4j.com})
 * @param skipped  other objects (Secrets, ConfigMaps, ...): context for cross-object rules, not validated
 * @param errors   findings of severity error
 * @param warnings findings of severity warning
 */
public record Summary(int files, int objects, int skipped, long errors, long warnings) {
}
