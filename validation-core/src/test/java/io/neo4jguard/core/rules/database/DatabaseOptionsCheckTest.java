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

class DatabaseOptionsCheckTest {
    private final DatabaseOptionsCheck check = new DatabaseOptionsCheck();

    private List<String> findings(String options) {
        return ids(run(check, object(Kinds.DATABASE, "db", "name: sales\noptions: " + options)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // txLogEnrichment: FULL (refused by the reference), DIFF, OFF
            "{txLogEnrichment: FULL}        | -",
            "{txLogEnrichment: DIFF}        | -",
            "{txLogEnrichment: \"off\"}     | -",
            "{txLogEnrichment: NONE}        | database.option-value-invalid",
            // storeFormat, incl. aligned; deprecated formats warn
            "{storeFormat: block}           | -",
            "{storeFormat: aligned}         | -",
            "{storeFormat: standard}        | database.option-deprecated",
            "{storeFormat: high_limit}      | database.option-deprecated",
            "{storeFormat: BLOCK}           | database.option-value-invalid",
            "{storeFormat: record}          | database.option-value-invalid",
            // existingData
            "{existingData: use}            | -",
            "{existingData: fail}           | database.option-value-invalid",
            // keys: case-insensitive, quotes stripped, anything else unknown
            "{\"\\\"storeformat\\\"\": block} | -",
            "{db.format: block}             | database.option-unknown",
            "{seedRestoreUntil: \"txId:5\"} | database.option-unknown",
            "{existingDataSeedServer: abc}  | -",
            "{existingDataSeedInstance: abc} | database.option-deprecated",
            "{seedURI: \"s3://b/x\"}        | database.option-deprecated",
            "{seedCredentials: \"a;b\"}     | database.option-deprecated",
            // empty values
            "{storeFormat: \"\"}            | database.option-value-invalid",
            "{txLogEnrichment: ~}           | database.option-value-invalid",
    })
    void optionKeysAndValues(String options, String expected) {
        assertThat(findings(options)).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void credentialsInOptionsAreNotEchoed() {
        Finding f = run(check, object(Kinds.DATABASE, "db", "options: {seedCredentials: \"AKIA;topsecret\"}")).get(0);
        assertThat(f.message()).doesNotContain("topsecret");
    }

    @Test
    void everyOptionIsChecked() {
        assertThat(findings("{txLogEnrichment: NONE, storeFormat: record, foo: bar}")).containsExactly(
                "database.option-value-invalid", "database.option-value-invalid", "database.option-unknown");
    }
}
