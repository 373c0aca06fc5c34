package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginResourcesCheckTest {
    private final PluginResourcesCheck check = new PluginResourcesCheck();

    private List<Finding> findings(String resources) {
        return run(check, object(Kinds.PLUGIN, "p", "name: x\nresources: " + resources));
    }

    @ParameterizedTest(name = "{0} -> invalid={1}")
    @CsvSource(delimiter = '|', value = {
            // real Kubernetes quantities (the reference refused 0.5 and 1e9)
            "{memoryLimit: 1Gi, cpuLimit: 500m}    | false",
            "{memoryLimit: \"1e9\", cpuLimit: \"0.5\"} | false",
            "{memoryLimit: 2G, cpuLimit: \"2\"}     | false",
            "{memoryLimit: plenty of ram}          | true",
            "{memoryLimit: 1GB}                    | true",
            "{memoryLimit: -1Gi}                   | true",
            "{cpuLimit: -500m}                     | true",
            "{cpuLimit: 1.5cores}                  | true",
            "{threadPoolSize: 0}                   | false",
            "{threadPoolSize: -1}                  | true",
    })
    void quantities(String resources, boolean invalid) {
        List<String> found = ids(findings(resources));
        assertThat(found).contains("plugin.resources-ignored");
        assertThat(found.contains("plugin.resources-invalid")).isEqualTo(invalid);
    }

    @Test
    void millibytesSlipIsPointedOut() {
        Finding ignored = findings("{memoryLimit: 512m}").get(0);
        assertThat(ignored.rule()).isEqualTo("plugin.resources-ignored");
        assertThat(ignored.message()).contains("Mi was probably meant");
        assertThat(findings("{memoryLimit: 1Mi}").get(0).message()).doesNotContain("probably");
        assertThat(findings("{memoryLimit: 1048575}").get(0).message()).contains("probably");
    }

    @Test
    void absentOrEmptyResourcesSayNothing() {
        assertThat(run(check, object(Kinds.PLUGIN, "p", "name: x"))).isEmpty();
        assertThat(findings("{}")).isEmpty();
    }
}
