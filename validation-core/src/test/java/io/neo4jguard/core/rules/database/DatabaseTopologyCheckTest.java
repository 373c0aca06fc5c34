package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.database.Fixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTopologyCheckTest {
    private final DatabaseTopologyCheck check = new DatabaseTopologyCheck();

    private List<String> findings(String topology, Resolver resolver) {
        return ids(run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales\ntopology: "
                + topology), resolver));
    }

    private static List<String> expected(String ids) {
        return ids == null ? List.of() : Arrays.asList(ids.split("\\s*,\\s*"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // primaries: at least 1, at most 11 (Neo4j), both sides
            "{primaries: 0}                  | database.topology-invalid",
            "{primaries: 1}                  | -",
            "{secondaries: 1}                | database.topology-invalid",
            "{primaries: 11}                 | -",
            "{primaries: 12}                 | database.topology-invalid",
            "{primaries: -1}                 | database.topology-invalid",
            // secondaries: 0..20
            "{primaries: 1, secondaries: -1} | database.topology-invalid",
            "{primaries: 3, secondaries: 0}  | -",
            "{primaries: 11, secondaries: 20} | -",
            "{primaries: 11, secondaries: 21} | database.topology-invalid",
            // Raft: even primaries add no fault tolerance
            "{primaries: 2}                  | database.topology-even-primaries",
            "{primaries: 4, secondaries: 1}  | database.topology-even-primaries",
            // secondary-heavy: s > 2p, or p == 1 and s > 3
            "{primaries: 1, secondaries: 2}  | -",
            "{primaries: 1, secondaries: 3}  | database.topology-secondary-heavy",
            "{primaries: 3, secondaries: 6}  | -",
            "{primaries: 3, secondaries: 7}  | database.topology-secondary-heavy",
            // a non-integer is the schema's business
            "{primaries: three}              | -",
    })
    void shapeWithoutTarget(String topology, String ids) {
        assertThat(findings(topology, Resolver.NONE)).containsExactlyInAnyOrderElementsOf(expected(ids));
    }

    @ParameterizedTest(name = "{0} servers, {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "3 | {primaries: 3, secondaries: 1} | database.topology-exceeds-servers",
            "4 | {primaries: 3, secondaries: 1} | database.topology-no-spare-server",
            "5 | {primaries: 3, secondaries: 1} | -",
            "2 | {primaries: 1, secondaries: 1} | database.topology-no-spare-server",
            "5 | {primaries: 5}                 | database.topology-no-spare-server",
            "5 | {primaries: 1}                 | -",
    })
    void capacityAgainstTheCluster(int servers, String topology, String ids) {
        assertThat(findings(topology, Resolvers.of(false, cluster("graph", servers, "5.26.0-enterprise"))))
                .containsExactlyInAnyOrderElementsOf(expected(ids));
    }

    @Test
    void exceedingMessageNamesTheNumbers() {
        Finding f = run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: s\ntopology: {primaries: 3, "
                + "secondaries: 2}"), Resolvers.of(false, cluster("graph", 3, "5.26.0"))).get(0);
        assertThat(f.field()).isEqualTo("spec.topology");
        assertThat(f.message()).contains("needs 5 servers").contains("has 3");
    }

    @Test
    void serverModeConstraintConflicts() {
        Resource primaryOnly = object(Kinds.CLUSTER, "graph",
                "image: {tag: 5.26.0}\ntopology: {servers: 5, serverModeConstraint: PRIMARY}");
        assertThat(findings("{primaries: 3, secondaries: 1}", Resolvers.of(false, primaryOnly)))
                .containsExactly("database.topology-mode-constraint");
        assertThat(findings("{primaries: 3}", Resolvers.of(false, primaryOnly))).isEmpty();
        Resource secondaryOnly = object(Kinds.CLUSTER, "graph",
                "image: {tag: 5.26.0}\ntopology: {servers: 5, serverModeConstraint: SECONDARY}");
        assertThat(findings("{primaries: 1}", Resolvers.of(false, secondaryOnly)))
                .containsExactly("database.topology-mode-constraint");
    }

    @Test
    void standaloneIgnoresTopologyBeyondOnePrimary() {
        var target = Resolvers.of(false, standalone("graph", "5.26.0-enterprise"));
        assertThat(findings("{primaries: 1, secondaries: 0}", target)).isEmpty();
        assertThat(findings("{primaries: 1, secondaries: 1}", target)).containsExactly("database.topology-on-standalone");
        assertThat(findings("{primaries: 3}", target)).containsExactly("database.topology-on-standalone");
    }

    @Test
    void invalidTopologySkipsCapacityAndShapeWarnings() {
        assertThat(findings("{primaries: 12, secondaries: 1}", Resolvers.of(false, cluster("graph", 3, "5.26.0"))))
                .containsExactly("database.topology-invalid");
        assertThat(findings("{primaries: 0, secondaries: -1}", Resolver.NONE))
                .containsExactly("database.topology-invalid", "database.topology-invalid");
    }
}
