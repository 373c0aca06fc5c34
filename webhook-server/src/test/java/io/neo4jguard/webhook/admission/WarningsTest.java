package io.neo4jguard.webhook.admission;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarningsTest {
    private static Finding f(String rule, String field, String message) {
        return new Finding(rule, Severity.WARNING, field, message, "", null, null);
    }

    @Test
    void ruleIdFirstThenFieldThenMessage() {
        assertThat(Warnings.line(f("memory.x", "spec.config[a.b]", "Invalid value: \"1g\": too small")))
                .isEqualTo("memory.x: spec.config[a.b]: Invalid value: \"1g\": too small");
        assertThat(Warnings.line(f("engine.y", "", "whole object"))).isEqualTo("engine.y: whole object");
    }

    @Test
    void plainPrintableAsciiWithoutLosingInformation() {
        String w = Warnings.line(f("r", "spec.name", "Zürich \u201cquoted\u201d \u2014 caf\u00e9\u2026 \u2265 2 \u00d7 \uD83D\uDE80\ttab\nline"));
        assertThat(w).isEqualTo("r: spec.name: Zurich \"quoted\" - cafe... >= 2 x \\U0001F680 tab line");
        assertThat(w.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(Warnings.line(f("r", "", "\u65e5\u672c"))).isEqualTo("r: \\u65E5\\u672C");
    }

    @Test
    void eachWarningAtMost256Characters() {
        String w = Warnings.line(f("rule.long", "spec.x", "y".repeat(1000)));
        assertThat(w).hasSize(Warnings.ITEM_LIMIT).endsWith("...");
        assertThat(w).startsWith("rule.long: spec.x: yyy");
    }

    @Test
    void allTogetherAtMost4096WithACountOfTheDropped() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(f("rule.n" + i, "spec.f" + i, "m".repeat(200)));
        }
        List<String> out = Warnings.of(many);
        int total = out.stream().mapToInt(String::length).sum();
        assertThat(total).isLessThanOrEqualTo(Warnings.TOTAL_LIMIT);
        String last = out.get(out.size() - 1);
        int kept = out.size() - 1;
        assertThat(last).isEqualTo(Warnings.dropped(40 - kept)).contains((40 - kept) + " more warnings not shown");
        assertThat(out.get(0)).startsWith("rule.n0:");
        assertThat(kept).isGreaterThan(15);
        // As many as fit: one more kept warning would not leave room for the note.
        assertThat(total + 256).isGreaterThan(Warnings.TOTAL_LIMIT);
    }

    @Test
    void withinTheLimitsNothingChanges() {
        List<String> out = Warnings.of(List.of(f("a.b", "spec", "short"), f("c.d", "", "also short")));
        assertThat(out).containsExactly("a.b: spec: short", "c.d: also short");
        assertThat(Warnings.of(List.of())).isEmpty();
    }

    @Test
    void fitNeverExceedsTheTotalWhateverTheLengths() {
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0, n = r.nextInt(60); i < n; i++) {
                lines.add("x".repeat(1 + r.nextInt(256)));
            }
            List<String> out = Warnings.fit(lines);
            assertThat(out.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(Warnings.TOTAL_LIMIT);
            if (!out.equals(lines)) {
                assertThat(out.get(out.size() - 1)).startsWith("neo4j-guard: ");
            }
        }
    }
}
