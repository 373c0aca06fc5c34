package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

import java.util.List;
import java.util.Objects;

/**
 * {@code Ready} and {@code Progressing} of a cluster or standalone, read from its StatefulSet. Ready means the
 * StatefulSet controller has seen the current spec and every server pod of the current revision is Ready; the
 * pods' readiness probe is the one that waits for Neo4j's own cluster and database availability, so this is not
 * the "Ready before it joined" the users complain about.
 *
 * @param servers      how many servers the StatefulSet should run
 * @param readyServers how many of its pods are Ready
 */
public record ServerStatus(int servers, int readyServers, Condition ready, Condition progressing) {
    public static ServerStatus of(StatefulSet sts, int servers, long generation) {
        if (sts == null || sts.getStatus() == null) {
            return new ServerStatus(servers, 0,
                    Condition.of(Condition.READY, false, "Creating", "the StatefulSet has no status yet", generation),
                    Condition.of(Condition.PROGRESSING, true, "Creating", "waiting for the StatefulSet controller",
                            generation));
        }
        StatefulSetStatus s = sts.getStatus();
        int ready = n(s.getReadyReplicas());
        int updated = n(s.getUpdatedReplicas());
        int current = n(s.getReplicas());
        long seen = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
        boolean specSeen = seen >= n(sts.getMetadata().getGeneration());
        boolean revisionDone = s.getUpdateRevision() == null || Objects.equals(s.getCurrentRevision(), s.getUpdateRevision());
        boolean allReady = specSeen && ready == servers && updated == servers && current == servers && revisionDone;
        String counts = ready + "/" + servers + " servers ready";
        if (allReady) {
            return new ServerStatus(servers, ready,
                    Condition.of(Condition.READY, true, "ServersReady", counts, generation),
                    Condition.of(Condition.PROGRESSING, false, "Stable", counts, generation));
        }
        String reason = !specSeen ? "SpecNotObserved"
                : current != servers ? "Scaling"
                : updated != servers || !revisionDone ? "RollingUpdate"
                : "ServersStarting";
        String message = counts + ", " + updated + " updated"
                + (specSeen ? "" : " (the StatefulSet controller has not seen the latest spec)");
        return new ServerStatus(servers, ready,
                Condition.of(Condition.READY, false, reason, message, generation),
                Condition.of(Condition.PROGRESSING, true, reason, message, generation));
    }

    public List<Condition> conditions() {
        return List.of(ready, progressing);
    }

    /** The numbers shown beside the conditions. */
    public ObjectNode fields() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("servers", servers);
        n.put("readyServers", readyServers);
        return n;
    }

    private static int n(Number v) {
        return v == null ? 0 : v.intValue();
    }
}
