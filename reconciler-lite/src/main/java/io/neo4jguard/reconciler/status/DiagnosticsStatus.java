package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.reconciler.diagnostics.DiagnosticCondition;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsSummary;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Bolt diagnostics in a cluster's or standalone's status: conditions {@code ServersHealthy} and
 * {@code DatabasesHealthy}, and {@code status.diagnostics} (the address asked and the summaries Neo4j gave).
 * Nothing here holds a timestamp of the round, so a cluster that keeps answering the same gives the same status
 * and no write.
 *
 * @param conditions  the two conditions, or none (no result yet and none in the live status)
 * @param diagnostics the status field, empty when there is nothing to show
 */
public record DiagnosticsStatus(List<Condition> conditions, Optional<ObjectNode> diagnostics) {
    public static final String SERVERS_HEALTHY = DiagnosticCondition.SERVERS_HEALTHY;
    public static final String DATABASES_HEALTHY = DiagnosticCondition.DATABASES_HEALTHY;
    public static final String FIELD = DiagnosticsSummary.STATUS_FIELD;
    /** Unknown before any server pod is Ready: the client Service has no endpoint to answer on. */
    public static final String SERVERS_NOT_READY = "ServersNotReady";

    public DiagnosticsStatus {
        conditions = List.copyOf(conditions);
    }

    /** What a finished diagnosis found. */
    public static DiagnosticsStatus of(DiagnosticsSummary summary, URI address, long generation) {
        List<Condition> c = summary.conditions().stream().map(d -> Condition.of(d.type(),
                Condition.Status.valueOf(d.status().name()), d.reason(), d.message(), generation)).toList();
        ObjectNode field = JsonNodeFactory.instance.objectNode();
        field.put("address", address.toString());
        field.setAll(summary.toJson());
        return new DiagnosticsStatus(c, Optional.of(field));
    }

    /** No server pod Ready yet: nothing to ask, both conditions Unknown, no summary. */
    public static DiagnosticsStatus serversNotReady(long generation) {
        String message = "no server pod is Ready yet: nothing answers on Bolt";
        return new DiagnosticsStatus(List.of(
                Condition.of(SERVERS_HEALTHY, Condition.Status.Unknown, SERVERS_NOT_READY, message, generation),
                Condition.of(DATABASES_HEALTHY, Condition.Status.Unknown, SERVERS_NOT_READY, message, generation)),
                Optional.empty());
    }

    /**
     * The first round after a (re)start has not finished yet: keep what the live status says (a restarted
     * reconciler thus neither drops the conditions nor writes twice), or show nothing if it says nothing.
     */
    public static DiagnosticsStatus carriedOver(JsonNode liveStatus, long generation) {
        List<Condition> live = Conditions.read(liveStatus).stream()
                .filter(c -> c.type().equals(SERVERS_HEALTHY) || c.type().equals(DATABASES_HEALTHY))
                .map(c -> Condition.of(c.type(), c.status(), c.reason(), c.message(), generation)).toList();
        if (live.size() != 2) {
            return new DiagnosticsStatus(List.of(), Optional.empty());
        }
        JsonNode field = liveStatus.path(FIELD);
        return new DiagnosticsStatus(live, field.isObject() ? Optional.of(((ObjectNode) field).deepCopy())
                : Optional.empty());
    }
}
