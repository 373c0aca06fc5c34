package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.Manifests.one;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateCheckTest {
    private final UpdateCheck check = new UpdateCheck();

    private List<Finding> update(Resource now, Resource old) {
        return run(check, now, old, null);
    }

    private static Resource tagged(String tag) {
        return cluster("image: {repo: neo4j, tag: \"" + tag + "\"}");
    }

    @Test
    void nothingOnCreate() {
        assertThat(run(check, cluster("topology: {servers: 1}\nstorage: {size: 1Gi}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "5.26.0-enterprise, 5.26.0-enterprise, ''",
            "5.26.0-enterprise, 5.26.1-enterprise, ''",
            "5.26.1-enterprise, 5.26.0-enterprise, update.version-downgrade",
            "5.26.0-enterprise, 2025.01.0-enterprise, ''",
            "5.26.30-enterprise, 2026.08.1-enterprise, ''",
            "2025.01.0-enterprise, 5.26.5-enterprise, update.version-downgrade",
            "2025.10.1-enterprise, 2025.09.0-enterprise, update.version-downgrade",
            "2025.10.1-enterprise, 2025.10.0-enterprise, update.version-downgrade",
            "2025.01.0-enterprise, 2026.08.1-enterprise, ''",
            "5.24.0-enterprise, 5.26.0-enterprise, ''",
            "5.24.0-enterprise, 2025.01.0-enterprise, update.unsupported-upgrade-path",
            "5.25.0-enterprise, 2025.10.1-enterprise, update.unsupported-upgrade-path",
            "4.4.0-enterprise, 5.26.0-enterprise, update.unsupported-upgrade-path",
            "4.4.0-enterprise, 2025.01.0-enterprise, update.unsupported-upgrade-path",
            "latest, 5.26.0-enterprise, ''",
            "5.26.0-enterprise, latest, ''",
    })
    void versionChanges(String from, String to, String rule) {
        List<Finding> fs = update(tagged(to), tagged(from));
        if (rule.isEmpty()) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(at(fs)).containsExactly(rule + "@spec.image.tag");
        }
    }

    @Test
    void downgradeMessageNamesBothVersions() {
        Finding f = update(tagged("5.26.5-enterprise"), tagged("2025.01.0-enterprise")).get(0);
        assertThat(f.message()).contains("5.26.5 is older than the running 2025.01.0");
        Finding g = update(tagged("2025.01.0-enterprise"), tagged("5.24.0-enterprise")).get(0);
        assertThat(g.hint()).contains("5.26 first");
    }

    @ParameterizedTest(name = "className {0} -> {1}")
    @CsvSource({
            "fast, fast, ''",
            "'', '', ''",
            "-, -, ''",
            "-, '', ''",
            "fast, slow, replace",
            "-, fast, remove",
            "fast, -, replace",
    })
    void storageClassIsImmutable(String from, String to, String fixOp) {
        String f = from.equals("-") ? "" : ", className: \"" + from + "\"";
        String t = to.equals("-") ? "" : ", className: \"" + to + "\"";
        for (boolean isCluster : new boolean[] {true, false}) {
            Resource old = isCluster ? cluster("storage: {size: 10Gi" + f + "}") : standalone("storage: {size: 10Gi" + f + "}");
            Resource now = isCluster ? cluster("storage: {size: 10Gi" + t + "}") : standalone("storage: {size: 10Gi" + t + "}");
            List<Finding> fs = update(now, old);
            if (fixOp.isEmpty()) {
                assertThat(fs).isEmpty();
            } else {
                assertThat(at(fs)).containsExactly("update.storage-class-immutable@spec.storage.className");
                assertThat(fs.get(0).message()).startsWith("Forbidden: storage.className cannot change");
                assertThat(fs.get(0).fix()).singleElement().satisfies(p -> assertThat(p.op()).isEqualTo(fixOp));
            }
        }
    }

    @ParameterizedTest(name = "size {0} -> {1}")
    @CsvSource({
            "100Gi, 100Gi, false",
            "100Gi, 200Gi, false",
            "100Gi, 102400Mi, false",
            "100Gi, 102399Mi, true",
            "100Gi, 50Gi, true",
            "1Ti, 1000Gi, true",
            "1Ti, 1.1e12, false",
            "100Gi, 10g, false",
            "lots, 1Gi, false",
    })
    void storageCannotShrink(String from, String to, boolean shrink) {
        List<Finding> fs = update(standalone("storage: {size: \"" + to + "\"}"),
                standalone("storage: {size: \"" + from + "\"}"));
        if (shrink) {
            assertThat(at(fs)).containsExactly("update.storage-shrink@spec.storage.size");
            assertThat(fs.get(0).fix().get(0).value().textValue()).isEqualTo(from);
        } else {
            assertThat(fs).isEmpty();
        }
    }

    private static Resource servers(long n, Long minSystemPrimaries) {
        return cluster("topology: {servers: " + n + (minSystemPrimaries == null ? "" : ", minSystemPrimaries: "
                + minSystemPrimaries) + "}");
    }

    @ParameterizedTest(name = "{0} -> {1} servers (minSystemPrimaries {2}): {3}")
    @CsvSource({
            "5, 3, -1, ''",
            "5, 2, -1, update.scale-below-system-primaries",
            "3, 2, -1, update.scale-below-system-primaries",
            "2, 1, -1, ''",
            "3, 5, -1, ''",
            "7, 5, 5, ''",
            "7, 4, 5, update.scale-below-system-primaries",
            "5, 4, 5, update.scale-below-system-primaries",
            "5, 2, 2, ''",
    })
    void scaleDownFloor(long from, long to, long min, String rule) {
        Long m = min < 0 ? null : min;
        List<Finding> fs = update(servers(to, m), servers(from, m));
        if (rule.isEmpty()) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(at(fs)).containsExactly(rule + "@spec.topology.servers");
        }
    }

    @Test
    void floorMessageExplainsTheDefault() {
        Finding f = update(servers(2, null), servers(3, null)).get(0);
        assertThat(f.message()).contains("below 3 servers").contains("the default, as minSystemPrimaries is unset");
    }

    @Test
    void changingMinSystemPrimariesWarns() {
        assertThat(at(update(servers(5, 5L), servers(5, 3L))))
                .containsExactly("update.min-system-primaries-changed@spec.topology.minSystemPrimaries");
        assertThat(at(update(servers(5, 3L), servers(5, null))))
                .containsExactly("update.min-system-primaries-changed@spec.topology.minSystemPrimaries");
        assertThat(update(servers(5, 3L), servers(5, 3L))).isEmpty();
    }

    private static Resource database(String name, String clusterRef, int primaries, int secondaries) {
        return one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jDatabase\nmetadata: {name: " + name
                + ", namespace: ns}\nspec:\n  name: " + name + "\n  clusterRef: " + clusterRef
                + "\n  topology: {primaries: " + primaries + ", secondaries: " + secondaries + "}\n");
    }

    @ParameterizedTest(name = "{0} -> {1} servers: {2}")
    @CsvSource({
            "9, 7, ''",
            "9, 6, update.scale-below-database-topology",
            "9, 5, update.scale-below-database-topology",
            "9, 4, update.scale-below-database-primaries",
    })
    void scaleDownBelowDatabases(long from, long to, String rule) {
        Resolver dbs = Resolvers.of(true, 
                database("orders", "graph", 5, 0),
                database("reports", "graph", 3, 4),
                database("elsewhere", "other-cluster", 9, 0));
        List<Finding> fs = run(check, servers(to, 3L), servers(from, 3L), dbs);
        if (rule.isEmpty()) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(ids(fs)).containsExactly(rule);
        }
    }

    @Test
    void databaseMessageNamesTheDatabase() {
        Resolver dbs = Resolvers.of(true, database("orders", "graph", 5, 0));
        Finding f = run(check, servers(4, 3L), servers(5, 3L), dbs).get(0);
        assertThat(f.message()).contains("Neo4jDatabase \"orders\" has 5 primaries");
    }

    @Test
    void standaloneHasNoScaleRules() {
        assertThat(update(standalone("topology: {servers: 1}"), standalone("topology: {servers: 5}"))).isEmpty();
    }
}
