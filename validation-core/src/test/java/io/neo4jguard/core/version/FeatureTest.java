package io.neo4jguard.core.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureTest {
    @ParameterizedTest(name = "{0} since {1}")
    @CsvSource(delimiter = '|', value = {
            // the Operations Manual's changelogs and the reference operator's version gates
            "SEED_RESTORE_UNTIL        | 2025.01",
            "DIFF_AS_PARENT            | 2025.04",
            "CYPHER_25                 | 2025.06",
            "REMOTE_ADDRESS_RESOLUTION | 2025.09",
            "INCLUDE_METADATA_FILTER   | 2025.10",
            "PARALLEL_DOWNLOAD         | 2025.11",
            "SKIP_RECOVERY             | 2025.11",
            "PROPERTY_SHARDING         | 2025.12",
            "AUTH_RULES                | 2026.03",
            "SERVER_SEED_PROVIDER      | 2026.04",
    })
    void gateIsTheFirstReleaseWithTheFeature(Feature feature, String line) {
        Neo4jVersion since = Neo4jVersion.parse(line).value();
        assertThat(feature.since().compareTo(since)).isZero();
        assertThat(feature.supportedBy(since)).isTrue();
        assertThat(feature.supportedBy(Neo4jVersion.parse(line + ".0-enterprise").value())).isTrue();
        assertThat(feature.supportedBy(Neo4jVersion.parse(line + ".3").value())).isTrue();
        Neo4jVersion monthBefore = since.minor() == 1 ? Neo4jVersion.of(since.major() - 1, 12, 9)
                : Neo4jVersion.of(since.major(), since.minor() - 1, 9);
        assertThat(feature.supportedBy(monthBefore)).isFalse();
        assertThat(feature.supportedBy(Neo4jVersion.of(2026, 8, 1))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Feature.class)
    void theLts526HasNoneOfTheCalVerFeatures(Feature feature) {
        assertThat(feature.supportedBy(Neo4jVersion.parse("5.26.30-enterprise").value())).isFalse();
        assertThat(feature.supportedBy(Neo4jVersion.parse("5.26").value())).isFalse();
        assertThat(feature.since().isCalVer()).isTrue();
    }

    @Test
    void requirementReadsAsASentence() {
        assertThat(Feature.AUTH_RULES.requirement()).isEqualTo("auth rules (ABAC) need Neo4j 2026.03 or later");
        assertThat(Feature.DIFF_AS_PARENT.requirement())
                .isEqualTo("backup --prefer-diff-as-parent needs Neo4j 2025.04 or later");
        assertThat(Feature.CYPHER_25.requirement()).isEqualTo("Cypher 25 needs Neo4j 2025.06 or later");
    }
}
