package io.neo4jguard.core.rules.database;

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

class SeedConfigCheckTest {
    private final SeedConfigCheck check = new SeedConfigCheck();

    private List<String> findings(String seedConfig, Resolver r) {
        return ids(run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales\nseedURI: s3://b/x.backup\n"
                + "seedConfig: " + seedConfig), r));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "txId:12345                   | -",
            "txId:0                       | -",
            "txId:9223372036854775807     | -",
            "txId:9223372036854775808     | database.restore-until-invalid",
            "txId:00000000000000000000001 | -",
            "txId:                        | database.restore-until-invalid",
            "txid:12                      | database.restore-until-invalid",
            "txId:-1                      | database.restore-until-invalid",
            "2025-01-15T10:30:00Z         | -",
            "2025-01-15t10:30:00z         | -",
            "2025-01-15T10:30:00.123+02:00 | -",
            "2025-01-15T10:30Z            | database.restore-until-invalid",
            "2025-01-15 10:30:00Z         | database.restore-until-invalid",
            "2025-01-15T10:30:00          | database.restore-until-invalid",
            "2025-02-30T10:30:00Z         | database.restore-until-invalid",
            "yesterday                    | database.restore-until-invalid",
    })
    void restoreUntilFormat(String value, String expected) {
        assertThat(findings("{restoreUntil: \"" + value + "\"}", Resolver.NONE))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "5.26.0-enterprise    | database.restore-until-version",
            "5.26.30              | database.restore-until-version",
            "2025.01.0-enterprise | -",
            "2026.04.0            | -",
    })
    void restoreUntilNeedsCalVer(String tag, String expected) {
        assertThat(findings("{restoreUntil: \"txId:5\"}", Resolvers.of(false, cluster("graph", 3, tag))))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void configKeysAndValues() {
        assertThat(findings("{config: {region: eu-west-1, bufferSize: 32MB, path.style: \"true\"}}", Resolver.NONE))
                .isEmpty();
        assertThat(findings("{config: {\"a b\": x}}", Resolver.NONE)).containsExactly("database.seed-config-invalid");
        assertThat(findings("{config: {region: \"eu,west\"}}", Resolver.NONE))
                .containsExactly("database.seed-config-invalid");
        assertThat(findings("{config: {k: \"a=b\", j: \"it's\", l: \"x`y\", m: \"a\\nb\"}}", Resolver.NONE))
                .hasSize(4).containsOnly("database.seed-config-invalid");
    }

    @Test
    void checkedEvenWithoutSeedUri() {
        var db = object(Kinds.DATABASE, "db", "name: sales\nseedConfig: {restoreUntil: soon}");
        assertThat(ids(run(check, db))).containsExactly("database.restore-until-invalid");
    }
}
