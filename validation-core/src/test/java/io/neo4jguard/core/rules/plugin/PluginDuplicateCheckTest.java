package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.Manifests.one;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginDuplicateCheckTest {
    private final PluginDuplicateCheck check = new PluginDuplicateCheck();

    private static Resource plugin(String object, String cluster, String name, String created) {
        return one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jPlugin\nmetadata:\n  name: " + object
                + "\n  namespace: default\n" + (created == null ? "" : "  creationTimestamp: \"" + created + "\"\n")
                + "spec:\n  clusterRef: " + cluster + "\n  name: " + name + "\n  version: \"5.26.0\"\n");
    }

    @Test
    void samePluginOnSameServer() {
        Resource a = plugin("a", "graph", "apoc", null);
        Resource b = plugin("b", "graph", "apoc", null);
        assertThat(ids(run(check, a, Resolvers.of(false, a, b)))).containsExactly("plugin.duplicate");
        assertThat(run(check, a, Resolvers.of(false, a, plugin("b", "other", "apoc", null)))).isEmpty();
        assertThat(run(check, a, Resolvers.of(false, a, plugin("b", "graph", "graph-data-science", null)))).isEmpty();
    }

    @Test
    void olderObjectWins() {
        Resource older = plugin("a", "graph", "apoc", "2025-01-01T00:00:00Z");
        Resource newer = plugin("b", "graph", "apoc", "2025-03-01T00:00:00Z");
        assertThat(run(check, older, Resolvers.of(true, older, newer))).isEmpty();
        assertThat(ids(run(check, newer, Resolvers.of(true, older, newer)))).containsExactly("plugin.duplicate");
    }
}
