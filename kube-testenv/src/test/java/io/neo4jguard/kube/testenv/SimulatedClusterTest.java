package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.Node;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags, configuration and stages the simulated cluster starts with, without starting it. */
class SimulatedClusterTest {
    private static final Path KUBECONFIG = Path.of("/run/secrets/kubeconfig");

    @Test
    void controllerManagerRunsTheWorkloadControllersWithoutServingOrLeaderElection() {
        List<String> args = SimulatedCluster.controllerManagerArgs(Path.of("/bin/kcm"), KUBECONFIG);
        assertThat(args).startsWith("/bin/kcm").contains("--kubeconfig=" + KUBECONFIG, "--leader-elect=false",
                "--secure-port=0", "--use-service-account-credentials=false");
        String controllers = args.stream().filter(a -> a.startsWith("--controllers=")).findFirst().orElseThrow();
        assertThat(controllers.substring("--controllers=".length()).split(",")).contains("statefulset", "job",
                "cronjob", "garbagecollector", "disruption", "ttl-after-finished").doesNotContain("*", "namespace",
                "nodelifecycle");
    }

    @Test
    void schedulerConfigDisablesTheVolumePluginsAndLeaderElection() {
        Map<String, Object> config = load(SimulatedCluster.schedulerConfig(KUBECONFIG)).get(0);
        assertThat(config).containsEntry("kind", "KubeSchedulerConfiguration")
                .containsEntry("leaderElection", Map.of("leaderElect", false))
                .containsEntry("clientConnection", Map.of("kubeconfig", KUBECONFIG.toString()));
        assertThat(config.get("profiles").toString()).contains("disabled=[{name=VolumeBinding}, {name=VolumeZone}]");
    }

    @Test
    void kwokManagesOnlyLabelledNodesAndHandsOutLoopbackAddresses() {
        List<String> args = SimulatedCluster.kwokArgs(Path.of("/bin/kwok"), KUBECONFIG, Path.of("/run/stages.yaml"));
        assertThat(args).contains("--manage-all-nodes=false", "--manage-nodes-with-label-selector=type=kwok",
                "--cidr=127.1.0.0/24", "--node-ip=127.0.0.1", "--config=/run/stages.yaml")
                .noneMatch(a -> a.startsWith("--server-address") || a.startsWith("--node-port"));
    }

    @Test
    void theStagesFileHasTheLifecycleTheTestsRelyOn() throws IOException {
        List<Map<String, Object>> stages;
        try (InputStream in = SimulatedCluster.class.getResourceAsStream("kwok-stages.yaml")) {
            assertThat(in).isNotNull();
            stages = load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(stages).allSatisfy(s -> assertThat(s).containsEntry("kind", "Stage")
                .containsEntry("apiVersion", "kwok.x-k8s.io/v1alpha1"));
        assertThat(stages).extracting(s -> (Object) ((Map<?, ?>) s.get("metadata")).get("name"))
                .containsExactly("node-initialize", "pod-ready", "pod-complete", "pod-fail", "pod-delete");
        assertThat(stages.get(2).toString()).contains("phase: Succeeded").contains("exitCode: 0");
        assertThat(stages.get(3).toString()).contains("phase: Failed").contains("kube-testenv.neo4j-guard.io/outcome=failed");
    }

    @Test
    void fakeNodesCarryTheLabelsKwokAndTheSchedulerUse() {
        Node n = FakeNodes.node("kwok-node-4", "zone-b", "127.1.5.0/24", FakeNodes.Capacity.DEFAULT);
        assertThat(n.getMetadata().getLabels()).containsEntry("type", "kwok")
                .containsEntry("kubernetes.io/hostname", "kwok-node-4")
                .containsEntry("topology.kubernetes.io/zone", "zone-b");
        assertThat(n.getSpec().getPodCIDR()).isEqualTo("127.1.5.0/24");
        assertThat(n.getStatus().getAllocatable()).containsOnlyKeys("cpu", "memory", "pods");
        assertThat(n.getStatus().getAllocatable().get("pods").getAmount()).isEqualTo("110");
        assertThat(FakeNodes.node("custom", "zone-a", null, FakeNodes.Capacity.DEFAULT).getSpec().getPodCIDRs()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(o -> out.add((Map<String, Object>) o));
        return out;
    }
}
