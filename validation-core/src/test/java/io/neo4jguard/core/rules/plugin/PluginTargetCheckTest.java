package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginTargetCheckTest {
    private final PluginTargetCheck check = new PluginTargetCheck();

    @Test
    void requiredAndResolved() {
        assertThat(ids(run(check, object(Kinds.PLUGIN, "p", "name: apoc\nversion: \"5.26.0\""))))
                .containsExactly("plugin.cluster-ref-required");
        var plugin = object(Kinds.PLUGIN, "p", "clusterRef: graph\nname: apoc\nversion: \"5.26.0\"");
        assertThat(ids(run(check, plugin, Resolvers.of(false)))).containsExactly("refs.target-not-in-run");
        assertThat(ids(run(check, plugin, Resolvers.of(true)))).containsExactly("refs.target-missing");
        assertThat(run(check, plugin, Resolvers.of(true, cluster("graph", 3, "5.26.0")))).isEmpty();
    }
}
