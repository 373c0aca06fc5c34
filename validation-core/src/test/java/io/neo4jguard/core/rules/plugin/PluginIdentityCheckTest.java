package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginIdentityCheckTest {
    private final PluginIdentityCheck check = new PluginIdentityCheck();

    @ParameterizedTest(name = "name {0}, version {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "apoc                 | \"5.26.0\"      | -",
            "graph-data-science   | \"2.10.0\"      | -",
            "apoc-extended        | \"2025.01.0\"   | -",
            "n10s                 | v5.26.0         | -",
            "my.plugin_x          | 1.0.0-beta1     | -",
            "\"\"                 | \"5.26.0\"      | plugin.name-invalid",
            "'apoc\",\"x'         | \"5.26.0\"      | plugin.name-invalid",
            "apoc gds             | \"5.26.0\"      | plugin.name-invalid",
            "-apoc                | \"5.26.0\"      | plugin.name-invalid",
            "apoc                 | \"\"            | plugin.version-required",
            "apoc                 | latest          | plugin.version-format",
            "apoc                 | 5..26           | plugin.version-format",
            "apoc                 | \"5\"           | -",
            "apoc                 | 1.2.3.4         | -",
            "apoc                 | 1.2.3.4.5       | plugin.version-format",
    })
    void nameAndVersion(String name, String version, String expected) {
        var plugin = object(Kinds.PLUGIN, "p", "clusterRef: graph\nname: " + name + "\nversion: " + version);
        assertThat(ids(run(check, plugin))).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @org.junit.jupiter.api.Test
    void bothMissing() {
        assertThat(ids(run(check, object(Kinds.PLUGIN, "p", "clusterRef: graph"))))
                .containsExactly("plugin.name-invalid", "plugin.version-required");
    }
}
