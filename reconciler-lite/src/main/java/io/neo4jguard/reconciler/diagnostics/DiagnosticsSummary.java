package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the diagnostics found: the summaries that could be read (empty when the query failed) and the two
 * conditions, which always exist and carry the reason when something could not be read.
 */
public record DiagnosticsSummary(Optional<ServersSummary> servers, Optional<DatabasesSummary> databases,
                                 DiagnosticCondition serversHealthy, DiagnosticCondition databasesHealthy) {
    /** The status field the summary is written under, beside the reconciler's own fields. */
    public static final String STATUS_FIELD = "diagnostics";

    public DiagnosticsSummary {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(serversHealthy, "serversHealthy");
        Objects.requireNonNull(databasesHealthy, "databasesHealthy");
    }

    /** Nothing could be asked (no Secret, no password, no address): both conditions say why. */
    public static DiagnosticsSummary failed(QueryFailure failure) {
        return new DiagnosticsSummary(Optional.empty(), Optional.empty(),
                ClusterSummariser.unknown(DiagnosticCondition.SERVERS_HEALTHY, failure),
                ClusterSummariser.unknown(DiagnosticCondition.DATABASES_HEALTHY, failure));
    }

    public List<DiagnosticCondition> conditions() {
        return List.of(serversHealthy, databasesHealthy);
    }

    /**
     * The cluster answered at least one question. False only when it could not be reached at all (or refused us),
     * which is what {@link RetryHint} backs off on; Community's missing {@code SHOW SERVERS} is an answer.
     */
    public boolean reached() {
        return databases.isPresent() || servers.isPresent();
    }

    /** {@code {servers: {...}, databases: {...}}}, each present when it was read. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        servers.ifPresent(s -> n.set("servers", s.toJson()));
        databases.ifPresent(d -> n.set("databases", d.toJson()));
        return n;
    }
}
