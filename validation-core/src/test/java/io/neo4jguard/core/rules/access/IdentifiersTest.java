package io.neo4jguard.core.rules.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {
    @ParameterizedTest(name = "username {0} valid={1}")
    @CsvSource(delimiter = '|', value = {
            "alice                | true",
            "alice@example.com    | true",
            "app_reader.v2-x      | true",
            "a                    | true",
            "1alice               | false",
            "_alice               | false",
            "alice smith          | false",
            "al'ice               | false",
            "ålice                | false",
            // 65 characters is the CRD's maximum, both sides
            "a2345678901234567890123456789012345678901234567890123456789012345  | true",
            "a23456789012345678901234567890123456789012345678901234567890123456 | false",
    })
    void usernames(String name, boolean valid) {
        assertThat(Identifiers.usernameProblem(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "role {0} valid={1}, reference={2}")
    @CsvSource(delimiter = '|', value = {
            "analytics_reader   | true  | true",
            "reader             | true  | true",
            "PUBLIC             | true  | true",
            "analytics-reader   | false | true",
            "team.readers       | false | true",
            "Analytics-Reader   | false | false",
            "_reader            | false | false",
            "1reader            | false | true",
            "a b                | false | false",
            "-reader            | false | false",
    })
    void roles(String name, boolean roleName, boolean reference) {
        assertThat(Identifiers.roleName(name)).isEqualTo(roleName);
        assertThat(Identifiers.roleReference(name)).isEqualTo(reference);
    }
}
