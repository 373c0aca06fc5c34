package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.database.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

class SeedCredentialsCheckTest {
    private final SeedCredentialsCheck check = new SeedCredentialsCheck();

    private List<Finding> findings(String uri, Resolver r) {
        return run(check, object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales\nseedURI: " + uri
                + "\nseedCredentials: {secretRef: creds}"), r);
    }

    @Test
    void secretRefIsRequiredInTheBlock() {
        var db = object(Kinds.DATABASE, "db", "name: sales\nseedCredentials: {}");
        assertThat(ids(run(check, db))).containsExactly("database.seed-credentials-invalid");
    }

    @Test
    void missingSecretIsNeverAnError() {
        assertThat(findings("s3://b/x.backup", Resolvers.of(false))).isEmpty();
        assertThat(ids(findings("s3://b/x.backup", Resolvers.of(true)))).containsExactly("database.seed-credentials-pending");
        assertThat(findings("s3://b/x.backup", Resolver.NONE)).isEmpty();
    }

    @Test
    void s3NeedsBothKeys() {
        var complete = secret("creds", Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "x"));
        assertThat(findings("s3://b/x.backup", Resolvers.of(true, complete))).isEmpty();
        var partial = secret("creds", Map.of("AWS_ACCESS_KEY_ID", "AKIA"));
        List<Finding> f = findings("s3://b/x.backup", Resolvers.of(true, partial));
        assertThat(ids(f)).containsExactly("database.seed-credentials-invalid");
        assertThat(f.get(0).message()).contains("AWS_SECRET_ACCESS_KEY").doesNotContain("AKIA");
        var empty = secret("creds", Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "x"));
        assertThat(findings("s3://b/x.backup", Resolvers.of(true, empty)).get(0).message()).contains("<redacted>");
    }

    @Test
    void gsAndAzureKeys() {
        assertThat(findings("gs://b/x.backup", Resolvers.of(true, secret("creds", Map.of("GOOGLE_APPLICATION_CREDENTIALS",
                "{}"))))).isEmpty();
        assertThat(ids(findings("gs://b/x.backup", Resolvers.of(true, secret("creds", Map.of("X", "y"))))))
                .containsExactly("database.seed-credentials-invalid");
        var sas = secret("creds", Map.of("AZURE_STORAGE_ACCOUNT", "acct", "AZURE_STORAGE_SAS_TOKEN", "sv=..."));
        assertThat(findings("azb://acct/c/x.backup", Resolvers.of(true, sas))).isEmpty();
        var accountOnly = secret("creds", Map.of("AZURE_STORAGE_ACCOUNT", "acct"));
        assertThat(ids(findings("azb://acct/c/x.backup", Resolvers.of(true, accountOnly))))
                .containsExactly("database.seed-credentials-invalid");
        var emptyKey = secret("creds", Map.of("AZURE_STORAGE_ACCOUNT", "acct", "AZURE_STORAGE_KEY", ""));
        assertThat(ids(findings("azb://acct/c/x.backup", Resolvers.of(true, emptyKey))))
                .containsExactly("database.seed-credentials-invalid");
    }

    @Test
    void httpNeedsNoKeysAndBase64DataCounts() {
        assertThat(findings("https://h/x.backup", Resolvers.of(true, secret("creds", Map.of())))).isEmpty();
        var encoded = Manifests.one("""
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: default}
                data: {AWS_ACCESS_KEY_ID: QUtJQQ==, AWS_SECRET_ACCESS_KEY: ""}
                """);
        assertThat(ids(findings("s3://b/x.backup", Resolvers.of(true, encoded))))
                .containsExactly("database.seed-credentials-invalid");
    }
}
