package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRuleConditionCheckTest {
    private static List<Finding> check(String condition) {
        return CheckRun.run(new AuthRuleConditionCheck(), AuthRules.withCondition(condition));
    }

    private static List<Finding> checkSpec(String spec) {
        return CheckRun.run(new AuthRuleConditionCheck(), AuthRules.rule(spec));
    }

    @Test
    void missingConditionIsRequired() {
        assertThat(checkSpec("grantedRoles: [reader]")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.condition-required");
            assertThat(f.field()).isEqualTo("spec.condition");
            assertThat(f.message()).startsWith("Required value: ");
        });
    }

    @ParameterizedTest(name = "blank [{0}]")
    @ValueSource(strings = {"", " ", "\n\t", "\u00A0\u2028"})
    void blankConditionIsRequired(String blank) {
        assertThat(check(blank)).extracting(Finding::rule).containsExactly("authrule.condition-required");
    }

    @Test
    void theOperatorsExamplesPass() {
        assertThat(checkSpec("condition: abac.oidc.user_attribute('department') = 'analytics'")).isEmpty();
        assertThat(checkSpec("""
                condition: |
                  abac.oidc.user_attribute('region') = 'EMEA'
                    AND time.transaction('UTC').hour >= 6
                    AND time.transaction('UTC').hour < 18
                """)).isEmpty();
    }

    @Test
    void yamlBooleanConditionIsReadAsItsText() {
        // condition: true is typed boolean by YAML; the schema check reports the type, the guard reads "true".
        assertThat(checkSpec("condition: true")).isEmpty();
        assertThat(checkSpec("condition: [a]")).isEmpty();
    }

    @Test
    void findingsNameTokenColumnAndWhy() {
        List<Finding> fs = check("true SET ENABLED true //");
        assertThat(fs).hasSize(2).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("authrule.condition-invalid");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.field()).isEqualTo("spec.condition");
            assertThat(f.hint()).isNotBlank();
        });
        assertThat(fs.get(0).message()).startsWith("Invalid value: \"SET\": at column 6: clause keyword SET")
                .endsWith("(1 more like it)");
        assertThat(fs.get(1).message()).startsWith("Invalid value: \"//\": at column 23: a // comment")
                .contains("SET ENABLED");
    }

    @Test
    void multiLineConditionsNameTheLine() {
        List<Finding> fs = checkSpec("""
                condition: |
                  abac.oidc.user_attribute('department') = 'engineering'
                  AND abac.oidc.user_attribute('location') = 'UK' // TODO
                """);
        assertThat(fs).singleElement().satisfies(f -> assertThat(f.message()).contains("at line 2, column 49"));
    }

    @Test
    void invisibleCharactersAreShownAsCodePoints() {
        assertThat(check("a\u200B = 1").get(0).message()).startsWith("Invalid value: \"U+200B\": at column 2");
    }

    @Test
    void aKeywordRepeatedTenTimesIsOneFinding() {
        assertThat(check("x = 1 " + "SET x.a = 1 ".repeat(10))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(9 more like it)"));
    }

    // --- functions ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "allowed: {0}")
    @ValueSource(strings = {
            "toLower(abac.oidc.user_attribute('d')) = 's'",
            "ToUpper(abac.oidc.user_attribute('d')) = 'S'",
            "DATE.TRANSACTION('UTC') > date('2026-03-01')",
            "datetime({year: 2026}) < datetime.transaction()",
            "duration.inDays(date('2026-01-01'), date.transaction('UTC')).days < 90",
            "localtime.transaction('Europe/Stockholm') > localtime('08:00')",
            "none(x IN abac.oidc.user_attribute('flags') WHERE x = 'blocked')",
            "isEmpty(abac.native.user_tags()) = false",
            "abac.oidc.user_attribute(toLower('DEPT')) = 'x'",
            "abac.oidc.user_attribute('a' + 'b') = 'x'",
            "char_length(abac.oidc.user_attribute('n')) > 3 AND nullIf(abac.oidc.user_attribute('n'), '') IS NOT NULL",
    })
    void allowListedFunctionsPass(String condition) {
        assertThat(check(condition)).as(condition).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "apoc.text.join(['a'], '') = 'a'                       | apoc.text.join is not allowed",
            "dbms.components() IS NULL                             | dbms.components is not allowed",
            "randomUUID() = 'x'                                    | randomUUID is not allowed",
            "timestamp() > 0                                       | timestamp is not allowed",
            "date.statement() > date('2026-01-01')                 | date.statement is not allowed",
            "datetime.realtime() > datetime('2026-01-01')          | datetime.realtime is not allowed",
            "date() > date('2026-01-01')                           | date() reads the current time",
            "time() > time('08:00')                                | time() reads the current time",
            "localdatetime({timezone: 'UTC'}) > localdatetime('2026-01-01T00:00') | localdatetime({timezone: ...}) reads the current time",
            "abac.oidc.user_attribute() = 'x'                      | takes exactly one argument, the claim key, not 0",
            "abac.oidc.user_attribute('a', 'b') = 'x'              | not 2",
            "abac.oidc.user_attribute(['a', 'b']) = 'x'            | not a list (one key per call)",
            "abac.oidc.user_attribute(true) = 'x'                  | not a boolean",
            "abac.oidc.user_attribute(null) = 'x'                  | not a null",
            "abac.oidc.user_attribute({k: 1}) = 'x'                | not a map",
            "abac.oidc.user_attribute(-1) = 'x'                    | not a number",
            "'a' IN abac.native.user_tags('x')                      | takes no arguments, not 1",
    })
    void functionsNeo4jRefuses(String condition, String why) {
        List<Finding> fs = check(condition.strip());
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.condition-function-not-allowed");
            assertThat(f.message()).contains(why.strip()).containsPattern("at column \\d+: ");
            assertThat(f.hint()).isNotBlank();
        });
    }

    @Test
    void misspeltFunctionGetsADidYouMean() {
        assertThat(check("abac.oidc.user_atribute('d') = 'x'").get(0).hint())
                .isEqualTo("did you mean abac.oidc.user_attribute?");
        assertThat(check("tolowr('X') = 'x'").get(0).hint()).isEqualTo("did you mean toLower?");
        assertThat(check("frobnicate('X') = 'x'").get(0).hint()).contains("rationale");
    }

    @Test
    void sameRefusedFunctionTwiceIsOneFinding() {
        assertThat(check("foo(1) = 1 AND FOO(2) = 2 AND bar() = 3")).extracting(Finding::message)
                .hasSize(2).anySatisfy(m -> assertThat(m).contains("foo"))
                .anySatisfy(m -> assertThat(m).contains("bar"));
    }

    @Test
    void aLookalikeFunctionNameIsBlamedOnceByTheGuard() {
        assertThat(check("ａｂａｃ.oidc.user_attribute('a') = 'b'")).extracting(Finding::rule)
                .containsExactly("authrule.condition-invalid");
    }

    @Test
    void functionsAreCheckedEvenWhenTheGuardFindsSomethingElse() {
        assertThat(check("foo(1) = 1 //")).extracting(Finding::rule)
                .containsExactlyInAnyOrder("authrule.condition-invalid", "authrule.condition-function-not-allowed");
    }

    // --- unbound variables -------------------------------------------------------------------------

    @Test
    void unboundVariablesAreOneWarning() {
        List<Finding> fs = check("department = 'sales' AND region = 'EMEA' AND department <> 'x'");
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.condition-unbound-variable");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("variables department, region not defined", "column 1");
            assertThat(f.hint()).contains("abac.oidc.user_attribute('department')");
        });
    }

    @Test
    void boundVariablesAreNotWarned() {
        assertThat(check("any(g IN abac.oidc.user_attribute('groups') WHERE g = 'ops')")).isEmpty();
    }

    @Test
    void noUnboundWarningOnTopOfErrors() {
        assertThat(check("department = 'x' //")).extracting(Finding::rule)
                .containsExactly("authrule.condition-invalid");
    }

    @Test
    void rulesAreDeclaredWithDistinctIds() {
        AuthRuleConditionCheck c = new AuthRuleConditionCheck();
        assertThat(c.rules()).extracting(r -> r.id()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("authrule.condition-"));
        assertThat(c.rules()).allSatisfy(r -> {
            assertThat(r.rationale()).hasSizeGreaterThan(100);
            assertThat(r.remediation()).isNotBlank();
            assertThat(r.example()).contains("condition");
        });
    }
}
