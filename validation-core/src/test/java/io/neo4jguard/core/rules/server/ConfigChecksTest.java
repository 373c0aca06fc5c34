package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.testkit.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** The three config checks together, as the engine runs them: one finding per problem, the most precise one. */
class ConfigChecksTest {
    private static final List<Check> CHECKS = List.of(new ConfigKeysCheck(), new ManagedConfigCheck(),
            new DeprecatedConfigCheck());

    private static List<Finding> run(Resource r) {
        List<Finding> out = new ArrayList<>();
        for (Check c : CHECKS) {
            out.addAll(CheckRun.run(c, r));
        }
        return out;
    }

    private static Resource server(String kind, String tag, String key, String value) {
        String spec = """
                image: {repo: neo4j, tag: "%s"}
                config:
                  "%s": "%s"
                """.formatted(tag, key.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"),
                value.replace("\n", "\\n").replace("\r", "\\r"));
        return Specs.parse(kind, spec);
    }

    /**
     * dbms.cluster.discovery.version=V2_ONLY agrees with the operator on 5.26 (no error) but is gone in 2025.01:
     * a warning there, an error on CalVer.
     */
    @ParameterizedTest(name = "{0} {1}: {2}={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind                    | tag                  | key                                            | value      | expected rule (none = accepted)
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | db.transaction.timeout                         | 60s        | none
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.ssl.policy.bolt.enabled                   | false      | config.tls-managed
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | dbms.ssl.policy.https.client_auth              | NONE       | config.tls-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.bolt.tls_level                          | OPTIONAL   | config.tls-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.connector.bolt.tls_level                  | DISABLED   | config.tls-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.directories.certificates                | /tmp       | config.tls-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.directories.certificates                  | /tmp       | config.tls-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.bolt.enabled                            | true       | none
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.cluster.discovery.resolver_type           | LIST       | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.cluster.endpoints                         | a:6000     | config.operator-managed
            Neo4jEnterpriseCluster    | 2025.10.1-enterprise | dbms.cluster.discovery.v2.endpoints            | a:6000     | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.kubernetes.label_selector                 | app=x      | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.cluster.advertised_address              | x:6000     | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | causal_clustering.raft_advertised_address      | x:7000     | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.default_advertised_address                | x          | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | initial.server.mode_constraint                 | PRIMARY    | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.cluster.minimum_initial_system_primaries_count | 2     | config.operator-managed
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.cluster.discovery.version                 | V2_ONLY    | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.cluster.discovery.version                 | V1_ONLY    | config.operator-managed
            Neo4jEnterpriseCluster    | 2025.10.1-enterprise | dbms.cluster.discovery.version                 | V2_ONLY    | config.removed-key
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | server.cluster.advertised_address              | x:6000     | none
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | dbms.cluster.discovery.resolver_type           | LIST       | config.clustering-on-standalone
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | dbms.cluster.minimum_initial_system_primaries_count | 1     | config.clustering-on-standalone
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | internal.dbms.single_raft_enabled              | true       | config.clustering-on-standalone
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | server.cluster.system_database_mode            | SECONDARY  | config.clustering-on-standalone
            Neo4jEnterpriseStandalone | 2026.04.0-enterprise | dbms.kubernetes.service_port_name              | tcp        | config.removed-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | db.format                                      | block      | config.store-format
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | db.format                                      | high_limit | config.store-format
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.mode                                      | CORE       | config.dbms-mode
            Neo4jEnterpriseStandalone | 5.26.0-enterprise    | dbms.mode                                      | SINGLE     | config.dbms-mode
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.groups                                  | eu         | config.deprecated-key
            Neo4jEnterpriseCluster    | 2025.01.0-enterprise | server.groups                                  | eu         | config.removed-key
            Neo4jEnterpriseCluster    | 2026.06-enterprise   | server.max_databases                           | 10         | config.removed-key
            Neo4jEnterpriseCluster    | not-a-tag            | server.groups                                  | eu         | config.deprecated-key
            Neo4jEnterpriseCluster    | 2025.10.1-enterprise | initial.server.tags                            | eu         | none
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.memory.heap.max_size                      | 4g         | config.deprecated-key
            Neo4jEnterpriseCluster    | 2025.10.1-enterprise | dbms.memory.heap.max_size                      | 4g         | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.default_database                          | movies     | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.logs.query.enabled                        | INFO       | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | db.logs.query.enabled                          | INFO       | none
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.connector.bolt.type                       | BOLT       | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.memory.pagecache.warmup.preload.whitelist | .*         | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | db.tx_state.memory_allocation                  | OFF_HEAP   | config.deprecated-key
            Neo4jEnterpriseCluster    | 2025.10.1-enterprise | server.memory.off_heap.transaction_max_size    | 2g         | config.deprecated-key
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.config.strict_validation.enabled        | False      | config.strict-validation-disabled
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | server.config.strict_validation.enabled        | true       | none
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.integrations.cloud_storage.azb.blob_endpoint_suffix | windows | config.azure-endpoint-suffix
            Neo4jEnterpriseCluster    | 5.26.0-enterprise    | dbms.integrations.cloud_storage.azb.blob_endpoint_suffix | blob.core.windows.net | none
            """)
    void keysByKindAndVersion(String kind, String tag, String key, String value, String expected) {
        List<Finding> f = run(server(kind, tag, key, value));

        if (expected.equals("none")) {
            assertThat(f).isEmpty();
        } else {
            assertThat(ids(f)).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "key {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # key (\\n, \\r escaped in YAML)               | why it is refused
            'a=1\\ndbms.ssl.policy.bolt.enabled'           | line break
            'server.bolt.enabled=false'                    | '='
            ' dbms.ssl.policy.bolt.enabled'                | leading space
            'dbms.ssl.policy.bolt.enabled '                | trailing space
            'db.transaction .timeout'                      | inner space
            '#server.memory.heap.max_size'                 | comment
            'db.transaction\\r.timeout'                    | carriage return
            """)
    void keysThatForgeOrDodgeAreRefused(String key, String why) {
        String unescaped = key.replace("\\n", "\n").replace("\\r", "\r");
        List<Finding> f = run(server("Neo4jEnterpriseCluster", "5.26.0-enterprise", unescaped, "x"));

        assertThat(ids(f)).as(why).contains("config.invalid-key");
        assertThat(ConfigKeysCheck.keyProblem(unescaped)).as(why).isPresent();
    }

