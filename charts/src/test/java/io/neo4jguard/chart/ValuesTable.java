package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values table of the chart's README, generated from values.yaml: every key whose comment starts with
 * {@code # --} is a row (key path, default, the comment), in file order. The same convention as helm-docs,
 * so that tool could take over; a few lines here keep the build free of another Go binary.
 */
final class ValuesTable {
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_]+):(.*)$");
    private static final Pattern COMMENT = Pattern.compile("^ *# ?(.*)$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValuesTable() {
    }

    record Row(String key, String defaultValue, String description) {
    }

    static List<Row> rows(String valuesYaml) throws IOException {
        JsonNode values = YAML.readTree(valuesYaml);
        List<Row> rows = new ArrayList<>();
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder description = null;
        for (String line : valuesYaml.split("\n")) {
            Matcher c = COMMENT.matcher(line);
            if (c.matches()) {
                String text = c.group(1);
                if (text.startsWith("-- ")) {
                    description = new StringBuilder(text.substring(3).trim());
                } else if (description != null) {
                    description.append(' ').append(text.trim());
                }
                continue;
            }
            Matcher k = KEY.matcher(line);
            if (!k.matches()) {
                description = null;
                continue;
            }
            int indent = k.group(1).length();
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                path.pop();
            }
            indents.push(new int[] {indent});
            path.push(k.group(2));
            if (description != null) {
                List<String> keys = new ArrayList<>(path);
                java.util.Collections.reverse(keys);
                JsonNode node = values;
                for (String key : keys) {
                    node = node.path(key);
                }
                rows.add(new Row(String.join(".", keys), JSON.writeValueAsString(node), description.toString()));
                description = null;
            }
        }
        return rows;
    }

    /** The Markdown table. */
    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| Key | Default | Description |\n|---|---|---|\n");
        for (Row r : rows) {
            b.append("| `").append(r.key()).append("` | `").append(r.defaultValue().replace("|", "\\|"))
                    .append("` | ").append(r.description().replace("|", "\\|").replace("<", "&lt;")).append(" |\n");
        }
        return b.toString();
    }
}
