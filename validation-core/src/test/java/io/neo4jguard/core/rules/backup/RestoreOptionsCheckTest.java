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
import static io.neo4jguard.core.rules.backup.Fixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class RestoreOptionsCheckTest {
    private final RestoreOptionsCheck check = new RestoreOptionsCheck();

    private static final String ORDERS_DB = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jDatabase
            metadata: {name: orders-db}
            spec: {clusterRef: graph, name: orders}
            """;

    private final Resolver world = objects(true, cluster("graph", "2025.10.0"), standalone("solo", "5.26.0"),
            ORDERS_DB);

    private static String restore(String instance, String database, String lines) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                  instanceRef: %s
                  database: %s
                  source: {type: backup, backupRef: nightly}
                """.formatted(instance, database) + lines.indent(2);
    }

    /**
     * "replaceExisting needs force where Neo4j requires it": Neo4j 4's restore needed --force to overwrite; Neo4j
     * 5.26+ (all the operator supports) uses --overwrite-destination=true, which the operator passes for
     * options.replaceExisting alone. So replaceExisting never needs force; what fails is restoring over a database
     * known to exist without replaceExisting. The legacy spec.force alias also confirms.
     */
    @ParameterizedTest(name = "[{index}] {0}/{1} with ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', value = {
            "solo  | neo4j    | ''                                 | restore.replace-existing-required",
            "solo  | neo4j    | 'options: {replaceExisting: true}' | ''",
            "solo  | neo4j    | 'force: true'                      | ''",
            "solo  | neo4j    | 'options: {replaceExisting: false}'| restore.replace-existing-required",
            "solo  | fresh    | ''                                 | ''",
            "graph | orders   | 'options: {replaceExisting: true}' | ''",
            "graph | orders   | ''                                 | restore.replace-existing-required",
            "solo  | orders   | ''                                 | ''",
            "elsewhere | neo4j | ''                                | ''",
    })
    void overwritingAnExistingDatabaseNeedsReplaceExisting(String instance, String db, String lines, String expected) {
        List<Finding> f = run(check, restore(instance, db, lines), world);
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        if (!f.isEmpty()) {
            assertThat(f.get(0).field()).isEqualTo("spec.options.replaceExisting");
        }
    }

    @Test
    void theDefaultDatabaseNameComesFromTheTargetsConfig() {
        Resolver renamed = objects(true, """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseStandalone
                metadata: {name: solo}
                spec:
                  image: {tag: "5.26.0"}
                  config: {initial.dbms.default_database: graphdb}
                """);
        assertThat(run(check, restore("solo", "neo4j", ""), renamed)).isEmpty();
        assertThat(ids(run(check, restore("solo", "graphdb", ""), renamed)))
                .containsExactly("restore.replace-existing-required");
    }

    @Test
    void jobOnlySettingsAreIgnoredOnClusters() {
        List<Finding> f = run(check, restore("graph", "fresh", """
                stopCluster: true
                options:
                  preRestore: {cypherStatements: ["CALL db.checkpoint()"]}
                  additionalArgs: [--verbose]
                  tempStorage: {size: 10Gi}
                """), world);
        assertThat(ids(f)).containsOnly("restore.ignored-on-cluster");
        assertThat(f).extracting(Finding::field).containsExactlyInAnyOrder("spec.stopCluster",
                "spec.options.preRestore", "spec.options.additionalArgs", "spec.options.tempStorage");
    }

    @Test
    void stopClusterFalseIsNotReportedOnClusters() {
        assertThat(run(check, restore("graph", "fresh", "stopCluster: false\n"), world)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'source: {type: pitr, pointInTime: \"2025-01-04T12:30:00Z\"}'                    | restore.offline-needs-stop",
            "'source: {type: pitr, pointInTime: \"2025-01-04T12:30:00Z\"}\nstopCluster: true' | ''",
            "'source: {type: backup, backupRef: b, pointInTime: \"2025-01-04T12:30:00Z\"}'    | restore.offline-needs-stop",
            "'source: {type: backup, backupRef: b}'                                           | ''",
    })
    void offlineStandaloneRestoresNeedStopCluster(String lines, String expected) {
        String yaml = """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                  instanceRef: solo
                  database: fresh
                """ + lines.indent(2);
        assertThat(ids(run(check, yaml, world))).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'options: {additionalArgs: [--verbose]}'                                     | ''",
            "'options: {additionalArgs: [--force]}'                                       | restore.additional-args",
            "'options: {additionalArgs: [--from=/backups/x]}'                             | restore.additional-args",
            "'options: {additionalArgs: [--from-path=/x]}'                                | restore.additional-args",
            "'options: {additionalArgs: [orders]}'                                        | restore.additional-args",
            "'options: {additionalArgs: [--overwrite-destination=true]}'                  | ''",
            "'options: {replaceExisting: true, additionalArgs: [--overwrite-destination]}'| restore.additional-args",
            "'options: {tempPath: /tmp/r}'                                                | ''",
            "'options: {tempPath: tmp/r}'                                                 | restore.temp-path",
            "'options: {tempStorage: {size: 20Gi}}'                                       | ''",
            "'options: {tempStorage: {size: 20GB}}'                                       | restore.temp-storage-size",
    })
    void jobOptions(String lines, String expected) {
        assertThat(ids(run(check, restore("solo", "fresh", lines), world)))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void theTargetUnknownSkipsTargetDependentRules() {
        assertThat(run(check, restore("graph", "neo4j", "stopCluster: true\n"))).isEmpty();
    }
}
