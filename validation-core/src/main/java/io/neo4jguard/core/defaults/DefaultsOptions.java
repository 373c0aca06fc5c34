package io.neo4jguard.core.defaults;

/**
 * Switches for defaulting, set by policy.
 *
 * @param requiredAntiAffinity make the server anti-affinity required instead of preferred: a node
 *                             loss then never takes two servers, at the price of pods staying Pending
 *                             when there are fewer nodes than servers
 */
public record DefaultsOptions(boolean requiredAntiAffinity) {
    public static final DefaultsOptions STANDARD = new DefaultsOptions(false);
}
