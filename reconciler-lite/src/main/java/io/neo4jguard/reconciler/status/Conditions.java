package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading conditions from a live status and carrying their transition times over. */
public final class Conditions {
    private Conditions() {
    }

    /** The conditions in {@code status.conditions} of a live object (unknown shapes are skipped). */
    public static List<Condition> read(JsonNode status) {
        List<Condition> out = new ArrayList<>();
        for (JsonNode c : status.path("conditions")) {
            String type = c.path("type").asText("");
            Condition.Status s;
            try {
                s = Condition.Status.valueOf(c.path("status").asText(""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!type.isEmpty()) {
                out.add(new Condition(type, s, c.path("reason").asText(""), c.path("message").asText(""),
                        c.path("lastTransitionTime").asText(null), c.path("observedGeneration").asLong(0)));
            }
        }
        return out;
    }

    /**
     * {@code next} with transition times: a condition whose status did not change keeps the time it last flipped
     * (so an unchanged object gets a byte-identical status and no write); a new or flipped one gets {@code now},
     * to the second as {@code metav1.Time} serialises it.
     */
    public static List<Condition> settle(List<Condition> previous, List<Condition> next, Instant now) {
        Map<String, Condition> before = new HashMap<>();
        previous.forEach(c -> before.put(c.type(), c));
        String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> out = new ArrayList<>(next.size());
        for (Condition c : next) {
            Condition old = before.get(c.type());
            boolean keep = old != null && old.status() == c.status() && old.lastTransitionTime() != null;
            out.add(c.at(keep ? old.lastTransitionTime() : stamp));
        }
        return out;
    }
}
