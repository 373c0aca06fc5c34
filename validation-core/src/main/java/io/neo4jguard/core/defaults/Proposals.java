package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.RuleMeta;

import java.util.ArrayList;
import java.util.List;

/** Values defaulters want at JSON Pointer paths, each added only if nothing is there yet. */
public final class Proposals {
    /** One proposal: put {@code value} at {@code pointer} when absent. */
    public record Proposal(RuleMeta rule, String pointer, JsonNode value) {
    }

    private final List<Proposal> items = new ArrayList<>();

    public void setIfAbsent(RuleMeta rule, String pointer, JsonNode value) {
        items.add(new Proposal(rule, pointer, value));
    }

    List<Proposal> items() {
        return items;
    }
}
