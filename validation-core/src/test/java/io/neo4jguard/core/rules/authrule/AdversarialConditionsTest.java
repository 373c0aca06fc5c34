package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every entry of {@code authrule/conditions.txt} (bypass attempts and false-positive traps, kept as data)
 * through the condition checks: ACCEPT means no error, REJECT at least one.
 */
class AdversarialConditionsTest {
    private static final Pattern CODE_POINT = Pattern.compile("<U\\+([0-9A-Fa-f]{4,6})>");

    record Entry(int line, String comment, boolean accept, String condition) {
    }

    static List<Entry> entries() throws IOException {
        List<String> lines;
        try (InputStream in = AdversarialConditionsTest.class.getResourceAsStream("/authrule/conditions.txt")) {
            assertThat(in).as("authrule/conditions.txt on the test class path").isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int tab = l.indexOf('\t');
            assertThat(tab).as("line %d: VERDICT<TAB>condition", i + 1).isPositive();
            String verdict = l.substring(0, tab);
            assertThat(verdict).as("line %d", i + 1).isIn("ACCEPT", "REJECT");
            String comment = i > 0 ? lines.get(i - 1) : "";
            assertThat(comment).as("line %d needs a '#' line above saying what it tries", i + 1).startsWith("# ");
            out.add(new Entry(i + 1, comment.substring(2), verdict.equals("ACCEPT"), expand(l.substring(tab + 1))));
        }
        return out;
    }

    static String expand(String s) {
        Matcher m = CODE_POINT.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(new String(Character.toChars(
                    Integer.parseInt(m.group(1), 16)))));
        }
        return m.appendTail(b).toString();
    }

    private static List<Finding> errors(String condition) {
        return AuthRules.errors(CheckRun.run(new AuthRuleConditionCheck(), AuthRules.withCondition(condition)));
    }

    @Test
    void theSetIsLargeAndCoversBothSides() throws IOException {
        List<Entry> all = entries();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all).filteredOn(Entry::accept).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all).filteredOn(e -> !e.accept()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all).extracting(Entry::condition).doesNotHaveDuplicates();
        assertThat(all).extracting(Entry::condition)
                .contains("true SET ENABLED true //", "x = 'a' //");
    }

    @TestFactory
    Stream<DynamicTest> everyEntryGetsItsVerdict() throws IOException {
        return entries().stream().map(e -> DynamicTest.dynamicTest(
                "line " + e.line() + ": " + (e.accept() ? "ACCEPT " : "REJECT ") + e.comment(), () -> {
                    List<Finding> errors = errors(e.condition());
                    if (e.accept()) {
                        assertThat(errors).as("%s", e.condition()).isEmpty();
                    } else {
                        assertThat(errors).as("%s", e.condition()).isNotEmpty();
                        assertThat(errors).allSatisfy(f -> {
                            assertThat(f.field()).isEqualTo("spec.condition");
                            assertThat(f.message()).startsWith("Invalid value: ");
                            assertThat(f.message()).containsPattern("column \\d+");
                        });
                    }
                }));
    }
}
