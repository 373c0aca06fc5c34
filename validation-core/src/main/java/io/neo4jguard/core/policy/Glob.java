package io.neo4jguard.core.policy;

/**
 * Shell-style patterns for namespaces, names and label values: {@code *} matches any run of
 * characters (also none); every other character matches itself. No {@code ?} or classes: Kubernetes
 * names are DNS labels, so {@code team-*} and {@code *-sandbox} cover what policies need.
 */
final class Glob {
    private Glob() {
    }

    static boolean isPattern(String pattern) {
        return pattern.indexOf('*') >= 0;
    }

    /** Characters a pattern fixes: a longer literal part is a more specific pattern. */
    static int literalLength(String pattern) {
        return pattern.length() - (int) pattern.chars().filter(c -> c == '*').count();
    }

    static boolean matches(String pattern, String text) {
        // Iterative wildcard match with one backtrack point: linear in practice, no regex, no recursion.
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
