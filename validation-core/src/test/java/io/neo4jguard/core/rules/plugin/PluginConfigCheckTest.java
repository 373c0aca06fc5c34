package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginConfigCheckTest {
    private final PluginConfigCheck check = new PluginConfigCheck();

    @Test
    void settingNamesAndSingleLineValues() {
        assertThat(run(check, object(Kinds.PLUGIN, "p", "config:\n  apoc.export.file.enabled: \"true\"\n"
                + "  dbms.bloom.authorization_role: \"admin,architect\"\n  gds-x_y: \"1\""))).isEmpty();
        assertThat(ids(run(check, object(Kinds.PLUGIN, "p", "config:\n  \"a b\": x\n  \"k=v\": x\n"
                + "  ok.key: \"line1\\nline2\"\n  ok.other: \"x\\ry\"")))).containsExactly(
                "plugin.config-invalid", "plugin.config-invalid", "plugin.config-invalid", "plugin.config-invalid");
    }
}
