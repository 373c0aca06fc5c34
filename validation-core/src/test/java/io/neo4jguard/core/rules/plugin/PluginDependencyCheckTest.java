package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginDependencyCheckTest {
    private final PluginDependencyCheck check = new PluginDependencyCheck();

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource(delimiterString = "::", quoteCharacter = '"', value = {
            ">=5.26.0          :: true",
            ">= 5.26.0         :: true",
            "^2.10             :: true",
            "~5.26             :: true",
            "~>5.26.1          :: true",
            "=5.26.0           :: true",
            "==5.26.0          :: true",
            "!=5.26.1          :: true",
            "5.26.x            :: true",
            "5.26.*            :: true",
            "*                 :: true",
            "1                 :: true",
            "v5.26.0           :: true",
            ">=5.26.0 <2026.0.0 :: true",
            ">=5.26.0, <2026.0.0 :: true",
            "^5.26 || ^2025.1  :: true",
            "5.26.0-beta1      :: true",
            "5.26.0+build.7    :: true",
            ">=banana          :: false",
            ">=                :: false",
            ">=5..26           :: false",
            "5.26.             :: false",
            "latest            :: false",
            "=> 5.26.0         :: false",
            "^5.26 ||          :: false",
            "5.26.0.1.2        :: false",
            ">=5.26.0;rm -rf   :: false",
    })
    void constraintGrammar(String constraint, boolean valid) {
        assertThat(VersionConstraint.problem(constraint)).as(constraint).matches(p -> p.isEmpty() == valid);
    }

    @Test
    void constraintLengthIsBounded() {
        String longest = ">=1" + ".0".repeat(0) + " 1".repeat((VersionConstraint.MAX_LENGTH - 3) / 2);
        assertThat(longest.length()).isLessThanOrEqualTo(VersionConstraint.MAX_LENGTH);
        assertThat(VersionConstraint.problem(longest)).isEmpty();
        assertThat(VersionConstraint.problem("1" + " 1".repeat(VersionConstraint.MAX_LENGTH))).isPresent();
    }

    @Test
    void dependencyEntries() {
        assertThat(run(check, object(Kinds.PLUGIN, "p", "name: graph-data-science\ndependencies:\n"
                + "  - {name: apoc, versionConstraint: \">=5.26.0\", optional: false}\n  - {name: n10s}\n"
                + "  - {name: x, versionConstraint: \"\"}"))).isEmpty();
        assertThat(ids(run(check, object(Kinds.PLUGIN, "p", "name: graph-data-science\ndependencies:\n"
                + "  - {versionConstraint: \">=1\"}\n  - {name: Graph-Data-Science}\n  - {name: apoc}\n"
                + "  - {name: APOC, versionConstraint: \">=banana\"}")))).containsExactly(
                "plugin.dependency-invalid", "plugin.dependency-invalid", "plugin.dependency-invalid",
                "plugin.dependency-invalid");
    }
}
