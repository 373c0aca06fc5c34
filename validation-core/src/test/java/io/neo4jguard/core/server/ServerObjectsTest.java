package io.neo4jguard.core.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerObjectsTest {

    @Test
    void clusterObjectsCarryTheOperatorsSuffixes() {
        assertThat(ServerObjects.statefulSet("graph", true)).isEqualTo("graph-server");
        assertThat(ServerObjects.statefulSet("graph", false)).isEqualTo("graph");
        assertThat(ServerObjects.headlessService("graph")).isEqualTo("graph-headless");
        assertThat(ServerObjects.internalsService("graph")).isEqualTo("graph-internals");
        assertThat(ServerObjects.discovery("graph")).isEqualTo("graph-discovery");
        assertThat(ServerObjects.clientService("graph")).isEqualTo("graph-client");
        assertThat(ServerObjects.metricsService("graph")).isEqualTo("graph-metrics");
        assertThat(ServerObjects.configMap("graph")).isEqualTo("graph-config");
        assertThat(ServerObjects.tlsSecret("graph")).isEqualTo("graph-tls-secret");
    }

    @Test
    void podHostIsThePodUnderTheHeadlessService() {
        assertThat(ServerObjects.podHost("graph", 2, "db"))
                .isEqualTo("graph-server-2.graph-headless.db.svc.cluster.local");
    }

    @Test
    void limitsAreDerivedFromKubernetesNumbers() {
        assertThat(NameLimits.max(true)).isEqualTo(63 - "-server".length()).isEqualTo(56);
        assertThat(NameLimits.max(false)).isEqualTo(63);
        assertThat(NameLimits.maxWithPods(true)).isEqualTo(63 - 1 - 10 - "-server".length()).isEqualTo(45);
        assertThat(NameLimits.maxWithPods(false)).isEqualTo(52);
    }

    @Test
    void everyServiceOfTheLongestAllowedClusterNameIsADnsLabel() {
        String name = "a".repeat(NameLimits.CLUSTER_PODS_MAX);
        for (String service : new String[] {ServerObjects.headlessService(name), ServerObjects.discovery(name),
                ServerObjects.internalsService(name), ServerObjects.clientService(name),
                ServerObjects.metricsService(name), ServerObjects.statefulSet(name, true)}) {
            assertThat(service.length()).as(service).isLessThanOrEqualTo(NameLimits.DNS_LABEL_MAX);
        }
    }
}
