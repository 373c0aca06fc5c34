package io.neo4jguard.core.schema;

import java.util.Map;

/** Plain-language readings of the patterns our schemas use, so a finding does not leave a bare regex. */
final class PatternHints {
    private static final Map<String, String> HINTS = Map.of(
            "^[a-zA-Z][a-zA-Z0-9.\\-]*$",
            "a Neo4j database name starts with a letter and has only letters, digits, dots and dashes "
                    + "(no underscores), e.g. tenant-a-prod",
            "^[a-zA-Z][a-zA-Z0-9_.@\\-]*$",
            "a username starts with a letter and has only letters, digits, _ . @ and -",
            "^[a-zA-Z][a-zA-Z0-9_]*$",
            "a role name starts with a letter and has only letters, digits and underscores",
            "^[a-zA-Z][a-zA-Z0-9_-]*$",
            "an auth rule name starts with a letter and has only letters, digits, underscores and dashes",
            "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$",
            "use the Neo4jShardedDatabase's metadata.name: lower-case letters, digits, dashes and dots",
            "^[0-9]+[KMG]?$",
            "a whole number with an optional K, M or G suffix, e.g. 4G",
            "^[0-9]+(Ki|Mi|Gi|Ti)?$",
            "a whole number with an optional Ki, Mi, Gi or Ti suffix, e.g. 50Gi",
            "^(0(\\.\\d+)?|1(\\.0+)?)$",
            "a decimal between 0 and 1 written as a string, e.g. \"0.5\"");

    private PatternHints() {
    }

    static String forPattern(String pattern) {
        return HINTS.getOrDefault(pattern, "");
    }
}
