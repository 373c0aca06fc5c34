package io.neo4jguard.core.policy;

import java.util.Locale;

/**
 * What the admission webhook does with errors in a namespace: {@code enforce} denies the request,
 * {@code warn} admits it and returns the errors as warnings (a way to roll neo4j-guard out to a
 * namespace before it may block anyone). The CLI ignores it: CI always sees the real severities.
 */
public enum Enforcement {
    ENFORCE,
    WARN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code enforce} / {@code warn}; anything else is an IllegalArgumentException. */
    public static Enforcement parse(String text) {
        for (Enforcement e : values()) {
            if (e.label().equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected enforce or warn, got '" + text + "'");
    }
}
