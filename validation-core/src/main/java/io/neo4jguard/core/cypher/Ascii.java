package io.neo4jguard.core.cypher;

/**
 * ASCII-only case folding, the way Cypher spells its keywords ({@code fragment S: [sS]}). Java's
 * {@code equalsIgnoreCase} and {@code toLowerCase} fold Unicode too (the Kelvin sign K becomes k, and
 * {@code ſ} upper-cases to S), which would make us see keywords Cypher does not.
 */
public final class Ascii {
    private Ascii() {
    }

    public static boolean equalsIgnoreCase(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static String toLowerCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(lower(s.charAt(i)));
        }
        return b.toString();
    }

    public static String toUpperCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return b.toString();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
    }
}
