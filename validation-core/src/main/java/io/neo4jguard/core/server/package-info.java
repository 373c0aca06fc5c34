/**
 * What the Neo4j Enterprise Operator does with a cluster or standalone, as facts both the rules and a
 * reconciler need: the objects it derives from {@code metadata.name} ({@link io.neo4jguard.core.server.ServerObjects})
 * and the length limits that follow from them ({@link io.neo4jguard.core.server.NameLimits}), the volumes it
 * adds to the server pods ({@link io.neo4jguard.core.server.OperatorVolumes}) and the paths a user mount must
 * not cover ({@link io.neo4jguard.core.server.MountPaths}), and the Neo4j settings it writes itself or that
 * Neo4j 2025.01 removed ({@link io.neo4jguard.core.server.Neo4jSettings}).
 *
 * <p>Nothing here judges a spec or reports a finding; the rules in {@code rules.server} do that, with these
 * facts. The sources of the facts (the operator's resource builders, Kubernetes' own limits, Neo4j's
 * changelogs) are named where each fact is declared.
 */
package io.neo4jguard.core.server;
