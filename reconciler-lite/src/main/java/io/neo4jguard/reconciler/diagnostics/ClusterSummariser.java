package io.neo4jguard.reconciler.diagnostics;

import io.neo4jguard.reconciler.diagnostics.DiagnosticCondition.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.neo4jguard.reconciler.diagnostics.DiagnosticCondition.DATABASES_HEALTHY;
import static io.neo4jguard.reconciler.diagnostics.DiagnosticCondition.SERVERS_HEALTHY;

/**
 * Turns the answers of a {@link ClusterQueries} into a {@link DiagnosticsSummary}. Pure apart from the two calls
 * on the query layer; never throws for anything the cluster does.
 */
public final class ClusterSummariser {
    private ClusterSummariser() {
    }

    /**
     * @param expectedServers the servers the spec asks for (a cluster's {@code topology.servers}); empty when
     *                        unknown, then only the servers Neo4j lists are judged
     */
    public static DiagnosticsSummary summarise(ClusterQueries queries, OptionalInt expectedServers) {
        Optional<ServersSummary> servers = Optional.empty();
        DiagnosticCondition serversHealthy;
        QueryFailure connectionFailure = null;
        try {
            List<ServerRow> rows = queries.servers();
            servers = Optional.of(ServersSummary.of(rows));
            serversHealthy = serversCondition(servers.get(), expectedServers);
        } catch (QueryFailure f) {
            serversHealthy = unknown(SERVERS_HEALTHY, f);
            if (f.kind() != QueryFailure.Kind.NOT_SUPPORTED && f.kind() != QueryFailure.Kind.QUERY_FAILED) {
                connectionFailure = f; // the second query would fail (and wait) the same way
            }
        }
        if (connectionFailure != null) {
            return new DiagnosticsSummary(servers, Optional.empty(), serversHealthy,
                    unknown(DATABASES_HEALTHY, connectionFailure));
        }
        try {
            DatabasesSummary databases = DatabasesSummary.of(queries.databases());
            return new DiagnosticsSummary(servers, Optional.of(databases), serversHealthy,
                    databasesCondition(databases));
        } catch (QueryFailure f) {
            return new DiagnosticsSummary(servers, Optional.empty(), serversHealthy, unknown(DATABASES_HEALTHY, f));
        }
    }

    static DiagnosticCondition unknown(String type, QueryFailure f) {
        return new DiagnosticCondition(type, Status.Unknown, f.reason(), cap(f.getMessage()));
    }

    static DiagnosticCondition serversCondition(ServersSummary s, OptionalInt expected) {
        if (s.total() == 0) {
            return new DiagnosticCondition(SERVERS_HEALTHY, Status.False, "NoServers", "SHOW SERVERS listed no server");
        }
        List<String> unavailable = new ArrayList<>();
        List<String> notEnabled = new ArrayList<>();
        for (ServerRow r : s.servers()) {
            if (!r.available()) {
                unavailable.add(label(r) + " is " + r.health());
            }
            if (!r.enabled()) {
                notEnabled.add(label(r) + " is " + r.state());
            }
        }
        String counts = s.available() + "/" + s.total() + " servers available, " + s.enabled() + " enabled";
        if (!unavailable.isEmpty()) {
            return new DiagnosticCondition(SERVERS_HEALTHY, Status.False, "ServersUnavailable",
                    cap(counts + ": " + String.join("; ", unavailable)));
        }
        if (expected.isPresent() && s.enabled() < expected.getAsInt()) {
            return new DiagnosticCondition(SERVERS_HEALTHY, Status.False, "ServersMissing",
                    cap(s.enabled() + " of " + expected.getAsInt() + " expected servers enabled"
                            + (notEnabled.isEmpty() ? "" : ": " + String.join("; ", notEnabled))));
        }
        if (!notEnabled.isEmpty()) {
            return new DiagnosticCondition(SERVERS_HEALTHY, Status.False, "ServersNotEnabled",
                    cap(counts + ": " + String.join("; ", notEnabled)));
        }
        return new DiagnosticCondition(SERVERS_HEALTHY, Status.True, "AllServersAvailable",
                s.total() + " servers enabled and available");
    }

    static DiagnosticCondition databasesCondition(DatabasesSummary d) {
        if (d.total() == 0) {
            return new DiagnosticCondition(DATABASES_HEALTHY, Status.Unknown, "NoDatabases",
                    "SHOW DATABASES listed no database");
        }
        List<String> problems = d.problems();
        if (problems.isEmpty()) {
            return new DiagnosticCondition(DATABASES_HEALTHY, Status.True, "AllDatabasesAsRequested",
                    cap(d.total() + " databases as requested: " + String.join(", ",
                            d.databases().stream().map(x -> x.name() + " " + x.requestedStatus()).toList())));
        }
        boolean quarantined = d.databases().stream().anyMatch(DatabasesSummary.Database::quarantined);
        return new DiagnosticCondition(DATABASES_HEALTHY, Status.False,
                quarantined ? "DatabasesQuarantined" : "DatabasesNotAsRequested",
                cap(d.asRequested() + "/" + d.total() + " databases as requested: " + String.join("; ", problems)));
    }

    private static String label(ServerRow r) {
        return r.name().isEmpty() ? r.address() : r.address().isEmpty() ? r.name() : r.name() + " (" + r.address() + ")";
    }

    /** At most {@link DiagnosticCondition#MAX_MESSAGE} characters, cut at a separator and saying so. */
    static String cap(String message) {
        if (message == null || message.length() <= DiagnosticCondition.MAX_MESSAGE) {
            return message == null ? "" : message;
        }
        String suffix = " … (truncated)";
        int cut = message.lastIndexOf("; ", DiagnosticCondition.MAX_MESSAGE - suffix.length());
        int end = cut > 0 ? cut : DiagnosticCondition.MAX_MESSAGE - suffix.length();
        return message.substring(0, end) + suffix;
    }
}
