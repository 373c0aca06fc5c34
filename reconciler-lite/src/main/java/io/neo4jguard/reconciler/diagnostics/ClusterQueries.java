package io.neo4jguard.reconciler.diagnostics;

import java.util.List;

/**
 * The two questions the diagnostics ask a Neo4j cluster. The real implementation is {@link BoltClusterQueries};
 * tests give the summariser any rows (cluster states Community cannot produce) through a fake.
 */
public interface ClusterQueries {
    /** {@code SHOW SERVERS}; {@link QueryFailure.Kind#NOT_SUPPORTED} on Community, which has no such command. */
    List<ServerRow> servers() throws QueryFailure;

    /** {@code SHOW DATABASES}: every database on every server. */
    List<DatabaseRow> databases() throws QueryFailure;
}
