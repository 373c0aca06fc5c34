package io.neo4jguard.core.policy;

import io.neo4jguard.core.TestChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSelectorsTest {
    @Test
    void selectorMatchesIdConcernOrAll() {
        assertThat(RuleSelectors.matches("memory", TestChecks.NO_LIMIT)).isTrue();
        assertThat(RuleSelectors.matches("memory.test-no-limit", TestChecks.NO_LIMIT)).isTrue();
        assertThat(RuleSelectors.matches("*", TestChecks.NO_LIMIT)).isTrue();
        assertThat(RuleSelectors.matches("mem", TestChecks.NO_LIMIT)).isFalse();
        assertThat(RuleSelectors.matches("memory.test", TestChecks.NO_LIMIT)).isFalse();
    }

    @Test
    void closestPrefersTheNearestId() {
        assertThat(RuleSelectors.closest("memory.test-no-limt", TestChecks.allRules()))
                .startsWith("memory.test-no-limit");
        assertThat(RuleSelectors.closest("test-no-limit", TestChecks.allRules()))
                .startsWith("memory.test-no-limit");
        assertThat(RuleSelectors.closest("memroy", TestChecks.allRules())).startsWith("memory");
        assertThat(RuleSelectors.closest("completely-unrelated-words", TestChecks.allRules())).isEmpty();
        assertThat(RuleSelectors.closest("x".repeat(100_000), TestChecks.allRules())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"kitten,sitting,3", "ab,ba,1", "'',abc,3", "same,same,0"})
    void distanceCountsEditsAndTranspositions(String a, String b, int d) {
        assertThat(RuleSelectors.distance(a, b)).isEqualTo(d);
    }

    @ParameterizedTest
    @CsvSource({"team-*,team-a,true", "team-*,team-,true", "team-*,teams,false", "*-sandbox,a-sandbox,true",
            "*,anything,true", "a*b*c,axxbyyc,true", "a*b*c,axxbyy,false", "prod,prod,true", "prod,prod2,false"})
    void globsMatchWholeNames(String pattern, String text, boolean match) {
        assertThat(Glob.matches(pattern, text)).isEqualTo(match);
    }
}
