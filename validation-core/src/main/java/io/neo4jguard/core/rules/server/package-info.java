/**
 * Rules for the kinds that run Neo4j servers (Neo4jEnterpriseCluster, Neo4jEnterpriseStandalone): memory
 * ({@link io.neo4jguard.core.rules.server.MemoryCheck}), settings in {@code spec.config},
 * {@code spec.propertySharding.config} and {@code NEO4J_*} env vars
 * ({@link io.neo4jguard.core.rules.server.ConfigKeysCheck}, {@link io.neo4jguard.core.rules.server.ManagedConfigCheck},
 * {@link io.neo4jguard.core.rules.server.DeprecatedConfigCheck}), and extra volumes, mounts and trusted CA
 * Secrets ({@link io.neo4jguard.core.rules.server.ExtraVolumesCheck},
 * {@link io.neo4jguard.core.rules.server.MountsCheck}, {@link io.neo4jguard.core.rules.server.TrustedCaSecretsCheck}).
 * The checks are public and only judge; the operator's facts they judge against (path normalisation, the
 * operator's volumes and managed keys, the 2025.01 removals, the names derived from {@code metadata.name}) are
 * in {@link io.neo4jguard.core.server}, because a reconciler needs them too. Reading settings from every
 * source and Neo4j's legacy names are in {@link io.neo4jguard.core.settings}, the memory arithmetic and
 * memory reading in {@link io.neo4jguard.core.memory}, because defaulting reads them too.
 */
package io.neo4jguard.core.rules.server;