    @Test
    void paddedKeysAreStillRecognisedByTheGuards() {
        List<Finding> f = run(server("Neo4jEnterpriseCluster", "5.26.0-enterprise", " dbms.ssl.policy.bolt.enabled",
                "false"));

        assertThat(ids(f)).containsExactlyInAnyOrder("config.invalid-key", "config.tls-managed");
    }

    @Test
    void plainKeysPass() {
        for (String k : List.of("db.transaction.timeout", "dbms.security.oidc.corp-sso.display_name",
                "apoc.import.file.enabled", "server.jvm.additional")) {
            assertThat(ConfigKeysCheck.keyProblem(k)).as(k).isEqualTo(Optional.empty());
        }
        assertThat(ConfigKeysCheck.keyProblem("")).isPresent();
    }

    @ParameterizedTest(name = "value {0}")
    @CsvSource(delimiter = '|', textBlock = """
            'x\\ndbms.security.auth_enabled=false' | config.line-break-in-value
            'x\\rdbms.security.auth_enabled=false' | config.line-break-in-value
            'x dbms.security.auth_enabled=false'   | none
            """)
    void valuesWithLineBreaksForgeSettings(String value, String expected) {
        String v = value.replace("\\n", "\n").replace("\\r", "\r");
        List<Finding> f = run(server("Neo4jEnterpriseStandalone", "5.26.0-enterprise", "db.transaction.timeout", v));

        if (expected.equals("none")) {
            assertThat(f).isEmpty();
        } else {
            assertThat(ids(f)).containsExactly(expected);
            assertThat(f.get(0).field()).isEqualTo("spec.config[db.transaction.timeout]");
        }
    }

    @Test
    void propertyShardingConfigGetsTheSameGuards() {
        List<Finding> f = run(Specs.cluster("""
                image: {repo: neo4j, tag: 2026.06-enterprise}
                propertySharding:
                  enabled: true
                  config:
                    internal.dbms.sharded_property_database.enabled: "true"
                    dbms.ssl.policy.bolt.enabled: "false"
                    db.query.default_language: "CYPHER_25\\nserver.bolt.tls_level=DISABLED"
                """));

        assertThat(ids(f)).containsExactlyInAnyOrder("config.tls-managed", "config.line-break-in-value");
        assertThat(f).extracting(Finding::field).contains(
                "spec.propertySharding.config[dbms.ssl.policy.bolt.enabled]",
                "spec.propertySharding.config[db.query.default_language]");
    }

