package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginSecurityCheckTest {
    private final PluginSecurityCheck check = new PluginSecurityCheck();

    private List<Finding> findings(String security) {
        return run(check, object(Kinds.PLUGIN, "p", "name: x\nsecurity: " + security));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "strict     | -",
            "moderate   | -",
            "permissive | -",
            "restricted | plugin.security-policy-invalid",
            "Strict     | plugin.security-policy-invalid",
            "none       | plugin.security-policy-invalid",
    })
    void policy(String policy, String expected) {
        assertThat(ids(findings("{securityPolicy: " + policy + "}")))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void restrictedPointsToStrict() {
        assertThat(findings("{securityPolicy: restricted}").get(0).hint()).contains("strict");
        assertThat(findings("{securityPolicy: Strict}").get(0).hint()).contains("lower case");
    }

    @Test
    void procedureEntries() {
        assertThat(findings("{allowedProcedures: [\"apoc.load.*\", \"gds.*\", \"apoc.?x\"], "
                + "deniedProcedures: [\"apoc.cypher.*\"]}")).isEmpty();
        assertThat(ids(findings("{allowedProcedures: [\"apoc.*,dbms.*\", \"apoc load\", \"\", \"x\\ny\"]}")))
                .containsExactly("plugin.procedure-invalid", "plugin.procedure-invalid", "plugin.procedure-invalid",
                        "plugin.procedure-invalid");
        List<Finding> conflict = findings("{allowedProcedures: [\"gds.*\", \"apoc.load.*\"], "
                + "deniedProcedures: [\"apoc.load.*\"]}");
        assertThat(conflict).extracting(Finding::field).containsExactly("spec.security.allowedProcedures[1]");
        assertThat(conflict.get(0).message()).contains("spec.security.deniedProcedures[0]");
    }
}
