/**
 * The test kit of validation-core, shipped as its test-jar so other modules' tests use the same pieces:
 * objects from YAML ({@link io.neo4jguard.core.testkit.Manifests}), running one check
 * ({@link io.neo4jguard.core.testkit.CheckRun}), resolvers over a fixed set of objects
 * ({@link io.neo4jguard.core.testkit.Resolvers}) and the checkout's root
 * ({@link io.neo4jguard.core.testkit.RepositoryRoot}).
 */
package io.neo4jguard.core.testkit;
