package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginCompatibilityCheckTest {
    private final PluginCompatibilityCheck check = new PluginCompatibilityCheck();

    private List<String> findings(String name, String version, Resolver r) {
        return ids(run(check, object(Kinds.PLUGIN, "p", "clusterRef: graph\nname: " + name + "\nversion: \""
                + version + "\""), r));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // minimum versions, both sides
            "apoc                   | 5.26.0     | -",
            "apoc                   | 5.25.9     | plugin.version-below-minimum",
            "APOC                   | 5.26.0     | -",
            "graph-data-science     | 2.9.0      | -",
            "graph-data-science     | 2.8.99     | plugin.version-below-minimum",
            "graph-data-science     | 2.10.0     | -",
            "neo4j-genai            | 2025.01.0  | -",
            "neo4j-genai            | 2024.12.0  | plugin.version-below-minimum",
            "neo4j-graph-algorithms | 3.5.0      | plugin.deprecated",
            // not in the table: a warning that nothing was checked
            "bloom                  | 2.15.0     | plugin.compatibility-unknown",
            "genai                  | 1.0.0      | plugin.compatibility-unknown",
            // an unreadable version is PluginIdentityCheck's finding
            "apoc                   | latest     | -",
    })
    void matrix(String name, String version, String expected) {
        assertThat(findings(name, version, Resolver.NONE))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "apoc {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "5.26.0    | 5.26.0-enterprise    | -",
            "5.26.12   | 5.26.30              | -",
            "2025.10.0 | 5.26.0-enterprise    | plugin.version-server-mismatch",
            "5.26.0    | 2025.10.1-enterprise | plugin.version-server-mismatch",
            "2025.10.0 | 2025.10.1-enterprise | -",
            "2025.9.0  | 2025.10.1-enterprise | plugin.version-server-mismatch",
            "2025.01.0 | 2025.01.0            | -",
    })
    void apocTracksTheServerLine(String version, String tag, String expected) {
        assertThat(findings("apoc", version, Resolvers.of(false, cluster("graph", 3, tag))))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void otherPluginsDoNotTrackTheServerLine() {
        assertThat(findings("graph-data-science", "2.10.0", Resolvers.of(false, cluster("graph", 3, "2025.10.1"))))
                .isEmpty();
    }

    @Test
    void everyEntryNamesItsSourceAndParses() {
        for (CompatibilityMatrix.Entry e : CompatibilityMatrix.ENTRIES) {
            assertThat(e.source()).as(e.name()).isNotBlank();
            assertThat(e.minimum().isEmpty() || e.minimumVersion().isPresent()).as(e.name()).isTrue();
            assertThat(e.deprecated() || e.minimumVersion().isPresent()).as(e.name()).isTrue();
        }
    }
}
