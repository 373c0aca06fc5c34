/**
 * What the Neo4j Enterprise Operator does with Neo4jBackup and Neo4jRestore, as facts both the rules and a
 * reconciler need: the Jobs and CronJobs named after a backup ({@link io.neo4jguard.core.backup.BackupWorkloads}),
 * the {@code neo4j-admin} options it passes and those Neo4j 5 removed ({@link io.neo4jguard.core.backup.AdminArgs}),
 * the staging volume's size grammar ({@link io.neo4jguard.core.backup.Staging}) and the name grammars of
 * databases, Kubernetes objects and unquoted shell words ({@link io.neo4jguard.core.backup.Names}).
 *
 * <p>Nothing here reports a finding; the rules in {@code rules.backup} judge specs with these facts.
 */
package io.neo4jguard.core.backup;
