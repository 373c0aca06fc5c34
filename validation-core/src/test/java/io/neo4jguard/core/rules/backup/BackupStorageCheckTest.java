package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.errorIds;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.objects;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BackupStorageCheckTest {
    private final BackupStorageCheck check = new BackupStorageCheck();

    /** A Neo4jBackup whose spec.storage is the given YAML (indented by the caller at 4 spaces). */
    private static String backup(String storage) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata:
                  name: nightly
                spec:
                  instanceRef: graph
                  allDatabases: true
                  storage:
                """ + storage.indent(4);
    }

    private static final String S3_OK = """
            type: s3
            bucket: neo4j-backups
            path: prod/daily
            cloud:
              provider: aws
              credentialsSecretRef: s3-credentials
            """;

    @Test
    void aCompleteS3StorageHasNoFindings() {
        assertThat(run(check, backup(S3_OK))).isEmpty();
    }

    /**
     * The choice behind backup-storage.provider-missing, and why examples/end-to-end/complete-deployment.yaml and
     * disaster-recovery.yaml stay rejected: the provider could be inferred (s3 pairs only with aws), but the
     * operator does not infer it. It builds the URI from storage.type and the credential variables from
     * cloud.provider, so with no provider the credentialsSecretRef reaches nobody, and its BackupValidator
     * marks the backup Invalid before any Job exists. Admitting the object would create a backup that never
     * runs. So this is an error, and since the value is unambiguous the finding carries a fix that adds it.
     */
    @Test
    void s3WithoutProviderIsAnErrorWithAFixBecauseTheOperatorDoesNotInferIt() {
        List<Finding> f = run(check, backup("""
                type: s3
                bucket: neo4j-backups
                cloud:
                  credentialsSecretRef: s3-credentials
                """));
        assertThat(ids(f)).containsExactly("backup-storage.provider-missing");
        Finding finding = f.get(0);
        assertThat(finding.field()).isEqualTo("spec.storage.cloud.provider");
        assertThat(finding.message()).startsWith("Required value: storage type s3 needs cloud.provider: aws");
        assertThat(finding.fix()).containsExactly(PatchOperation.add("/spec/storage/cloud/provider",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("aws")));
    }

    @Test
    void theFixAddsTheWholeCloudBlockWhenThereIsNone() {
        Finding f = run(check, backup("type: gcs\nbucket: b\n")).stream()
                .filter(x -> x.rule().equals("backup-storage.provider-missing")).findFirst().orElseThrow();
        assertThat(f.fix()).hasSize(1);
        assertThat(f.fix().get(0).path()).isEqualTo("/spec/storage/cloud");
        assertThat(f.fix().get(0).value().toString()).isEqualTo("{\"provider\":\"gcp\"}");
    }

    @ParameterizedTest(name = "[{index}] type {0}, provider {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "s3    | aws    | ''",
            "gcs   | gcp    | ''",
            "azure | azure  | ''",
            "s3    | gcp    | backup-storage.provider-mismatch",
            "gcs   | aws    | backup-storage.provider-mismatch",
            "azure | gcp    | backup-storage.provider-mismatch",
            "s3    | custom | backup-storage.provider-mismatch",
            "s3    | AWS    | backup-storage.provider-mismatch",
    })
    void providerMustPairWithType(String type, String provider, String expected) {
        List<Finding> f = run(check, backup("""
                type: %s
                bucket: b
                cloud:
                  provider: %s
                  credentialsSecretRef: creds
                """.formatted(type, provider)));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] type {0} -> hint {1}")
    @CsvSource(delimiter = '|', value = {
            "S3    | lower case",
            "minio | MinIO is type s3",
            "gs    | type gcs",
            "nfs   | use s3, gcs, azure or pvc",
    })
    void unknownTypesAreRefusedWithAHint(String type, String hint) {
        List<Finding> f = run(check, backup("type: " + type + "\nbucket: b\n"));
        assertThat(ids(f)).containsExactly("backup-storage.type");
        assertThat(f.get(0).hint()).contains(hint);
    }

    @Test
    void missingStorageAndMissingTypeAreRequired() {
        assertThat(ids(run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec: {instanceRef: graph, allDatabases: true}
                """))).containsExactly("backup-storage.type");
        assertThat(run(check, backup("bucket: b\n")).get(0).message()).startsWith("Required value");
    }

    @Test
    void cloudStorageNeedsABucket() {
        List<Finding> f = run(check, backup("type: azure\ncloud: {provider: azure, credentialsSecretRef: c}\n"));
        assertThat(ids(f)).containsExactly("backup-storage.bucket-required");
        assertThat(f.get(0).message()).contains("container");
    }

    @ParameterizedTest(name = "[{index}] bucket ''{0}'' path ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "neo4j-backups  | prod/daily_1.x  | 0",
            "neo4j backups  | prod            | 1",
            "b              | prod;rm -rf /   | 1",
            "b              | $(curl evil)    | 1",
            "b`id`          | a'b             | 2",
    })
    void bucketAndPathMustBeShellSafe(String bucket, String path, int findings) {
        List<Finding> f = run(check, backup("""
                type: s3
                bucket: "%s"
                path: "%s"
                cloud: {provider: aws, credentialsSecretRef: c}
                """.formatted(bucket, path)));
        assertThat(f).hasSize(findings).allMatch(x -> x.rule().equals("backup-storage.unsafe-characters"));
    }

    @ParameterizedTest(name = "[{index}] pvc {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'{name: backups, size: 50Gi}'     | ''",
            "'{name: backups}'                 | ''",
            "'{name: backups, size: 100G}'     | ''",
            "'{size: 50Gi}'                    | backup-storage.pvc-name",
            "'{name: \"  \"}'                  | backup-storage.pvc-name",
            "'{name: Backups_1}'               | backup-storage.pvc-name",
            "'{name: backups, size: 50 Gi}'    | backup-storage.pvc-size",
            "'{name: backups, size: \"0\"}'    | backup-storage.pvc-size",
            "'{name: backups, size: -1Gi}'     | backup-storage.pvc-size",
    })
    void pvcStorage(String pvc, String expected) {
        List<Finding> f = run(check, backup("type: pvc\npvc: " + pvc + "\n"));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void pvcWithoutAPvcBlockLosesTheBackup() {
        List<Finding> f = run(check, backup("type: pvc\n"));
        assertThat(ids(f)).containsExactly("backup-storage.pvc-name");
        assertThat(f.get(0).message()).contains("emptyDir");
    }

    @Test
    void blocksThatDoNotMatchTheTypeAreWarnings() {
        assertThat(ids(run(check, backup("type: pvc\npvc: {name: b}\ncloud: {provider: aws}\n"))))
                .containsExactly("backup-storage.block-ignored");
        assertThat(ids(run(check, backup(S3_OK + "pvc: {name: b}\n"))))
                .containsExactly("backup-storage.block-ignored");
    }

    @Test
    void credentials() {
        assertThat(ids(run(check, backup("""
                type: s3
                bucket: b
                cloud:
                  provider: aws
                  credentialsSecretRef: c
                  identity: {provider: aws}
                """)))).containsExactly("backup-storage.credentials-conflict");
        assertThat(ids(run(check, backup("type: s3\nbucket: b\ncloud: {provider: aws}\n"))))
                .containsExactly("backup-storage.ambient-credentials");
        assertThat(run(check, backup("""
                type: s3
                bucket: b
                cloud:
                  provider: aws
                  identity:
                    provider: aws
                    autoCreate:
                      annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/x"}
                """))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] identity {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'{provider: aws}'                                | ''",
            "'{}'                                             | backup-storage.identity",
            "'{provider: gcp}'                                | backup-storage.identity",
            "'{provider: ibm}'                                | backup-storage.identity",
            "'{provider: aws, serviceAccount: my-sa}'         | backup-storage.identity-no-effect",
            "'{provider: aws, autoCreate: {enabled: false}}'  | backup-storage.identity-no-effect",
    })
    void identity(String identity, String expected) {
        List<Finding> f = run(check, backup("type: s3\nbucket: b\ncloud:\n  provider: aws\n  identity: " + identity + "\n"));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    private static String secret(String body) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: s3-credentials
                """ + body;
    }

    @Test
    void aSecretWithAllKeysInDataOrStringDataPasses() {
        Resolver r = objects(true, secret("""
                data:
                  AWS_ACCESS_KEY_ID: QUtJQQ==
                stringData:
                  AWS_SECRET_ACCESS_KEY: SUPERSECRET
                  AWS_REGION: us-east-1
                """));
        assertThat(run(check, backup(S3_OK), r)).isEmpty();
    }

    @Test
    void aSecretMissingKeysIsAnErrorThatNeverShowsValues() {
        Resolver r = objects(false, secret("""
                stringData:
                  AWS_ACCESS_KEY_ID: AKIAEXAMPLE
                  AWS_SECRET_ACCESS_KEY: SUPERSECRET
                """));
        List<Finding> f = run(check, backup(S3_OK), r);
        assertThat(ids(f)).containsExactly("backup-storage.credentials-secret");
        assertThat(f.get(0).field()).isEqualTo("spec.storage.cloud.credentialsSecretRef");
        assertThat(f.get(0).message()).contains("has no key AWS_REGION")
                .doesNotContain("SUPERSECRET").doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void anEmptyKeyCountsAsMissing() {
        Resolver r = objects(true, secret("""
                data:
                  AWS_ACCESS_KEY_ID: ""
                  AWS_SECRET_ACCESS_KEY: eA==
                  AWS_REGION: eA==
                """));
        assertThat(run(check, backup(S3_OK), r).get(0).message()).contains("an empty AWS_ACCESS_KEY_ID");
    }

    @Test
    void aSecretThatDoesNotExistIsNeverAnError() {
        assertThat(run(check, backup(S3_OK), objects(true))).isEmpty();
        assertThat(run(check, backup(S3_OK), objects(false))).isEmpty();
        assertThat(run(check, backup(S3_OK))).isEmpty();
    }

    @Test
    void gcsKeysAreTheOperatorsNotGooglesVariableName() {
        Resolver r = objects(true, """
                apiVersion: v1
                kind: Secret
                metadata: {name: gcs-credentials}
                stringData: {GOOGLE_APPLICATION_CREDENTIALS: "{}"}
                """);
        List<Finding> f = run(check, backup("""
                type: gcs
                bucket: b
                cloud: {provider: gcp, credentialsSecretRef: gcs-credentials}
                """), r);
        assertThat(ids(f)).containsExactly("backup-storage.credentials-secret");
        assertThat(f.get(0).hint()).contains("GOOGLE_APPLICATION_CREDENTIALS_JSON");
    }

    @Test
    void azureSasTokensAreNotReadByTheOperator() {
        Resolver r = objects(true, """
                apiVersion: v1
                kind: Secret
                metadata: {name: az}
                stringData: {AZURE_STORAGE_ACCOUNT: acct, AZURE_STORAGE_SAS_TOKEN: sv=2022}
                """);
        List<Finding> f = run(check, backup("""
                type: azure
                bucket: c
                cloud: {provider: azure, credentialsSecretRef: az}
                """), r);
        assertThat(f.get(0).message()).contains("has no key AZURE_STORAGE_KEY").doesNotContain("sv=2022");
        assertThat(f.get(0).hint()).contains("SAS token is not read");
    }

    @Test
    void anInvalidSecretNameIsAnError() {
        assertThat(ids(run(check, backup("type: s3\nbucket: b\ncloud: {provider: aws, credentialsSecretRef: My_Secret}\n"))))
                .containsExactly("backup-storage.credentials-secret");
    }

    @ParameterizedTest(name = "[{index}] {0} / forcePathStyle {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "http://minio.minio.svc:9000 | true  | ''",
            "https://minio.example.com   | true  | ''",
            "http://minio.minio.svc:9000 | false | backup-storage.endpoint-settings",
            "minio.minio.svc:9000        | true  | backup-storage.endpoint-url",
            "ftp://minio                 | true  | backup-storage.endpoint-url",
            "http://                     | true  | backup-storage.endpoint-url",
            "''                          | true  | backup-storage.endpoint-settings",
    })
    void s3CompatibleEndpoints(String url, boolean pathStyle, String expected) {
        List<Finding> f = run(check, backup("""
                type: s3
                bucket: b
                cloud:
                  provider: aws
                  credentialsSecretRef: c
                  endpointURL: "%s"
                  forcePathStyle: %s
                """.formatted(url, pathStyle)));
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void endpointsAreIgnoredForOtherClouds() {
        assertThat(ids(run(check, backup("""
                type: gcs
                bucket: b
                cloud: {provider: gcp, credentialsSecretRef: c, endpointURL: "http://x:1", forcePathStyle: true}
                """)))).containsExactly("backup-storage.endpoint-settings");
    }

    @Test
    void theLegacyTopLevelCloudBlockIsAWarningAndDoesNotSatisfyTheProvider() {
        List<Finding> f = run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec:
                  instanceRef: graph
                  allDatabases: true
                  cloud: {provider: aws}
                  storage: {type: s3, bucket: b}
                """);
        assertThat(ids(f)).containsExactlyInAnyOrder("backup-storage.legacy-cloud-block",
                "backup-storage.provider-missing", "backup-storage.ambient-credentials");
        assertThat(f.stream().filter(x -> x.rule().equals("backup-storage.provider-missing")).findFirst()
                .orElseThrow().hint()).contains("move spec.cloud");
    }

    @Test
    void restoreStorageBlocksAreCheckedAtTheirOwnPaths() {
        List<Finding> f = run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: pitr}
                spec:
                  instanceRef: dr
                  database: orders
                  source:
                    type: pitr
                    pitr:
                      baseBackup:
                        type: storage
                        storage: {type: s3, bucket: "base backups", cloud: {provider: aws}}
                      logStorage: {type: s3, bucket: logs}
                """);
        assertThat(errorIds(f)).containsExactlyInAnyOrder("backup-storage.unsafe-characters",
                "backup-storage.provider-missing");
        Finding missing = f.stream().filter(x -> x.rule().equals("backup-storage.provider-missing")).findFirst()
                .orElseThrow();
        assertThat(missing.field()).isEqualTo("spec.source.pitr.logStorage.cloud.provider");
        assertThat(missing.fix().get(0).path()).isEqualTo("/spec/source/pitr/logStorage/cloud");
    }

    @Test
    void aBackupSourceIgnoresItsOwnStorageBlock() {
        List<Finding> f = run(check, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                  instanceRef: solo
                  database: orders
                  source:
                    type: backup
                    backupRef: nightly
                    storage: {type: s3, bucket: b}
                """);
        assertThat(ids(f)).containsExactly("backup-storage.block-ignored");
        assertThat(f.get(0).field()).isEqualTo("spec.source.storage");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<Finding> f = run(check, backup("""
                type: s3
                bucket: "a b"
                path: "c;d"
                cloud:
                  provider: gcp
                  credentialsSecretRef: x
                  identity: {}
                  endpointURL: nope
                """));
        assertThat(errorIds(f)).containsExactlyInAnyOrder("backup-storage.unsafe-characters",
                "backup-storage.unsafe-characters", "backup-storage.provider-mismatch",
                "backup-storage.credentials-conflict", "backup-storage.identity", "backup-storage.endpoint-url");
    }
}
