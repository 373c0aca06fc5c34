/**
 * Memory of a Neo4j server in a container: Neo4j's own recommendation
 * ({@link io.neo4jguard.core.memory.MemoryRecommendation}, exact to the byte), the budget of heap + page cache
 * against the container's memory ({@link io.neo4jguard.core.memory.MemoryBudget}: the hard floor and the
 * recommended OS reserve), what the user set and where ({@link io.neo4jguard.core.memory.MemorySettings}, with
 * Neo4j's and the launcher's precedence) and the JVM's size grammar ({@link io.neo4jguard.core.memory.JvmOptions}).
 * Validation ({@code rules.server.MemoryCheck}) and defaulting ({@code defaults.MemoryPoolsDefaulter}) both
 * build on these, so what defaulting writes is exactly what validation accepts.
 */
package io.neo4jguard.core.memory;
