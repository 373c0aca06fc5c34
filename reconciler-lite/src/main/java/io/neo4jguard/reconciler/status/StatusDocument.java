package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status we write on a managed custom resource: {@code observedGeneration}, {@code conditions}, the kind's
 * own numbers ({@link ServerStatus#fields()}, {@link BackupStatus#fields()}) and {@code appliedObjects} (the
 * digest of what was last applied per object, see {@code apply.AppliedHash}). Field order is fixed so equal
 * statuses serialise equally.
 */
public record StatusDocument(long observedGeneration, List<Condition> conditions, ObjectNode fields,
                             Map<String, String> appliedObjects) {
    public StatusDocument {
        conditions = List.copyOf(conditions);
        appliedObjects = new TreeMap<>(appliedObjects);
    }

    public ObjectNode toJson() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("observedGeneration", observedGeneration);
        var list = s.putArray("conditions");
        for (Condition c : conditions) {
            ObjectNode n = list.addObject();
            n.put("type", c.type());
            n.put("status", c.status().name());
            n.put("reason", c.reason());
            n.put("message", c.message());
            if (c.lastTransitionTime() != null) {
                n.put("lastTransitionTime", c.lastTransitionTime());
            }
            n.put("observedGeneration", c.observedGeneration());
        }
        if (fields != null) {
            s.setAll(fields);
        }
        if (!appliedObjects.isEmpty()) {
            ObjectNode a = s.putObject("appliedObjects");
            appliedObjects.forEach(a::put);
        }
        return s;
    }

    /** The digests of a live status (empty when it has none). */
    public static Map<String, String> appliedObjects(com.fasterxml.jackson.databind.JsonNode status) {
        Map<String, String> out = new TreeMap<>();
        status.path("appliedObjects").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
