/**
 * The desired Kubernetes objects for a Neo4j cluster, standalone or backup: pure functions of the (defaulted,
 * validated) custom resource and the owner's uid. Nothing here talks to a client or reads the clock, so the same
 * input always gives byte-identical output ({@link io.neo4jguard.reconciler.desired.DesiredYaml}); the controller
 * applies exactly what {@code neo4j-guard render} prints.
 *
 * <p>Public API: {@link io.neo4jguard.reconciler.desired.DesiredState} (the builders),
 * {@link io.neo4jguard.reconciler.desired.DesiredYaml} (the one serializer) and
 * {@link io.neo4jguard.reconciler.desired.ManagedLabels} (how the controller finds what it manages). Everything
 * else in the package is package-private.
 */
package io.neo4jguard.reconciler.desired;
