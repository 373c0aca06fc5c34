package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {
    private static final Instant T1 = Instant.parse("2026-12-07T10:00:00.123Z");
    private static final Instant T2 = Instant.parse("2026-12-07T11:00:00Z");

    @Test
    void anUnchangedStatusKeepsItsTransitionTimeSoTheDocumentIsIdentical() {
        List<Condition> first = Conditions.settle(List.of(),
                List.of(Condition.of(Condition.READY, false, "Creating", "", 1)), T1);
        assertThat(first.get(0).lastTransitionTime()).isEqualTo("2026-12-07T10:00:00Z");
        StatusDocument a = new StatusDocument(1, first, null, Map.of());
        List<Condition> again = Conditions.settle(Conditions.read(a.toJson()),
                List.of(Condition.of(Condition.READY, false, "Creating", "", 1)), T2);
        assertThat(new StatusDocument(1, again, null, Map.of()).toJson()).isEqualTo(a.toJson());
    }

    @Test
    void aFlipGetsTheNewTime() {
        List<Condition> before = Conditions.settle(List.of(), List.of(Condition.of(Condition.READY, false, "X", "", 1)), T1);
        List<Condition> after = Conditions.settle(before, List.of(Condition.of(Condition.READY, true, "Y", "", 1)), T2);
        assertThat(after.get(0).lastTransitionTime()).isEqualTo("2026-12-07T11:00:00Z");
    }

    @Test
    void longMessagesAreCutBelowTheApiServerLimit() {
        Condition c = Condition.of(Condition.INVALID, true, "ValidationFailed", "x".repeat(50_000), 1);
        assertThat(c.message()).hasSize(Condition.MAX_MESSAGE).endsWith("...");
    }

    @Test
    void statusWriterComparesOnlyOurFieldsAndNumbersByValue() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var ours = new StatusDocument(3, List.of(), json.createObjectNode().put("servers", 3), Map.of("A/b", "h"))
                .toJson();
        var live = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                "{\"observedGeneration\":3.0,\"conditions\":[],\"servers\":3,\"appliedObjects\":{\"A/b\":\"h\"},"
                        + "\"operatorField\":1}");
        assertThat(StatusWriter.same(ours, live)).isTrue();
        live.put("servers", 5);
        assertThat(StatusWriter.same(ours, live)).isFalse();
        assertThat(StatusWriter.same(ours, null)).isFalse();
    }
}
