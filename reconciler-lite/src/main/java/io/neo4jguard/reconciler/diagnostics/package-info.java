/**
 * Bolt diagnostics: what a reachable Neo4j cluster says about itself ({@code SHOW SERVERS}, {@code SHOW DATABASES}),
 * summarised into a status value and the conditions {@code ServersHealthy} and {@code DatabasesHealthy}.
 *
 * <p>Two halves, so the interesting part is pure: {@link io.neo4jguard.reconciler.diagnostics.ClusterQueries} is the
 * query layer (the real one, {@link io.neo4jguard.reconciler.diagnostics.BoltClusterQueries}, uses
 * neo4j-java-driver with bounded timeouts), and {@link io.neo4jguard.reconciler.diagnostics.ClusterSummariser} turns
 * its rows — or its failure — into a {@link io.neo4jguard.reconciler.diagnostics.DiagnosticsSummary}. A cluster that
 * cannot be reached, refuses the credentials or does not answer in time gives conditions with a reason and a
 * retry hint, never an exception for the caller. The admin password ({@link
 * io.neo4jguard.reconciler.diagnostics.AdminCredentials}) appears in no message, log line, status or
 * {@code toString}.
 */
package io.neo4jguard.reconciler.diagnostics;
