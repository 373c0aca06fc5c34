package io.neo4jguard.core.rules.authrule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference operator's keyword guard, modelled on anchor rules §4's list of what it refuses and accepts. */
class OperatorKeywordGuardCheckTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            abac.oidc.user_attribute('team') = 'payments'          | none
            abac.oidc.user_attribute('team') = 'drop-zone'          | DROP
            abac.oidc.user_attribute('team') = 'Show room'          | SHOW
            abac.oidc.user_attribute('access') = 'read;write'       | ';'
            abac.oidc.user_attribute('grant-type') = 'x'            | GRANT
            abac.oidc.user_attribute('grant_type') = 'x'            | none
            map.show = 1                                            | SHOW
            x /* drop */                                            | DROP
            `CREATE` = 1                                            | CREATE
            'ſhow' = 1                                              | SHOW
            'éDROP' = 1                                             | DROP
            true SET ENABLED true //                                | none
            CR/**/EATE = 1                                          | none
            'dropzone' = 1                                          | none
            """)
    void matchesWhatTheOperatorMatches(String condition, String expected) {
        assertThat(String.join(",", OperatorKeywordGuardCheck.hits(condition)))
                .isEqualTo(expected.equals("none") ? "" : expected);
    }
}
