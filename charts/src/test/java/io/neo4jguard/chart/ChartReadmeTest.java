package io.neo4jguard.chart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's values table is generated from the comments of values.yaml ({@link ValuesTable}) and must be
 * current. After changing values.yaml: {@code ./mvnw -pl charts test -Dtest=ChartReadmeTest
 * -Dneo4jguard.chart.writeReadme=true} rewrites it.
 */
class ChartReadmeTest {
    static final String START = "<!-- values:start (generated from values.yaml by ChartReadmeTest) -->\n";
    static final String END = "<!-- values:end -->";

    @Test
    void everyValueIsDocumentedAndTheReadmeTableIsCurrent() throws IOException {
        Path dir = Chart.directory();
        String values = Files.readString(dir.resolve("values.yaml"), StandardCharsets.UTF_8);
        List<ValuesTable.Row> rows = ValuesTable.rows(values);
        // Every leaf of values.yaml is in a documented row (itself or a documented parent).
        List<String> keys = rows.stream().map(ValuesTable.Row::key).toList();
        for (String leaf : leaves(values)) {
            assertThat(keys).as("documented with a '# --' comment in values.yaml")
                    .anyMatch(k -> leaf.equals(k) || leaf.startsWith(k + "."));
        }

        Path readme = dir.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the values markers").isNotNegative();
        String expected = text.substring(0, start + START.length()) + ValuesTable.markdown(rows) + text.substring(end);
        if (Boolean.getBoolean("neo4jguard.chart.writeReadme")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            text = expected;
        }
        assertThat(text).as("README.md values table (regenerate with -Dneo4jguard.chart.writeReadme=true)")
                .isEqualTo(expected);
    }

    @Test
    void theGeneratorReadsNestedKeysDefaultsAndContinuedComments() throws IOException {
        List<ValuesTable.Row> rows = ValuesTable.rows("""
                # file header, not a row
                a:
                  # -- first line
                  # second line
                  b: 3
                  c: undocumented
                # -- a map
                d:
                  e: [x]
                """);
        assertThat(rows).containsExactly(new ValuesTable.Row("a.b", "3", "first line second line"),
                new ValuesTable.Row("d", "{\"e\":[\"x\"]}", "a map"));
    }

    private static List<String> leaves(String yaml) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        List<String> out = new java.util.ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, String prefix, List<String> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), prefix.isEmpty() ? e.getKey()
                    : prefix + "." + e.getKey(), out));
        } else {
            out.add(prefix);
        }
    }
}
