package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Location;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file that cannot be used: unreadable, invalid YAML, an unknown rule ID, a bad severity.
 * Carries every problem found (not only the first), each with file, line and column.
 */
public final class PolicyException extends Exception {
    /** One problem at one place in the policy file. */
    public record Problem(Location location, String message) {
        @Override
        public String toString() {
            String where = location.known() ? location.toString()
                    : (location.file().isEmpty() ? "<policy>" : location.file());
            return where + ": " + message;
        }
    }

    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public PolicyException(Location location, String message) {
        this(List.of(new Problem(location, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
