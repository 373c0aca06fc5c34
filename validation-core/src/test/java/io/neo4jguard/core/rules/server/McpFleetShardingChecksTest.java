package io.neo4jguard.core.rules.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.Specs.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.server.Specs.standalone;
import static org.assertj.core.api.Assertions.assertThat;

/** spec.mcp, spec.auraFleetManagement and spec.propertySharding: each check of the operator's types and validators. */
class McpFleetShardingChecksTest {

    private static void expect(List<String> found, String rules) {
        if (rules.equals("none")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactlyInAnyOrder(rules.split(" "));
        }
    }

    @ParameterizedTest(name = "mcp {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {enabled: true}                                                      | none
            {enabled: false, transport: smoke, auth: {}}                         | none
            {enabled: true, transport: sse}                                      | mcp.transport
            {enabled: true, http: {port: 8080, service: {port: 80}}}             | none
            {enabled: true, http: {port: 65536}}                                 | mcp.port
            {enabled: true, http: {port: -1}}                                    | mcp.port
            {enabled: true, http: {service: {port: 70000}}}                      | mcp.port
            {enabled: true, http: {port: 0}}                                     | mcp.port-zero
            {enabled: true, transport: stdio, http: {port: 70000}}               | none
            {enabled: true, http: {tls: {certKey: tls.crt}}}                     | mcp.secret-required
            {enabled: true, http: {tls: {secretName: mcp-tls}}}                  | none
            {enabled: true, auth: {usernameKey: user}}                           | mcp.secret-required
            {enabled: true, auth: {secretName: mcp-auth}}                        | none
            """)
    void mcp(String mcp, String rules) {
        expect(ids(io.neo4jguard.core.testkit.CheckRun.run(new McpCheck(), cluster("mcp: " + mcp))), rules);
        expect(ids(io.neo4jguard.core.testkit.CheckRun.run(new McpCheck(), standalone("mcp: " + mcp))), rules);
    }

    @ParameterizedTest(name = "fleet {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {enabled: true, tokenSecretRef: {name: aura-fleet-token}}                                      | none
            {enabled: true, tokenSecretRef: {name: ''}}                                                    | fleet.token-secret-required
            {enabled: true, provision: {providerConfigRef: {name: aura-prod}}}                             | none
            {enabled: true, provision: {providerConfigRef: {name: aura-prod}}, tokenSecretRef: {name: t}}  | fleet.token-source-conflict
            {enabled: false, provision: {providerConfigRef: {name: p}}, tokenSecretRef: {name: t}}         | fleet.token-source-conflict
            {enabled: true, provision: {providerConfigRef: {name: ''}}}                                    | fleet.provision-credentials fleet.organization-required fleet.organization-required
            {enabled: true, provision: {organizationId: o, projectId: p}}                                  | fleet.provision-credentials
            {enabled: true, provision: {credentialsSecretRef: {name: aura-api}}}                           | fleet.organization-required fleet.organization-required
            {enabled: true, provision: {credentialsSecretRef: {name: a}, organizationId: o, projectId: p}} | none
            {enabled: true, provision: {providerConfigRef: {name: p}, credentialsSecretRef: {name: a}}}    | fleet.provision-credentials
            {enabled: true, provision: {providerConfigRef: {name: p}, deploymentName: abcdefghijabcdefghijabcdefghijk}} | fleet.deployment-name-too-long
            {enabled: true, provision: {providerConfigRef: {name: p}, deploymentName: abcdefghijabcdefghijabcdefghij}}  | none
            """)
    void fleet(String fleet, String rules) {
        expect(ids(io.neo4jguard.core.testkit.CheckRun.run(new FleetManagementCheck(), cluster("auraFleetManagement: " + fleet))), rules);
    }

    @ParameterizedTest(name = "sharding {0}, {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026.06-enterprise | {requests: {memory: 8Gi, cpu: '2'}}     | {}                                              | none
            2025.12.0          | {requests: {memory: 8Gi, cpu: '2'}}     | {}                                              | none
            2025.11.1          | {requests: {memory: 8Gi, cpu: '2'}}     | {}                                              | sharding.version
            5.26.0-enterprise  | {requests: {memory: 8Gi, cpu: '2'}}     | {}                                              | sharding.version
            2026.06-enterprise | {requests: {memory: 4Gi, cpu: 2000m}}   | {}                                              | sharding.below-recommendation
            2026.06-enterprise | {requests: {memory: 4095Mi, cpu: '2'}}  | {}                                              | sharding.resources-minimum sharding.below-recommendation
            2026.06-enterprise | {requests: {memory: 8Gi}}               | {}                                              | sharding.resources-minimum sharding.below-recommendation
            2026.06-enterprise | {requests: {memory: 8Gi, cpu: 500m}}    | {}                                              | sharding.resources-minimum sharding.below-recommendation
            2026.06-enterprise | {limits: {memory: 8Gi}}                 | {}                                              | none
            2026.06-enterprise | {requests: {memory: 8Gi, cpu: '2'}}     | {db.query.default_language: CYPHER_5}           | sharding.required-setting
            2026.06-enterprise | {requests: {memory: 8Gi, cpu: '2'}}     | {db.query.default_language: CYPHER_25}          | none
            2026.06-enterprise | {requests: {memory: 8Gi, cpu: '2'}}     | {internal.dbms.sharded_property_database.enabled: 'True'} | sharding.required-setting
            """)
    void propertySharding(String tag, String resources, String config, String rules) {
        String spec = """
                image: {repo: neo4j, tag: '%s'}
                topology: {servers: 3}
                resources: %s
                propertySharding: {enabled: true, config: %s}
                """.formatted(tag, resources, config);
        expect(ids(io.neo4jguard.core.testkit.CheckRun.run(new PropertyShardingCheck(), cluster(spec))), rules);
        assertThat(io.neo4jguard.core.testkit.CheckRun.run(new PropertyShardingCheck(), cluster(spec.replace("enabled: true", "enabled: false"))))
                .isEmpty();
    }
}
