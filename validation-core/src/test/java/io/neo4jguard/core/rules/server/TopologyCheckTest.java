package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class TopologyCheckTest {
    private final TopologyCheck check = new TopologyCheck();

    private List<Finding> topology(String yaml) {
        return run(check, cluster("topology:\n" + Manifests.indent(yaml)));
    }

    private static List<String> expected(String rules) {
        return rules.isBlank() ? List.of() : Arrays.asList(rules.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "servers {0}: {1}")
    @CsvSource({
            "-1, topology.min-servers",
            "0, topology.min-servers",
            "1, topology.min-servers",
            "2, topology.two-servers",
            "3, ''",
            "4, topology.even-servers",
            "5, ''",
            "9, ''",
            "10, topology.even-servers",
            "11, topology.many-servers",
            "12, topology.even-servers topology.many-servers",
            "99, topology.many-servers",
            "100, topology.even-servers topology.many-servers",
            "101, topology.max-servers",
            "9223372036854775807, topology.max-servers",
    })
    void serverCount(String servers, String rules) {
        assertThat(ids(topology("servers: " + servers))).containsExactlyInAnyOrderElementsOf(expected(rules));
    }

    @Test
    void missingServersIsRequired() {
        assertThat(at(topology("serverModeConstraint: NONE")))
                .containsExactly("topology.servers-required@spec.topology.servers");
        assertThat(at(run(check, cluster("image: {repo: neo4j}"))))
                .containsExactly("topology.servers-required@spec.topology.servers");
    }

    @Test
    void oneServerMessagePointsToStandalone() {
        Finding f = topology("servers: 1").get(0);
        assertThat(f.message()).isEqualTo(
                "Invalid value: 1: a cluster needs at least 2 servers; use Neo4jEnterpriseStandalone for one");
        assertThat(f.field()).isEqualTo("spec.topology.servers");
    }

    @Test
    void evenMessagesExplainRaftArithmetic() {
        assertThat(topology("servers: 4").get(0).message())
                .contains("M = 2F + 1").contains("4 servers tolerate 1 failure, the same as 3");
        assertThat(topology("servers: 2").get(0).message()).contains("quorum of the system database");
        assertThat(topology("servers: 5\nminSystemPrimaries: 4").get(0).message())
                .contains("4 tolerate 1 failure, the same as 3");
    }

    @ParameterizedTest(name = "minSystemPrimaries {0} of 5 servers: {1}")
    @CsvSource({
            "0, topology.min-system-primaries-range",
            "1, topology.min-system-primaries-range",
            "2, topology.even-system-primaries",
            "3, ''",
            "4, topology.even-system-primaries",
            "5, ''",
            "6, topology.min-system-primaries-range",
    })
    void systemPrimaries(int value, String rules) {
        List<Finding> fs = topology("servers: 5\nminSystemPrimaries: " + value);
        assertThat(ids(fs)).containsExactlyInAnyOrderElementsOf(expected(rules));
        fs.forEach(f -> assertThat(f.field()).isEqualTo("spec.topology.minSystemPrimaries"));
    }

    @Test
    void systemPrimariesAboveServersNamesTheServerCount() {
        assertThat(topology("servers: 3\nminSystemPrimaries: 5").get(0).message())
                .contains("must not exceed spec.topology.servers (3)");
    }

    @ParameterizedTest(name = "constraint {0}")
    @CsvSource(delimiter = '|', value = {
            "NONE | ''",
            "'' | ''",
            "PRIMARY | topology.constraint-primary",
            "SECONDARY | topology.no-primary-capable-server",
            "primary | topology.server-mode-constraint",
            "BOTH | topology.server-mode-constraint",
    })
    void globalConstraint(String value, String rules) {
        List<Finding> fs = topology("servers: 3\nserverModeConstraint: \"" + value + "\"");
        assertThat(ids(fs)).containsExactlyInAnyOrderElementsOf(expected(rules));
    }

    @Test
    void lowerCaseModeGetsUpperCaseFix() {
        Finding f = topology("servers: 3\nserverModeConstraint: primary").get(0);
        assertThat(f.fix()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/spec/topology/serverModeConstraint");
            assertThat(p.value().textValue()).isEqualTo("PRIMARY");
        });
    }

    @Test
    void globalSecondaryWithOnePrimaryRoleIsOnlyAWarning() {
        List<Finding> fs = topology("servers: 3\nserverModeConstraint: SECONDARY\nserverRoles:\n"
                + "  - {serverIndex: 0, modeConstraint: PRIMARY}");
        assertThat(at(fs)).containsExactly("topology.constraint-secondary@spec.topology.serverModeConstraint");
        assertThat(fs.get(0).message()).contains("only server 0");
    }

    @Test
    void globalPrimaryWithASecondaryRoleIsFine() {
        assertThat(topology("servers: 3\nserverModeConstraint: PRIMARY\nserverRoles:\n"
                + "  - {serverIndex: 2, modeConstraint: SECONDARY}")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{serverIndex: 0, modeConstraint: SECONDARY} | ''",
            "{serverIndex: 2, modeConstraint: NONE} | ''",
            "{serverIndex: 3, modeConstraint: NONE} | topology.server-role-index@spec.topology.serverRoles[0].serverIndex",
            "{serverIndex: -1, modeConstraint: NONE} | topology.server-role-index@spec.topology.serverRoles[0].serverIndex",
            "{modeConstraint: NONE} | topology.server-role-index@spec.topology.serverRoles[0].serverIndex",
            "{serverIndex: 1} | topology.server-role-mode@spec.topology.serverRoles[0].modeConstraint",
            "{serverIndex: 1, modeConstraint: secondary} | topology.server-role-mode@spec.topology.serverRoles[0].modeConstraint",
            "{serverIndex: 1, modeConstraint: READ} | topology.server-role-mode@spec.topology.serverRoles[0].modeConstraint",
    })
    void roleEntries(String entry, String expected) {
        assertThat(at(topology("servers: 3\nserverRoles:\n  - " + entry)))
                .containsExactlyInAnyOrderElementsOf(expected(expected));
    }

    @Test
    void roleIndexRangeMessage() {
        assertThat(topology("servers: 3\nserverRoles:\n  - {serverIndex: 3, modeConstraint: NONE}").get(0).message())
                .isEqualTo("Invalid value: 3: must be in range [0, 2]: the cluster has 3 servers");
    }

    @Test
    void duplicateIndex() {
        assertThat(at(topology("servers: 3\nserverRoles:\n  - {serverIndex: 1, modeConstraint: NONE}\n"
                + "  - {serverIndex: 1, modeConstraint: SECONDARY}")))
                .containsExactly("topology.server-role-duplicate@spec.topology.serverRoles[1].serverIndex");
    }

    @Test
    void everyServerSecondaryViaRoles() {
        List<Finding> fs = topology("servers: 3\nserverRoles:\n  - {serverIndex: 0, modeConstraint: SECONDARY}\n"
                + "  - {serverIndex: 1, modeConstraint: SECONDARY}\n  - {serverIndex: 2, modeConstraint: SECONDARY}");
        assertThat(at(fs)).containsExactly("topology.no-primary-capable-server@spec.topology.serverRoles");
        assertThat(fs.get(0).message()).contains("every one of the 3 servers is constrained to SECONDARY");
    }

    @Test
    void twoOfThreeSecondaryIsFine() {
        assertThat(topology("servers: 3\nserverRoles:\n  - {serverIndex: 0, modeConstraint: SECONDARY}\n"
                + "  - {serverIndex: 1, modeConstraint: SECONDARY}")).isEmpty();
    }

    @Test
    void everyServerSecondaryViaGlobalAndRoles() {
        // The reference misses this mix: one explicit SECONDARY role plus the global constraint.
        List<Finding> fs = topology("servers: 3\nserverModeConstraint: SECONDARY\nserverRoles:\n"
                + "  - {serverIndex: 0, modeConstraint: SECONDARY}");
        assertThat(at(fs)).containsExactly("topology.no-primary-capable-server@spec.topology.serverModeConstraint");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<Finding> fs = topology("servers: 1\nminSystemPrimaries: 1\nserverModeConstraint: Both\nserverRoles:\n"
                + "  - {serverIndex: 5, modeConstraint: x}\n  - {serverIndex: -2}");
        assertThat(ids(fs)).containsExactlyInAnyOrder("topology.min-servers",
                "topology.min-system-primaries-range", "topology.server-mode-constraint", "topology.server-role-index",
                "topology.server-role-mode", "topology.server-role-index", "topology.server-role-mode");
    }

    @Test
    void wrongTypesAreLeftToTheSchema() {
        assertThat(topology("servers: \"3\"\nserverRoles: nope\nminSystemPrimaries: [1]")).isEmpty();
    }

    @Test
    void standalonesHaveNoTopologyRules() {
        assertThat(run(check, ServerFixtures.standalone("topology: {servers: 1}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "servers: 3\\nenforceDistribution: true\\navailabilityZones: [a, b, c] | ''",
            "servers: 3\\nenforceDistribution: true\\navailabilityZones: [a, b, c, d] | ''",
            "servers: 3\\nenforceDistribution: true\\navailabilityZones: [a, b] | topology.distribution-zones",
            "servers: 3\\nenforceDistribution: true\\navailabilityZones: [a, a, b] | topology.distribution-zones",
            "servers: 3\\nenforceDistribution: true\\navailabilityZones: [a] | topology.distribution-zones",
            "servers: 3\\nenforceDistribution: true | topology.distribution-zones",
            "servers: 3\\nenforceDistribution: true\\nplacement: {antiAffinity: {enabled: true}} "
                    + "| topology.distribution-zones-unlisted",
            "servers: 3\\nenforceDistribution: false\\navailabilityZones: [a] | ''",
            "servers: 3\\navailabilityZones: [a] | ''",
    })
    void enforcedDistribution(String yaml, String rules) {
        List<Finding> fs = topology(yaml.replace("\\n", "\n"));
        assertThat(ids(fs)).containsExactlyInAnyOrderElementsOf(expected(rules));
        fs.forEach(f -> assertThat(f.field()).isEqualTo("spec.topology.availabilityZones"));
    }

    @Test
    void zoneMessageCountsDistinctZones() {
        assertThat(topology("servers: 3\nenforceDistribution: true\navailabilityZones: [a, a, b]").get(0).message())
                .contains("3 servers need 3 distinct zones, found 2");
    }
}
