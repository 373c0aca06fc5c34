package io.neo4jguard.core.rules.access;

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

class PrivilegeCheckTest {
    private final PrivilegeCheck check = new PrivilegeCheck();

    @ParameterizedTest(name = "{0} -> valid={1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            // accepted: one GRANT/DENY with an ON clause, ending TO exactly analytics_reader
            "GRANT ACCESS ON DATABASE analytics TO analytics_reader                  => true",
            "GRANT MATCH {*} ON GRAPH analytics NODES * TO analytics_reader          => true",
            "DENY WRITE ON GRAPH analytics TO analytics_reader                      => true",
            "grant access on database * to analytics_reader                          => true",
            "GRANT IMMUTABLE TRAVERSE ON GRAPH * TO analytics_reader                 => true",
            "GRANT ROLE MANAGEMENT ON DBMS TO analytics_reader                       => true",
            "GRANT READ {to, on} ON GRAPH g TO analytics_reader                      => true",
            "GRANT ACCESS ON DATABASE `my-db` TO `analytics_reader`                  => true",
            "GRANT READ {name} ON GRAPH g NODES Person WHERE p.team = 'TO x; y' TO analytics_reader => true",
            "GRANT EXECUTE PROCEDURE apoc.* ON DBMS TO analytics_reader              => true",
            // statement smuggling
            "GRANT ACCESS ON DATABASE * TO analytics_reader; GRANT ROLE admin TO bob => false",
            "GRANT ACCESS ON DATABASE * TO analytics_reader;                         => false",
            "GRANT ACCESS ON DATABASE * TO analytics_reader // comment               => false",
            "GRANT ACCESS ON DATABASE * /* x */ TO analytics_reader                  => false",
            // role assignment, not a privilege
            "GRANT ROLE admin TO analytics_reader                                    => false",
            "GRANT ROLES admin, reader TO analytics_reader                           => false",
            // the grantee must be exactly this role
            "GRANT ACCESS ON DATABASE * TO ANALYTICS_READER                          => false",
            "GRANT ACCESS ON DATABASE * TO other_role                                => false",
            "GRANT ACCESS ON DATABASE * TO analytics_reader, admin                   => false",
            "GRANT ACCESS ON DATABASE * TO $role                                     => false",
            "GRANT ACCESS ON DATABASE * TO analytics_reader extra                    => false",
            "GRANT ACCESS ON DATABASE * TO                                           => false",
            // shape
            "REVOKE ACCESS ON DATABASE * FROM analytics_reader                       => false",
            "ACCESS ON DATABASE * TO analytics_reader                                => false",
            "GRANT ON DATABASE * TO analytics_reader                                 => false",
            "GRANT ACCESS TO analytics_reader ON DATABASE *                          => false",
            "GRANT ACCESS ON DATABASE * TO 'analytics_reader                         => false",
            "\" \"                                                                   => false",
    })
    void privilegeShape(String privilege, boolean valid) {
        assertThat(PrivilegeCheck.problem(privilege.strip(), "analytics_reader")).as(privilege)
                .matches(p -> p.isEmpty() == valid, valid ? "accepted" : "refused");
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThat(PrivilegeCheck.problem("GRANT ROLE admin TO r", "r").orElseThrow().detail())
                .contains("role assignment");
        assertThat(PrivilegeCheck.problem("GRANT ACCESS ON DATABASE * TO R", "r").orElseThrow().detail())
                .contains("case-sensitive");
        assertThat(PrivilegeCheck.problem("GRANT ACCESS ON DATABASE * TO r;", "r").orElseThrow().hint())
                .contains("trailing");
    }

    @Test
    void roleNameFallsBackToMetadataName() {
        var role = object(Kinds.ROLE, "auditor", "clusterRef: graph\nprivileges:\n"
                + "  - \"GRANT ACCESS ON DATABASE * TO auditor\"\n  - \"GRANT ACCESS ON DATABASE * TO other\"");
        List<Finding> f = run(check, role);
        assertThat(f).extracting(Finding::field).containsExactly("spec.privileges[1]");
        assertThat(ids(f)).containsExactly("role.privilege-invalid");
    }

    @Test
    void everyEntryIsChecked() {
        var role = object(Kinds.ROLE, "r", "name: r\nprivileges: [\"\", \"GRANT ROLE admin TO r\", 42, "
                + "\"GRANT ACCESS ON DATABASE * TO r\"]");
        assertThat(run(check, role)).extracting(Finding::field)
                .containsExactly("spec.privileges[0]", "spec.privileges[1]");
    }
}
