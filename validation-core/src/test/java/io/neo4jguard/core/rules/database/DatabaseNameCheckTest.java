package io.neo4jguard.core.rules.database;

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

class DatabaseNameCheckTest {
    private final DatabaseNameCheck check = new DatabaseNameCheck();

    private List<String> findings(String name) {
        return ids(run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: \"" + name + "\"")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // length: 3..63 (Neo4j), both sides
            "ab        | database.name-invalid",
            "abc       | -",
            "a23456789012345678901234567890123456789012345678901234567890123 | -",
            "a234567890123456789012345678901234567890123456789012345678901234 | database.name-invalid",
            // grammar
            "tenant_a_prod | database.name-invalid",
            "tenant-a-prod | -",
            "Sales2025     | -",
            "1sales        | database.name-invalid",
            "-sales        | database.name-invalid",
            "sales-        | database.name-invalid",
            "sales db      | database.name-invalid",
            "sälj          | database.name-invalid",
            "sales`x       | database.name-invalid",
            // reserved prefix, any case
            "system        | database.name-reserved",
            "SYSTEM        | database.name-reserved",
            "systems-inventory | database.name-reserved",
            "my-system     | -",
            "syste         | -",
    })
    void nameGrammar(String name, String expected) {
        List<String> found = findings(name);
        if (expected == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(expected);
        }
    }

    @Test
    void defaultDatabaseAndDotsAreWarnings() {
        assertThat(findings("neo4j")).containsExactly("database.name-default-database");
        assertThat(findings("NEO4J")).containsExactly("database.name-default-database");
        assertThat(findings("neo4j2")).isEmpty();
        assertThat(findings("sales.eu")).containsExactly("database.name-contains-dot");
        assertThat(findings("sales.")).containsExactlyInAnyOrder("database.name-invalid", "database.name-contains-dot");
    }

    @Test
    void underscoreMessageSuggestsTheDashForm() {
        Finding f = run(check, object(Kinds.DATABASE, "db", "name: tenant_a_prod")).get(0);
        assertThat(f.field()).isEqualTo("spec.name");
        assertThat(f.message()).startsWith("Invalid value: \"tenant_a_prod\"").contains("tenant-a-prod");
    }

    @Test
    void missingOrBlankNameIsRequired() {
        assertThat(ids(run(check, object(Kinds.DATABASE, "db", "clusterRef: graph"))))
                .containsExactly("database.name-invalid");
        assertThat(run(check, object(Kinds.DATABASE, "db", "name: \" \"")).get(0).message())
                .startsWith("Required value");
        // A number is the schema's business, not a second finding here.
        assertThat(run(check, object(Kinds.DATABASE, "db", "name: 12345"))).isEmpty();
    }

    @Test
    void reservedAndInvalidAreBothReported() {
        assertThat(findings("system_x")).containsExactlyInAnyOrder("database.name-invalid", "database.name-reserved");
    }
}
