package io.neo4jguard.core.version;

import io.neo4jguard.core.version.SupportedVersions.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedVersionsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the 5.26 LTS line, any patch, with or without one
            "5.26              | SUPPORTED",
            "5.26.0-enterprise | SUPPORTED",
            "5.26.30           | SUPPORTED",
            // SemVer that is not 5.26: never released (5.27, 6.0) or out of support (4.4, 5.25)
            "5.27.0            | UNSUPPORTED",
            "6.0.0             | UNSUPPORTED",
            "4.4.40            | UNSUPPORTED",
            "5.25.1            | UNSUPPORTED",
            "5.0               | UNSUPPORTED",
            // CalVer from the first to the newest known line (2026.08), both ends
            "2025.01.0         | SUPPORTED",
            "2025.01           | SUPPORTED",
            "2025.10.1-enterprise-ubi9 | SUPPORTED",
            "2025.12.1         | SUPPORTED",
            "2026.04           | SUPPORTED",
            "2026.08.1         | SUPPORTED",
            "2026.08.99        | SUPPORTED",
            // plausible future lines: a warning, not an error; up to two years past the newest known
            "2026.09           | NEWER_THAN_KNOWN",
            "2026.11           | NEWER_THAN_KNOWN",
            "2028.12.0         | NEWER_THAN_KNOWN",
            "2029.01           | UNSUPPORTED",
            // impossible CalVer months and years, typos
            "2025.13           | UNSUPPORTED",
            "2025.00           | UNSUPPORTED",
            "9999.1            | UNSUPPORTED",
            "2024.12           | UNSUPPORTED",
            "1999.01           | UNSUPPORTED",
    })
    void judges(String tag, Verdict verdict) {
        assertThat(SupportedVersions.judge(Neo4jVersion.parse(tag).value())).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "5.27.0  | 5.26 was the last 5.x release",
            "6.0.0   | 5.26 was the last 5.x release",
            "4.4.40  | out of support; use 5.26 (LTS) or a CalVer release",
            "5.25.1  | out of support",
            "2025.13 | month must be 01 to 12",
            "9999.1  | no Neo4j release line 9999.01 exists",
            "2024.12 | CalVer releases start with 2025.01",
            "2026.11 | newer than the newest release this version of neo4j-guard knows (2026.08)",
            "2026.04 | is supported",
    })
    void explainsTheVerdict(String tag, String reason) {
        assertThat(SupportedVersions.explain(Neo4jVersion.parse(tag).value())).contains(reason);
    }
}
