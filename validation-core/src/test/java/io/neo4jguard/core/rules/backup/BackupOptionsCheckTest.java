package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.backup.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.objects;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BackupOptionsCheckTest {
    private final BackupOptionsCheck check = new BackupOptionsCheck();

    private static String backup(String options) {
        return backup("allDatabases: true", options);
    }

    private static String backup(String scope, String options) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly}
                spec:
                  instanceRef: graph
                  %s
                  storage: {type: s3, bucket: b}
                  options:
                """.formatted(scope) + options.indent(4);
    }

    private static List<String> expect(String id) {
        return id.isEmpty() ? List.of() : List.of(id);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "backupType: FULL              | ''",
            "backupType: AUTO              | ''",
            "backupType: full              | backup.backup-type",
            "backupType: INCREMENTAL       | backup.backup-type",
            "backupType: DIFF              | backup.diff-without-full",
            "pageCache: 4G                 | ''",
            "pageCache: '512'              | ''",
            "pageCache: 2Gi                | backup.page-cache",
            "pageCache: 2g                 | backup.page-cache",
            "pageCache: 1.5G               | backup.page-cache",
            "includeMetadata: all          | ''",
            "includeMetadata: roles        | ''",
            "includeMetadata: users=alice  | backup.include-metadata",
            "includeMetadata: ALL          | backup.include-metadata",
            "tempPath: /tmp/neo4j-backup   | ''",
            "tempPath: tmp/neo4j           | backup.temp-path",
            "tempPath: '/tmp/a b'          | backup.temp-path",
            "tempPath: '/tmp/$HOME'        | backup.temp-path",
    })
    void options(String option, String expected) {
        assertThat(ids(run(check, backup(option + "\n")))).isEqualTo(expect(expected));
    }

    @Test
    void hintsForCaseAndKubernetesSizes() {
        assertThat(run(check, backup("backupType: full\n")).get(0).hint()).contains("FULL");
        assertThat(run(check, backup("pageCache: 2Gi\n")).get(0).hint()).contains("write 2G");
    }

    @Test
    void diffIsFineWhenChainedFromAFullBackup() {
        String yaml = backup("backupType: DIFF\n").replace("  instanceRef: graph", "  instanceRef: graph\n  chainFromBackup: weekly");
        assertThat(run(check, yaml)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] tempStorage {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'{size: 50Gi}'                    | ''",
            "'{size: \"1024\"}'                | ''",
            "'{size: 1Ti, storageClassName: x}'| ''",
            "'{size: 50G}'                     | backup.temp-storage-size",
            "'{size: 1.5Ti}'                   | backup.temp-storage-size",
            "'{size: \"0\"}'                   | backup.temp-storage-size",
            "'{size: 0Gi}'                     | backup.temp-storage-size",
            "'{size: lots}'                    | backup.temp-storage-size",
            "'{storageClassName: fast}'        | backup.temp-storage-size",
    })
    void tempStorage(String tempStorage, String expected) {
        assertThat(ids(run(check, backup("tempStorage: " + tempStorage + "\n")))).isEqualTo(expect(expected));
    }

    @Test
    void aCrdRefusedQuantitySuggestsTheGiForm() {
        assertThat(run(check, backup("tempStorage: {size: 50G}\n")).get(0).hint()).isEqualTo("write 47Gi");
    }

    @Test
    void tempPathShadowsTempStorage() {
        assertThat(ids(run(check, backup("tempPath: /tmp/x\ntempStorage: {size: 10Gi}\n"))))
                .containsExactly("backup.temp-path-overrides-storage");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'[--verbose]'                           | ''",
            "'[--additional-config=/conf/x.conf]'    | ''",
            "'[--pagecache=4G]'                      | ''",
            "'[orders]'                              | backup.additional-args",
            "'[--check-consistency=true]'            | backup.additional-args",
            "'[--cc-graph=false]'                    | backup.additional-args",
            "'[--database=orders]'                   | backup.additional-args",
            "'[--to-path=/x]'                        | backup.additional-args",
            "'[--from=host:6362]'                    | backup.additional-args",
            "'[--type=FULL]'                         | backup.additional-args",
            "'[\"--verbose\\n--x\"]'                 | backup.additional-args",
            "'[\"--x=$(curl evil)\"]'                | ''",
    })
    void additionalArgs(String args, String expected) {
        assertThat(ids(run(check, backup("additionalArgs: " + args + "\n")))).isEqualTo(expect(expected));
    }

    @Test
    void optionsTheOperatorPassesOnlyWhenSetAreOwnedOnlyThen() {
        assertThat(run(check, backup("keepFailed: false\nadditionalArgs: [--keep-failed=true]\n"))).isEmpty();
        assertThat(ids(run(check, backup("keepFailed: true\nadditionalArgs: [--keep-failed=true]\n"))))
                .containsExactly("backup.additional-args");
        assertThat(ids(run(check, backup("pageCache: 2G\nadditionalArgs: [--pagecache=4G]\n"))))
                .containsExactly("backup.additional-args");
        assertThat(run(check, backup("pageCache: 2G\nadditionalArgs: [--pagecache=4G]\n")).get(0).hint())
                .contains("options.pageCache");
    }

    /** Each gate on both sides of its first version (image tag of the target). */
    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "preferDiffAsParent: true      | 2025.04.0-enterprise | ''",
            "preferDiffAsParent: true      | 2025.03.0-enterprise | backup.feature-version",
            "preferDiffAsParent: true      | 5.26.12-enterprise   | backup.feature-version",
            "preferDiffAsParent: false     | 5.26.12-enterprise   | ''",
            "remoteAddressResolution: true | 2025.09.0            | ''",
            "remoteAddressResolution: true | 2025.08.0            | backup.feature-version",
            "remoteAddressResolution: false| 2025.08.0            | ''",
            "parallelDownload: true        | 2025.11.2            | ''",
            "parallelDownload: true        | 2025.10.1            | backup.feature-version",
            "skipRecovery: true            | 2025.11.2            | ''",
            "skipRecovery: true            | 2025.10.1            | backup.feature-version",
            "preferDiffAsParent: true      | latest               | ''",
    })
    void versionGatesUseTheTargetsImage(String option, String tag, String expected) {
        Resolver r = objects(true, cluster("graph", tag));
        List<Finding> f = run(check, backup(option + "\n"), r);
        assertThat(ids(f)).isEqualTo(expect(expected));
        if (!f.isEmpty()) {
            assertThat(f.get(0).message()).startsWith("Forbidden: backup --").contains("Neo4jEnterpriseCluster/graph runs");
            assertThat(f.get(0).field()).isEqualTo("spec.options." + option.substring(0, option.indexOf(':')));
        }
    }

    @ParameterizedTest(name = "[{index}] sharded backup on {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"2025.12.0 | ''", "2025.11.2 | backup.feature-version"})
    void shardedBackupsNeedPropertySharding(String tag, String expected) {
        Resolver r = objects(true, cluster("graph", tag));
        List<Finding> f = run(check, backup("shardedDatabase: products", "compress: true\n"), r);
        assertThat(ids(f)).isEqualTo(expect(expected));
    }

    @Test
    void gatesAreSkippedWhenTheTargetIsUnknown() {
        assertThat(run(check, backup("preferDiffAsParent: true\n"), objects(true))).isEmpty();
        assertThat(run(check, backup("preferDiffAsParent: true\n"))).isEmpty();
    }
}
