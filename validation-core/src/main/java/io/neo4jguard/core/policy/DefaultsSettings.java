package io.neo4jguard.core.policy;

import java.util.Locale;

/**
 * The policy's {@code defaults:} section: switches for defaulting ({@code neo4j-guard mutate} and the
 * mutating webhook). {@code defaults.DefaultsOptions.from(policy)} turns it into the defaulters' options.
 *
 * @param antiAffinity how the server anti-affinity that defaulting adds to clusters binds the scheduler
 */
public record DefaultsSettings(AntiAffinity antiAffinity) {
    public static final DefaultsSettings STANDARD = new DefaultsSettings(AntiAffinity.PREFERRED);

    /**
     * {@code preferred} (the default): servers go to different nodes whenever the scheduler can, and still
     * start when there are fewer nodes than servers. {@code required}: never two servers of a cluster on one
     * node, at the price of Pending pods when nodes run short.
     */
    public enum AntiAffinity {
        PREFERRED,
        REQUIRED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code preferred} / {@code required}; anything else is an IllegalArgumentException. */
        public static AntiAffinity parse(String text) {
            for (AntiAffinity a : values()) {
                if (a.label().equals(text)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("expected preferred or required, got '" + text + "'");
        }
    }
}
