package io.neo4jguard.core.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for field names and enumeration values: the closest candidate by optimal string alignment
 * distance (Levenshtein plus adjacent transpositions, so {@code toplogy} is one edit from {@code topology}),
 * compared case-insensitively.
 */
final class Suggestions {
    /** Names longer than this are not compared: no field of ours is near it and the cost is quadratic. */
    private static final int MAX_LENGTH = 64;

    private Suggestions() {
    }

    /**
     * The closest candidate within the allowed distance, or empty. Allowed: 1 edit for names up to 4
     * characters, 2 up to 8, 3 beyond: one slip per word of a camelCase name, while {@code tls} never
     * "corrects" to {@code env}.
     */
    static Optional<String> closest(String name, Collection<String> candidates) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = name.length() <= 4 ? 1 : name.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(name) || c.length() > MAX_LENGTH) {
                continue;
            }
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d <= allowed && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The longest candidate (3+ characters) the name starts with, case-insensitively: {@code authentication}
     * → {@code auth}, {@code storageClassName} → {@code storage}. A weaker guess than {@link #closest}: the
     * name is probably a spelled-out or flattened form of that field, not a one-letter slip.
     */
    static Optional<String> prefixOf(String name, Collection<String> candidates) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        for (String c : candidates) {
            if (c.length() >= 3 && c.length() < name.length() && lower.startsWith(c.toLowerCase(Locale.ROOT))
                    && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
