package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRuleNameCheckTest {
    private static List<Finding> check(Resource r) {
        return CheckRun.run(new AuthRuleNameCheck(), r);
    }

    private static Resource named(String specName, String metaName) {
        return Manifests.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jAuthRule
                metadata:
                  name: "%s"
                spec:
                  name: "%s"
                """.formatted(metaName, specName)).get(0);
    }

    @ParameterizedTest(name = "valid: {0}")
    @ValueSource(strings = {"a", "analytics_team", "emea-business-hours", "Rule1", "x_-_y", "R"})
    void validNames(String name) {
        assertThat(check(named(name, "whatever"))).isEmpty();
    }

    @ParameterizedTest(name = "invalid: [{0}]")
    @ValueSource(strings = {"1rule", "_rule", "-rule", "rule.name", "rule name", "règle", "rule;drop", "rule`x",
            " rule", "ＲＵＬＥ"})
    void invalidNames(String name) {
        List<Finding> fs = check(named(name, "ok"));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.name-invalid");
            assertThat(f.field()).isEqualTo("spec.name");
            assertThat(f.message()).startsWith("Invalid value: ");
        });
    }

    @Test
    void lengthBoundaryIs65() {
        assertThat(check(named("a".repeat(65), "x"))).isEmpty();
        assertThat(check(named("a".repeat(66), "x"))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.name-too-long");
            assertThat(f.message()).contains("65");
        });
    }

    @Test
    void lengthIsCheckedOnlyWhenTheGrammarPasses() {
        assertThat(check(named("1" + "a".repeat(70), "x"))).extracting(Finding::rule)
                .containsExactly("authrule.name-invalid");
    }

    @Test
    void emptySpecNameFallsBackToMetadataName() {
        assertThat(check(named("", "analytics-team"))).isEmpty();
        List<Finding> fs = check(named("", "analytics.team"));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("metadata.name");
            assertThat(f.message()).contains("metadata.name is used");
            assertThat(f.hint()).contains("spec.name");
        });
    }

    @Test
    void specNameWinsOverAnInvalidMetadataName() {
        assertThat(check(named("analytics_team", "analytics.team"))).isEmpty();
    }

    @Test
    void noNameAtAllIsRequired() {
        Resource r = Manifests.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jAuthRule
                spec:
                  condition: "true"
                """).get(0);
        assertThat(check(r)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.name-required");
            assertThat(f.message()).startsWith("Required value: ");
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1team, rule_1team", "a.b, a_b", "with space, with_space"})
    void hintSuggestsAValidName(String bad, String suggestion) {
        assertThat(AuthRuleNameCheck.suggestion(bad)).isEqualTo(suggestion);
        assertThat(AuthRuleNameCheck.NAME.matcher(suggestion).matches()).isTrue();
    }

    @Test
    void numericSpecNameIsCheckedAsText() {
        Resource r = AuthRules.rule("name: 123\n");
        assertThat(check(r)).extracting(Finding::rule).containsExactly("authrule.name-invalid");
    }
}
