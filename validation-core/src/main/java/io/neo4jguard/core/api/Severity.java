package io.neo4jguard.core.api;

import java.util.Locale;

/** How a finding is treated: an error denies admission and fails CI, a warning is reported only. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error} / {@code warning} (any case); anything else is an IllegalArgumentException. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected error or warning, got '" + text + "'");
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
