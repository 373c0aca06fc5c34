/**
 * Rules for the kinds that run Neo4j servers (Neo4jEnterpriseCluster, Neo4jEnterpriseStandalone): memory
 * ({@link io.neo4jguard.core.rules.server.MemoryCheck}), settings in {@code spec.config},
 * {@code spec.propertySharding.config} and {@code NEO4J_*} env vars
 * ({@link io.neo4jguard.core.rules.server.ConfigKeysCheck}, {@link io.neo4jguard.core.rules.server.ManagedConfigCheck},
 * {@link io.neo4jguard.core.rules.server.DeprecatedConfigCheck}), and extra volumes, mounts and trusted CA
 * Secrets ({@link io.neo4jguard.core.rules.server.ExtraVolumesCheck},
 * {@link io.neo4jguard.core.rules.server.MountsCheck}, {@link io.neo4jguard.core.rules.server.TrustedCaSecretsCheck}).
 * The checks are public; what they share (reading settings from every source, the memory arithmetic, path
 * normalisation, Neo4j's setting names) is package-private.
 */
package io.neo4jguard.core.rules.server;
