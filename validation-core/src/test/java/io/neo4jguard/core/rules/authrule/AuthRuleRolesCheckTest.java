package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRuleRolesCheckTest {
    private static List<Finding> check(String spec) {
        return CheckRun.run(new AuthRuleRolesCheck(), AuthRules.rule(spec));
    }

    @Test
    void oneValidRolePasses() {
        assertThat(check("grantedRoles: [analytics_reader]")).isEmpty();
    }

    @ParameterizedTest(name = "valid role {0}")
    @ValueSource(strings = {"r", "reader", "Analytics_Reader_2", "PUBLIC", "a_"})
    void validRoleNames(String role) {
        assertThat(check("grantedRoles: [\"" + role + "\"]")).isEmpty();
    }

    @ParameterizedTest(name = "invalid role [{0}]")
    @ValueSource(strings = {"analytics-reader", "1reader", "_reader", "reader.x", "read er", "lecteur-é", "rôle",
            "reader;", "`admin`"})
    void invalidRoleNames(String role) {
        List<Finding> fs = check("grantedRoles: [\"" + role + "\"]");
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("authrule.granted-role-invalid");
            assertThat(f.field()).isEqualTo("spec.grantedRoles[0]");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void hyphenHintPointsAtTheRolesSpecName() {
        assertThat(check("grantedRoles: [analytics-reader]").get(0).hint()).contains("analytics_reader");
    }

    @Test
    void missingOrEmptyListIsRequired() {
        assertThat(check("clusterRef: x")).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("authrule.granted-roles-required"));
        assertThat(check("grantedRoles: []")).singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo("spec.grantedRoles"));
    }

    @Test
    void blankAndNullEntriesAreInvalidWithTheirIndex() {
        List<Finding> fs = check("grantedRoles: [reader, \"\", \"  \", ~]");
        assertThat(fs).extracting(Finding::field)
                .containsExactly("spec.grantedRoles[1]", "spec.grantedRoles[2]", "spec.grantedRoles[3]");
        assertThat(fs).allSatisfy(f -> assertThat(f.message()).startsWith("Required value: "));
    }

    @Test
    void nonStringEntryIsInvalid() {
        assertThat(check("grantedRoles: [{a: 1}]")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not a string"));
    }

    @Test
    void duplicatesAreWarnedOncePerRepeat() {
        List<Finding> fs = check("grantedRoles: [reader, editor, reader, reader, Reader]");
        assertThat(fs).extracting(Finding::field).containsExactly("spec.grantedRoles[2]", "spec.grantedRoles[3]");
        assertThat(fs).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("authrule.granted-role-duplicate");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("Duplicate value: \"reader\"");
        });
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<Finding> fs = check("grantedRoles: [bad-one, \"\", ok, ok, 9lives]");
        assertThat(fs).extracting(Finding::rule).containsExactly("authrule.granted-role-invalid",
                "authrule.granted-role-invalid", "authrule.granted-role-duplicate", "authrule.granted-role-invalid");
    }

    @Test
    void wrongTypeIsLeftToTheSchemaCheck() {
        assertThat(check("grantedRoles: reader")).isEmpty();
    }
}
