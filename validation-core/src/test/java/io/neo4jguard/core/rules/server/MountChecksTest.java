package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static org.assertj.core.api.Assertions.assertThat;

class MountChecksTest {

    private static List<Finding> mounts(String spec) {
        return CheckRun.run(new MountsCheck(), Specs.cluster(spec));
    }

    private static List<Finding> mountAt(String path) {
        return mounts("""
                extraVolumes:
                  - {name: extra, emptyDir: {}}
                extraVolumeMounts:
                  - {name: extra, mountPath: "%s"}
                """.formatted(path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # path                                  | expected (none = allowed)     | why
            /data                                   | mounts.reserved-path          | the data volume
            /data/                                  | mounts.reserved-path          | trailing slash
            //data                                  | mounts.reserved-path          | double slash
            /data/.                                 | mounts.reserved-path          | dot segment
            /data/transactions                      | mounts.reserved-path          | inside /data
            /logs                                   | mounts.reserved-path          | logs volume
            /conf                                   | mounts.reserved-path          | config
            /ssl                                    | mounts.reserved-path          | certificates
            /plugins/extra                          | mounts.reserved-path          | inside plugins
            /truststore                             | mounts.reserved-path          | truststore
            /truststore-ca                          | mounts.reserved-path          | truststore CA
            /var/lib/neo4j                          | mounts.reserved-path          | NEO4J_HOME itself
            /var/lib/neo4j/../neo4j/conf            | mounts.reserved-path          | conf via ..
            /var/lib/neo4j/data                     | mounts.reserved-path          | data inside home
            /var/lib/neo4j/logs/debug               | mounts.reserved-path          | inside home logs
            /var/lib/neo4j/plugins                  | mounts.reserved-path          | home plugins
            /var/lib/neo4j/certificates/bolt        | mounts.reserved-path          | inside certificates
            /var/lib/neo4j/lib                      | mounts.reserved-path          | jars
            /                                       | mounts.reserved-path          | above everything
            /var                                    | mounts.reserved-path          | above /var/lib/neo4j
            /var/lib                                | mounts.reserved-path          | above /var/lib/neo4j
            /opt                                    | mounts.reserved-path          | above the JDK
            /etc                                    | mounts.reserved-path          | system configuration
            /startup                                | mounts.reserved-path          | entrypoint
            /import/..                              | mounts.reserved-path          | is / after normalising
            /datasets                               | none                          | shares a prefix with /data, not a segment
            /data-extra                             | none                          | same
            /import                                 | none                          | the image's import mount point
            /licenses                               | none                          | licence files
            /var/lib/neo4j/import                   | none                          | inside home, not reserved
            /var/lib/neo4j/products/custom-plugin   | none                          | the reference's own OK example
            /etc/neo4j-extra                        | none                          | below /etc is fine
            /var/log/neo4j                          | none                          | not above anything reserved
            /opt/data                               | none                          | beside the JDK
            """)
    void reservedPathsAfterNormalising(String path, String expected, String why) {
        List<Finding> f = mountAt(path);
        if (expected.equals("none")) {
            assertThat(f).as(why).isEmpty();
        } else {
            assertThat(ids(f)).as(why).containsExactly(expected);
            assertThat(f.get(0).field()).isEqualTo("spec.extraVolumeMounts[0].mountPath");
        }
    }

    @Test
    void reservedMessageShowsTheNormalisedPath() {
        Finding f = mountAt("/var/lib/neo4j/../neo4j/conf/").get(0);
        assertThat(f.message()).isEqualTo("Forbidden: \"/var/lib/neo4j/../neo4j/conf/\" (normalised: /var/lib/neo4j/conf): "
                + "/var/lib/neo4j/conf is reserved: Neo4j reads neo4j.conf there");
    }

    @Test
    void requiredRelativeAndDuplicatePaths() {
        List<Finding> f = mounts("""
                extraVolumes:
                  - {name: a, emptyDir: {}}
                  - {name: b, emptyDir: {}}
                extraVolumeMounts:
                  - {mountPath: /x}
                  - {name: a}
                  - {name: a, mountPath: "import"}
                  - {name: a, mountPath: /imports}
                  - {name: b, mountPath: "/imports/"}
                  - {name: b, mountPath: "//imports"}
                """);

        assertThat(f).extracting(Finding::rule, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mounts.required", "spec.extraVolumeMounts[0].name"),
                org.assertj.core.groups.Tuple.tuple("mounts.required", "spec.extraVolumeMounts[1].mountPath"),
                org.assertj.core.groups.Tuple.tuple("mounts.relative-path", "spec.extraVolumeMounts[2].mountPath"),
                org.assertj.core.groups.Tuple.tuple("mounts.duplicate-path", "spec.extraVolumeMounts[4].mountPath"),
                org.assertj.core.groups.Tuple.tuple("mounts.duplicate-path", "spec.extraVolumeMounts[5].mountPath"));
        assertThat(f.get(3).message()).contains("the same path as spec.extraVolumeMounts[3].mountPath");
    }

    @Test
    void mountsMustNameADeclaredOrOperatorVolume() {
        List<Finding> f = mounts("""
                extraVolumes:
                  - {name: imports, emptyDir: {}}
                extraVolumeMounts:
                  - {name: imports, mountPath: /import}
                  - {name: import, mountPath: /import2}
                  - {name: data, mountPath: /backup-staging, subPath: staging}
                """);

        assertThat(ids(f)).containsExactly("mounts.unknown-volume");
        assertThat(f.get(0).field()).isEqualTo("spec.extraVolumeMounts[1].name");
        assertThat(f.get(0).hint()).isEqualTo("declared volumes: imports");
    }

    @Test
    void extraVolumeNames() {
        List<Finding> f = CheckRun.run(new ExtraVolumesCheck(), Specs.standalone("""
                extraVolumes:
                  - {emptyDir: {}}
                  - {name: Import_Files, emptyDir: {}}
                  - {name: imports, emptyDir: {}}
                  - {name: imports, emptyDir: {}}
                  - {name: data, emptyDir: {}}
                  - {name: %s, emptyDir: {}}
                  - {name: %s, emptyDir: {}}
                """.formatted("a".repeat(63), "a".repeat(64))));

        assertThat(f).extracting(Finding::rule, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("volumes.name", "spec.extraVolumes[0].name"),
                org.assertj.core.groups.Tuple.tuple("volumes.name", "spec.extraVolumes[1].name"),
                org.assertj.core.groups.Tuple.tuple("volumes.duplicate", "spec.extraVolumes[3].name"),
                org.assertj.core.groups.Tuple.tuple("volumes.operator-name", "spec.extraVolumes[4].name"),
                org.assertj.core.groups.Tuple.tuple("volumes.name", "spec.extraVolumes[6].name"));
    }

    @Test
    void trustedCaSecrets() {
        List<Finding> f = CheckRun.run(new TrustedCaSecretsCheck(), Specs.cluster("""
                trustedCASecrets:
                  - name: corporate-ca
                  - name: ""
                  - {key: ca.crt}
                  - name: corporate-ca
                  - name: Corporate_CA
                  - name: partner.ca
                """));

        assertThat(f).extracting(Finding::rule, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("trusted-ca.name", "spec.trustedCASecrets[1].name"),
                org.assertj.core.groups.Tuple.tuple("trusted-ca.name", "spec.trustedCASecrets[2].name"),
                org.assertj.core.groups.Tuple.tuple("trusted-ca.duplicate", "spec.trustedCASecrets[3].name"),
                org.assertj.core.groups.Tuple.tuple("trusted-ca.name", "spec.trustedCASecrets[4].name"));
        assertThat(f.get(2).message()).isEqualTo("Duplicate value: \"corporate-ca\"");
    }

    @Test
    void trustedCaNameLengthBoundary() {
        String ok = "a".repeat(253);
        String tooLong = "a".repeat(254);
        List<Finding> f = CheckRun.run(new TrustedCaSecretsCheck(), Specs.cluster("""
                trustedCASecrets:
                  - name: %s
                  - name: %s
                """.formatted(ok, tooLong)));

        assertThat(f).extracting(Finding::field).containsExactly("spec.trustedCASecrets[1].name");
    }
}