    @Test
    void neo4jEnvVarsAreSettingsToo() {
        List<Finding> f = run(Specs.cluster("""
                image: {repo: neo4j, tag: 5.26.0-enterprise}
                env:
                  - {name: NEO4J_ACCEPT_LICENSE_AGREEMENT, value: "yes"}
                  - {name: NEO4J_dbms_ssl_policy_bolt_enabled, value: "false"}
                  - {name: NEO4J_server_cluster_advertised__address, value: "x:6000"}
                  - {name: NEO4J_dbms_memory_pagecache_size, value: "1g"}
                  - {name: NEO4J_server_groups, value: "eu"}
                  - {name: NEO4J_db_transaction_timeout, value: "1s\\ndbms.security.auth_enabled=false"}
                  - {name: NEO4J_dbms_ssl_policy_https_enabled_FILE, value: "/run/secrets/x"}
                  - {name: OTHER, value: "anything"}
                """));

        assertThat(f).extracting(Finding::rule, Finding::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("config.tls-managed", "spec.env[1].name"),
                org.assertj.core.groups.Tuple.tuple("config.operator-managed", "spec.env[2].name"),
                org.assertj.core.groups.Tuple.tuple("config.deprecated-key", "spec.env[3].name"),
                org.assertj.core.groups.Tuple.tuple("config.deprecated-key", "spec.env[4].name"),
                org.assertj.core.groups.Tuple.tuple("config.line-break-in-value", "spec.env[5].value"),
                org.assertj.core.groups.Tuple.tuple("config.tls-managed", "spec.env[6].name"));
        Finding renamed = f.stream().filter(x -> x.field().equals("spec.env[3].name")).findFirst().orElseThrow();
        assertThat(renamed.hint()).isEqualTo("rename it to NEO4J_server_memory_pagecache_size");
    }

    @Test
    void deprecatedMessageSaysWhenTheNewNameWins() {
        List<Finding> f = run(Specs.cluster("""
                image: {repo: neo4j, tag: 5.26.0-enterprise}
                config:
                  dbms.memory.pagecache.size: 3g
                  server.memory.pagecache.size: 5g
                """));

        assertThat(ids(f)).containsExactly("config.deprecated-key");
        assertThat(f.get(0).message()).isEqualTo("Invalid value: \"dbms.memory.pagecache.size\": deprecated name: "
                + "Neo4j reads it as server.memory.pagecache.size; server.memory.pagecache.size is also set and wins, "
                + "so this line has no effect");
        assertThat(f.get(0).hint()).isEqualTo("rename it to server.memory.pagecache.size");
    }

    @Test
    void removedKeysNameTheirReplacementAndTheVersion() {
        List<Finding> f = run(server("Neo4jEnterpriseCluster", "2025.10.1-enterprise", "server.groups", "eu"));

        assertThat(f.get(0).message()).isEqualTo("Invalid value: \"server.groups\": removed in Neo4j 2025.01; "
                + "Neo4j 2025.10.1 refuses to start on it");
        assertThat(f.get(0).hint()).isEqualTo("use initial.server.tags");

        List<Finding> lts = run(server("Neo4jEnterpriseCluster", "5.26.3-enterprise", "server.groups", "eu"));
        assertThat(lts.get(0).message()).contains("it still works on Neo4j 5.26.3 but blocks the upgrade");
        assertThat(lts.get(0).hint()).isEqualTo("use initial.server.tags before upgrading");
    }

    @Test
    void envDecodingFollowsTheEntrypoint() {
        assertThat(ConfigSources.settingOf("NEO4J_server_memory_heap_max__size")).contains("server.memory.heap.max_size");
        assertThat(ConfigSources.settingOf("NEO4J_db_tx__log_rotation_size")).contains("db.tx_log.rotation.size");
        assertThat(ConfigSources.settingOf("NEO4J_dbms_ssl_policy_bolt_enabled_FILE")).contains("dbms.ssl.policy.bolt.enabled");
        assertThat(ConfigSources.settingOf("NEO4J_AUTH")).isEmpty();
        assertThat(ConfigSources.settingOf("NEO4J_1abc")).isEmpty();
        assertThat(ConfigSources.settingOf("HEAP_SIZE")).isEmpty();
        assertThat(ConfigSources.envNameOf("server.memory.heap.max_size")).isEqualTo("NEO4J_server_memory_heap_max__size");
    }
}
