package io.neo4jguard.core.api;

/**
 * Where a value stands in its source: file (as given on the command line, or {@code -} for stdin,
 * or {@code <admission>} for an AdmissionReview), 1-based line and column. Line 0 means unknown.
 */
public record Location(String file, int line, int column) {
    public static final Location UNKNOWN = new Location("", 0, 0);

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
