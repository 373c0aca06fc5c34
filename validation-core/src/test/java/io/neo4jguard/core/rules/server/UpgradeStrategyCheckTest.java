package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class UpgradeStrategyCheckTest {
    private final UpgradeStrategyCheck check = new UpgradeStrategyCheck();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "strategy: RollingUpgrade | ''",
            "strategy: Recreate | ''",
            "strategy: rollingupgrade | upgrade.strategy@spec.upgradeStrategy.strategy",
            "strategy: BlueGreen | upgrade.strategy@spec.upgradeStrategy.strategy",
            "upgradeTimeout: 30m | ''",
            "upgradeTimeout: 1d | upgrade.timeout-format@spec.upgradeStrategy.upgradeTimeout",
            "healthCheckTimeout: \"0\" | upgrade.timeout-format@spec.upgradeStrategy.healthCheckTimeout",
            "stabilizationTimeout: -3m | upgrade.timeout-format@spec.upgradeStrategy.stabilizationTimeout",
            "stabilizationTimeout: 1ns | ''",
            "maxUnavailableDuringUpgrade: 0 | ''",
            "maxUnavailableDuringUpgrade: 1 | ''",
            "maxUnavailableDuringUpgrade: -1 | upgrade.max-unavailable@spec.upgradeStrategy.maxUnavailableDuringUpgrade",
    })
    void fields(String yaml, String expected) {
        for (var r : List.of(cluster("upgradeStrategy: {" + yaml + "}"),
                standalone("upgradeStrategy: {" + yaml + "}"))) {
            assertThat(at(run(check, r))).containsExactlyInAnyOrderElementsOf(
                    expected.isEmpty() ? List.of() : List.of(expected));
        }
    }

    @ParameterizedTest(name = "servers {0}, minSystemPrimaries {1}, maxUnavailable {2}: warn {3}")
    @CsvSource({
            "3, -1, 1, false",
            "3, -1, 2, true",
            "5, -1, 2, true",
            "5, 5, 2, false",
            "5, 5, 3, true",
            "2, -1, 1, false",
            "2, -1, 2, true",
            "7, 7, 3, false",
    })
    void quorumDuringUpgrade(int servers, int min, int maxUnavailable, boolean warn) {
        List<Finding> fs = run(check, cluster("topology: {servers: " + servers
                + (min < 0 ? "" : ", minSystemPrimaries: " + min) + "}\nupgradeStrategy: {maxUnavailableDuringUpgrade: "
                + maxUnavailable + "}"));
        if (warn) {
            assertThat(at(fs)).containsExactly(
                    "upgrade.max-unavailable-quorum@spec.upgradeStrategy.maxUnavailableDuringUpgrade");
            assertThat(fs.get(0).message()).contains("M = 2F + 1");
        } else {
            assertThat(fs).isEmpty();
        }
    }

    @Test
    void dayTimeoutGetsAFix() {
        Finding f = run(check, cluster("upgradeStrategy: {upgradeTimeout: 2d}")).get(0);
        assertThat(f.fix().get(0).value().textValue()).isEqualTo("48h");
        assertThat(f.fix().get(0).path()).isEqualTo("/spec/upgradeStrategy/upgradeTimeout");
    }

    @Test
    void standaloneHasNoQuorumWarning() {
        assertThat(run(check, standalone("upgradeStrategy: {maxUnavailableDuringUpgrade: 5}"))).isEmpty();
    }
}
