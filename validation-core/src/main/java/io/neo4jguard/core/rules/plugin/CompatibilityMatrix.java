package io.neo4jguard.core.rules.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What neo4j-guard knows about Neo4j plugins, kept as data.
 * <p>Sources:
 * <ul>
 *   <li>{@link #REFERENCE}: the reference operator's plugin compatibility table (minimum plugin versions for the
 *       Neo4j lines it supports, 5.26 and CalVer), in its plugin validation
 *       (github.com/priyolahiri/neo4j-kubernetes-operator, internal/validation/plugin_validator.go). Names are
 * matched lower-cased, as there.</li>
 *   <li>{@link #APOC_DOCS}: APOC's installation guide ("Make sure that the first two version numbers match between
 *       Neo4j and APOC"; APOC versions follow the Neo4j version they are built for, CalVer included).</li>
 * </ul>
 * A name not listed here is not wrong, just unknown: the rule reports that it cannot judge compatibility.
 */
final class CompatibilityMatrix {
    static final String REFERENCE = "reference operator plugin compatibility table "
            + "(github.com/priyolahiri/neo4j-kubernetes-operator, internal/validation/plugin_validator.go)";
    static final String APOC_DOCS = "APOC installation guide: first two version numbers must match Neo4j's";

    /**
     * @param name             the plugin name, lower case
     * @param minimum          lowest plugin version known to work with supported Neo4j lines; empty if none
     * @param deprecated       no longer maintained for current Neo4j
     * @param tracksServerLine the plugin's major.minor must equal the server's (APOC)
     * @param source           where the entry comes from
     */
    record Entry(String name, String minimum, boolean deprecated, boolean tracksServerLine, String source) {
        Optional<PluginVersion> minimumVersion() {
            return minimum.isEmpty() ? Optional.empty() : PluginVersion.parse(minimum);
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("apoc", "5.26.0", false, true, REFERENCE + "; " + APOC_DOCS),
            new Entry("apoc-extended", "5.26.0", false, true, REFERENCE + "; " + APOC_DOCS),
            new Entry("graph-data-science", "2.9.0", false, false, REFERENCE),
            new Entry("neo4j-streams", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-kafka-connect", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-bloom", "2.9.0", false, false, REFERENCE),
            new Entry("neo4j-browser", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-desktop", "1.6.0", false, false, REFERENCE),
            new Entry("neo4j-etl", "1.6.0", false, false, REFERENCE),
            new Entry("neo4j-graph-algorithms", "", true, false, REFERENCE),
            new Entry("neo4j-graphql", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-spark-connector", "5.3.0", false, false, REFERENCE),
            new Entry("neo4j-fabric", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-vector", "5.26.0", false, false, REFERENCE),
            new Entry("neo4j-genai", "2025.01.0", false, false, REFERENCE));

    private static final Map<String, Entry> BY_NAME = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::name, Function.identity()));

    private CompatibilityMatrix() {
    }

    static Optional<Entry> find(String pluginName) {
        return Optional.ofNullable(BY_NAME.get(pluginName.trim().toLowerCase(Locale.ROOT)));
    }
}
