package io.neo4jguard.reconciler.diagnostics;

import java.util.List;

/**
 * A query layer that answers with given rows or fails with a given failure, and counts the questions: the cluster
 * states Neo4j Community cannot produce (SHOW SERVERS is Enterprise-only) come from here.
 */
final class FakeClusterQueries implements ClusterQueries {
    private final List<ServerRow> servers;
    private final QueryFailure serversFailure;
    private final List<DatabaseRow> databases;
    private final QueryFailure databasesFailure;
    int serverCalls;
    int databaseCalls;

    private FakeClusterQueries(List<ServerRow> servers, QueryFailure serversFailure, List<DatabaseRow> databases,
                               QueryFailure databasesFailure) {
        this.servers = servers;
        this.serversFailure = serversFailure;
        this.databases = databases;
        this.databasesFailure = databasesFailure;
    }

    static FakeClusterQueries answering(List<ServerRow> servers, List<DatabaseRow> databases) {
        return new FakeClusterQueries(servers, null, databases, null);
    }

    static FakeClusterQueries serversFail(QueryFailure f, List<DatabaseRow> databases) {
        return new FakeClusterQueries(null, f, databases, null);
    }

    static FakeClusterQueries databasesFail(List<ServerRow> servers, QueryFailure f) {
        return new FakeClusterQueries(servers, null, null, f);
    }

    @Override
    public List<ServerRow> servers() throws QueryFailure {
        serverCalls++;
        if (serversFailure != null) {
            throw serversFailure;
        }
        return servers;
    }

    @Override
    public List<DatabaseRow> databases() throws QueryFailure {
        databaseCalls++;
        if (databasesFailure != null) {
            throw databasesFailure;
        }
        return databases;
    }
}
