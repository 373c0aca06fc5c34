package io.neo4jguard.core.rules.database;

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

class SeedUriCheckTest {
    private final SeedUriCheck check = new SeedUriCheck();

    private List<String> findings(String spec) {
        return ids(run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales\n" + spec)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "s3://bucket/path/db.backup                        | database.seed-ambient-credentials",
            "gs://bucket/db.backup                             | database.seed-ambient-credentials",
            "azb://acct.blob.core.windows.net/c/db.backup      | database.seed-ambient-credentials",
            "s3://my_bucket/db.backup                          | database.seed-ambient-credentials",
            "https://backups.example.com/neo4j/db.backup       | -",
            "HTTPS://backups.example.com/db.backup             | -",
            "http://backups.example.com/db.backup              | database.seed-uri-plaintext",
            "ftp://ftp.example.com/db.backup                   | database.seed-uri-plaintext",
            "file:///backups/db.backup                         | database.seed-uri-invalid",
            "s3:/bucket/db.backup                              | database.seed-uri-invalid",
            "s3://bucket                                       | database.seed-uri-invalid",
            "s3://bucket/                                      | database.seed-uri-invalid",
            "s3:///db.backup                                   | database.seed-uri-invalid",
            "bucket/db.backup                                  | database.seed-uri-invalid",
            "s3://bucket/a b.backup                            | database.seed-uri-invalid",
    })
    void uriShape(String uri, String expected) {
        assertThat(findings("seedURI: \"" + uri + "\""))
                .containsExactlyElementsOf(expected == null ? List.of() : Arrays.asList(expected.split(",")));
    }

    @Test
    void credentialsSilenceTheAmbientWarning() {
        assertThat(findings("seedURI: s3://b/db.backup\nseedCredentials: {secretRef: s3-creds}")).isEmpty();
        assertThat(findings("seedURI: s3://b/db.backup\nseedCredentials: {secretRef: \"\"}"))
                .containsExactly("database.seed-ambient-credentials");
    }

    @Test
    void settingsWithoutSeedUriAreIgnoredButReported() {
        assertThat(findings("seedConfig: {restoreUntil: \"txId:5\"}\nseedCredentials: {secretRef: c}"))
                .containsExactly("database.seed-settings-ignored", "database.seed-settings-ignored");
        assertThat(findings("seedConfig: {}")).isEmpty();
        assertThat(findings("")).isEmpty();
    }

    @Test
    void seedAndInitialDataConflict() {
        assertThat(findings("seedURI: https://h/db.backup\ninitialData: {source: cypher}"))
                .containsExactly("database.seed-initial-data-conflict");
        // Even with a broken URI both problems are reported (no stop after the first).
        assertThat(findings("seedURI: nope\ninitialData: {source: cypher}"))
                .containsExactlyInAnyOrder("database.seed-uri-invalid", "database.seed-initial-data-conflict");
    }

    @Test
    void dumpWithRestoreUntilWarns() {
        assertThat(findings("seedURI: https://h/db.dump\nseedConfig: {restoreUntil: \"txId:5\"}"))
                .containsExactly("database.seed-dump-restore-until");
        assertThat(findings("seedURI: https://h/db.dump")).isEmpty();
        assertThat(findings("seedURI: https://h/db.backup\nseedConfig: {restoreUntil: \"txId:5\"}")).isEmpty();
    }

    @Test
    void passwordsInUrisAreNotEchoed() {
        Finding f = run(check, object(Kinds.DATABASE, "db", "seedURI: \"http://user:s3cret@h/db.backup\"")).get(0);
        assertThat(f.rule()).isEqualTo("database.seed-uri-plaintext");
        assertThat(f.message()).doesNotContain("s3cret").contains("<redacted>");
    }
}
