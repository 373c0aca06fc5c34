package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class RoleChecksTest {
    private final RoleNameCheck check = new RoleNameCheck();

    @ParameterizedTest(name = "{0}/{1} adopt={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "analytics-reader | analytics_reader | false | -",
            "analytics-reader | \"\"             | false | role.name-invalid",
            "auditor          | \"\"             | false | -",
            "x                | Analytics2       | false | -",
            "x                | 2analytics       | false | role.name-invalid",
            // built-ins are case-sensitive: 'Admin' is another role
            "x                | admin            | false | role.builtin-not-adopted",
            "x                | admin            | true  | -",
            "x                | PUBLIC           | false | role.builtin-not-adopted",
            "x                | Admin            | false | -",
            "editor           | \"\"             | false | role.builtin-not-adopted",
    })
    void names(String metadataName, String name, boolean adopt, String expected) {
        var role = object(Kinds.ROLE, metadataName, "clusterRef: g\nname: " + name + "\nadoptBuiltin: " + adopt);
        assertThat(ids(run(check, role))).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void hyphenatedMetadataNameSuggestsSpecName() {
        Finding f = run(check, object(Kinds.ROLE, "analytics-reader", "clusterRef: g")).get(0);
        assertThat(f.field()).isEqualTo("metadata.name");
        assertThat(f.hint()).contains("analytics_reader");
    }

    @ParameterizedTest(name = "copyOf {0} adopt={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "reader           | false | -",
            "analytics_reader | false | role.copy-of-invalid",
            "bad-name         | false | role.copy-of-invalid",
            "reader           | true  | role.copy-of-ignored",
    })
    void copyOf(String copyOf, boolean adopt, String expected) {
        var role = object(Kinds.ROLE, "r", "name: " + (adopt ? "editor" : "analytics_reader") + "\ncopyOf: " + copyOf
                + "\nadoptBuiltin: " + adopt);
        assertThat(ids(run(check, role))).containsExactlyElementsOf(expected == null ? List.of()
                : Arrays.asList(expected.split(",")));
    }
}
