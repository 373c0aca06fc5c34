package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.neo4jguard.core.server.MountPaths;
import io.neo4jguard.core.server.OperatorVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.reconciler.desired.Manifests.UID;
import static io.neo4jguard.reconciler.desired.Manifests.cluster;
import static io.neo4jguard.reconciler.desired.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerBuilderTest {
    private final DesiredState desired = DesiredState.standard();

    @ParameterizedTest(name = "{0} servers keep quorum with {1} available")
    @CsvSource({"2,2", "3,2", "4,3", "5,3", "6,4", "7,4", "11,6"})
    void disruptionBudgetIsTheRaftMajority(int servers, int majority) {
        PodDisruptionBudget pdb = only(desired.forCluster(cluster(servers, "5.26.0-enterprise", ""), UID),
                PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(majority);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(ManagedLabels.serverSelector("graph"));
    }

    @ParameterizedTest(name = "servers {0}, minSystemPrimaries {1} -> {2}")
    @CsvSource({"2,,2", "3,,3", "5,,3", "5,5,5", "3,5,3"})
    void systemPrimariesDefaultToThreeAndNeverExceedTheServers(int servers, Integer wanted, int expected) {
        String topology = "{servers: " + servers + (wanted == null ? "" : ", minSystemPrimaries: " + wanted) + "}";
        String conf = only(desired.forCluster(Manifests.cluster(topology, "5.26.0-enterprise", ""), UID),
                ConfigMap.class).getData().get("neo4j.conf");
        assertThat(conf).contains("dbms.cluster.minimum_initial_system_primaries_count=" + expected + "\n");
    }

    @Test
    void scalingChangesTheDiscoveryListButRollsNoServer() {
        StatefulSet three = only(desired.forCluster(cluster(3, "2025.10.1-enterprise", ""), UID), StatefulSet.class);
        List<HasMetadata> fiveObjects = desired.forCluster(cluster(5, "2025.10.1-enterprise", ""), UID);
        StatefulSet five = only(fiveObjects, StatefulSet.class);
        assertThat(five.getSpec().getReplicas()).isEqualTo(5);
        assertThat(only(fiveObjects, ConfigMap.class).getData().get("neo4j.conf"))
                .contains("graph-server-4.graph-headless.ns.svc.cluster.local:6000");
        assertThat(hash(five)).isEqualTo(hash(three));
    }

    @Test
    void aConfigChangeRollsTheServers() {
        StatefulSet before = only(desired.forCluster(cluster(3, "5.26.0-enterprise", ""), UID), StatefulSet.class);
        StatefulSet after = only(desired.forCluster(cluster(3, "5.26.0-enterprise",
                "  config: {db.logs.query.enabled: \"OFF\"}"), UID), StatefulSet.class);
        assertThat(hash(after)).hasSize(64).isNotEqualTo(hash(before));
    }

    @Test
    void userValuesOfManagedKeysGiveWayAndAreWrittenOnce() {
        String conf = only(desired.forCluster(cluster(3, "2025.10.1-enterprise", """
                  config:
                    dbms.cluster.discovery.resolver_type: K8S
                    dbms.cluster.discovery.v2.endpoints: "elsewhere:6000"
                    server.cluster.advertised_address: "me:6000"
                    server.backup.enabled: "false"
                """), UID), ConfigMap.class).getData().get("neo4j.conf");
        assertThat(conf).contains("dbms.cluster.discovery.resolver_type=LIST\n")
                .doesNotContain("K8S", "elsewhere", "me:6000")
                // A default, not managed: the user's choice stands, once.
                .contains("server.backup.enabled=false\n").doesNotContain("server.backup.enabled=true");
        assertThat(conf.lines().filter(l -> l.startsWith("dbms.cluster.discovery.resolver_type="))).hasSize(1);
    }

    @Test
    void theUsersOwnOutOfMemoryFlagReplacesOurs() {
        String conf = only(desired.forCluster(cluster(3, "5.26.0-enterprise",
                "  config: {server.jvm.additional: \"-XX:+CrashOnOutOfMemoryError\"}"), UID), ConfigMap.class)
                .getData().get("neo4j.conf");
        assertThat(conf).contains("server.jvm.additional=-XX:+CrashOnOutOfMemoryError")
                .doesNotContain("ExitOnOutOfMemoryError");
    }

    @Test
    void calVerUsesTheRenamedEndpointsAndNoDiscoveryVersion() {
        String conf = only(desired.forCluster(cluster(3, "2026.04.0-enterprise", ""), UID), ConfigMap.class)
                .getData().get("neo4j.conf");
        assertThat(conf).contains("dbms.cluster.endpoints=graph-server-0.graph-headless.ns.svc.cluster.local:6000,")
                .doesNotContain("dbms.cluster.discovery.version", "discovery.v2.endpoints",
                        "server.panic.shutdown_on_panic");
    }

    @Test
    void theClusterDomainReachesEveryAddress() {
        List<HasMetadata> objects = DesiredState.withClusterDomain("corp.example")
                .forCluster(cluster(3, "5.26.0-enterprise", ""), UID);
        assertThat(only(objects, ConfigMap.class).getData().get("neo4j.conf"))
                .contains(".ns.svc.corp.example:6000").doesNotContain("cluster.local");
        assertThat(DesiredYaml.yaml(only(objects, StatefulSet.class))).contains(".ns.svc.corp.example")
                .doesNotContain("cluster.local");
    }

    @Test
    void refusesAnotherKindAndAMissingUid() {
        assertThatThrownBy(() -> desired.forStandalone(cluster(3, "5.26.0-enterprise", ""), UID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Neo4jEnterpriseStandalone");
        assertThatThrownBy(() -> desired.forCluster(cluster(3, "5.26.0-enterprise", ""), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uid");
    }

    @Test
    void everyPathWeMountIsOneCoreReservesSoNoUserMountCanHideIt() {
        StatefulSet sts = only(desired.forCluster(cluster(3, "5.26.0-enterprise",
                "  tls: {mode: cert-manager, issuerRef: {name: ca}}"), UID), StatefulSet.class);
        List<String> paths = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .map(io.fabric8.kubernetes.api.model.VolumeMount::getMountPath).toList();
        assertThat(paths).containsExactly("/data", "/conf", "/logs", "/ssl");
        assertThat(paths).allSatisfy(p -> assertThat(MountPaths.reserved(MountPaths.normalise(p))).isPresent());
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).extracting("name")
                .allSatisfy(n -> assertThat(OperatorVolumes.NAMES).contains((String) n));
    }

    private static String hash(StatefulSet s) {
        return s.getSpec().getTemplate().getMetadata().getAnnotations().get(ManagedLabels.CONFIG_HASH);
    }
}
