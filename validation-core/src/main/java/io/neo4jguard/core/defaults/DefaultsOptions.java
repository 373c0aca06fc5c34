package io.neo4jguard.core.defaults;

import io.neo4jguard.core.policy.DefaultsSettings;
import io.neo4jguard.core.policy.Policy;

/**
 * Switches for defaulting, set by policy (its {@code defaults:} section).
 *
 * @param requiredAntiAffinity make the server anti-affinity required instead of preferred: a node
 *                             loss then never takes two servers, at the price of pods staying Pending
 *                             when there are fewer nodes than servers
 */
public record DefaultsOptions(boolean requiredAntiAffinity) {
    public static final DefaultsOptions STANDARD = new DefaultsOptions(false);

    /** The options a policy's {@code defaults:} section asks for ({@link #STANDARD} without one). */
    public static DefaultsOptions from(Policy policy) {
        return new DefaultsOptions(policy.defaulting().antiAffinity() == DefaultsSettings.AntiAffinity.REQUIRED);
    }
}
