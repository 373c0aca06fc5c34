package io.neo4jguard.webhook.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code neo4j-guard playground} in a child JVM, as a user runs it: it prints the kubeconfig and the tries,
 * the tries answer as printed (the good cluster stored with defaults, the bad one refused with its reason, the
 * reconciler making the good cluster a StatefulSet and the scheduled backup a CronJob), and a signal (SIGTERM;
 * Ctrl-C's SIGINT runs the same shutdown hook) ends it with every process it started gone.
 */
class PlaygroundIT {
    /** Starting etcd and the API server is about 10 s on a quiet machine (ControlPlane); this is for a busy one. */
    private static final long START_MINUTES = 5;
    private static final ResourceDefinitionContext CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup("neo4j.neo4j.com").withVersion("v1beta1").withPlural("neo4jenterpriseclusters")
            .withKind("Neo4jEnterpriseCluster").withNamespaced(true).build();
    private static final ResourceDefinitionContext BACKUPS = new ResourceDefinitionContext.Builder()
            .withGroup("neo4j.neo4j.com").withVersion("v1beta1").withPlural("neo4jbackups")
            .withKind("Neo4jBackup").withNamespaced(true).build();
    /**
     * The reconciler starts after its informers' first lists and writes within a few API round trips; a minute
     * leaves room for a machine shared with builds.
     */
    private static final long RECONCILE_MINUTES = 1;

    @TempDir
    Path dir;

    @Test
    void triesAnswerAndASignalLeavesNothingRunning() throws Exception {
        // The CRDs are found above the working directory: run where the repository is, keep files in dir.
        Path log = dir.resolve("playground.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.neo4jguard.webhook.Main", "playground")
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        BufferedReader output = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String kubeconfig = awaitReady(output, lines);
            // From here on the output is read all the time: unread, the pipe (64 KiB) fills with the
            // components' log lines and the playground would block on a write, and could then not stop.
            Thread drain = new Thread(() -> output.lines().forEach(lines::add), "playground-output");
            drain.setDaemon(true);
            drain.start();
            List<ProcessHandle> started = p.descendants().toList();
            assertThat(started).as("etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok")
                    .hasSizeGreaterThanOrEqualTo(5);

            Config config = Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                assertThat(client.nodes().list().getItems()).as("fake nodes").hasSize(PlaygroundCommand.NODES);
                GenericKubernetesResource good = client.genericKubernetesResources(CLUSTERS).inNamespace("default")
                        .resource(sample(lines, "good-cluster.yaml")).create();
                Map<String, Object> cfg = good.get("spec", "config");
                assertThat(cfg).as("defaults added by the mutating webhook")
                        .containsKeys("server.memory.heap.max_size", "server.memory.pagecache.size");

                assertThatThrownBy(() -> client.genericKubernetesResources(CLUSTERS).inNamespace("default")
                        .resource(sample(lines, "bad-cluster.yaml")).create())
                        .isInstanceOf(KubernetesClientException.class)
                        .hasMessageContaining("memory.kubernetes-unit");

                GenericKubernetesResource backup = sample(lines, "nightly-backup.yaml");
                client.genericKubernetesResources(BACKUPS).inNamespace("default").resource(backup).create();
                Map<String, Object> backupSpec = backup.get("spec");
                CronJob cron = await("the CronJob of the scheduled backup", () -> client.batch().v1().cronjobs()
                        .inNamespace("default").withName(backup.getMetadata().getName() + "-backup-cron").get());
                assertThat(cron.getSpec().getSchedule()).isEqualTo(backupSpec.get("schedule"));
                StatefulSet servers = await("the good cluster's StatefulSet", () -> client.apps().statefulSets()
                        .inNamespace("default").withName(good.getMetadata().getName() + "-server").get());
                Map<String, Object> topology = good.get("spec", "topology");
                assertThat(servers.getSpec().getReplicas()).isEqualTo(topology.get("servers"));
                await("the servers Ready on the fake nodes", () -> {
                    StatefulSet s = client.apps().statefulSets().inNamespace("default")
                            .withName(servers.getMetadata().getName()).get();
                    Integer ready = s.getStatus() == null ? null : s.getStatus().getReadyReplicas();
                    return topology.get("servers").equals(ready) ? ready : null;
                });
                // Issue 10's end to end through both doors: the webhooks defaulted the cluster (above), the
                // reconciler owns what it applied, and the real scheduler spread the servers over distinct nodes
                // (the placement default: preferred hostname anti-affinity).
                assertThat(servers.getMetadata().getOwnerReferences()).extracting(o -> o.getUid())
                        .containsExactly(good.getMetadata().getUid());
                assertThat(client.pods().inNamespace("default").withLabels(servers.getSpec().getSelector()
                        .getMatchLabels()).list().getItems()).extracting(pod -> pod.getSpec().getNodeName())
                        .hasSize((Integer) topology.get("servers")).doesNotHaveDuplicates();
            }

            // SIGTERM, the other signal that runs the JVM's shutdown hooks (the playground's one way to stop, the same
            // as Ctrl-C's SIGINT). Not SIGINT: a build started in the background of a non-interactive shell, as CI may
            // start it, passes SIGINT down as ignored, and a JVM leaves an ignored SIGINT ignored. A cold build run so
            // failed here every time (no exit within 2 minutes).
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the playground stops on SIGTERM").isTrue();
            for (ProcessHandle h : started) {
                h.onExit().get(30, TimeUnit.SECONDS); // fails if a child outlives the playground
                assertThat(h.isAlive()).as(h.info().command().orElse("pid " + h.pid())).isFalse();
            }
            drain.join(TimeUnit.SECONDS.toMillis(30)); // the pipe's end: the playground and its children are gone
            assertThat(lines).contains("neo4j-guard playground: stopped");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.write(log, lines);
        }
    }

    /** Polls until {@code get} returns an object, or fails after {@link #RECONCILE_MINUTES}. */
    private static <T> T await(String what, Supplier<T> get) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RECONCILE_MINUTES);
        while (System.nanoTime() < deadline) {
            T found = get.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(500); // a few API reads a second is nothing for the playground's API server
        }
        throw new AssertionError(what + " did not appear within " + RECONCILE_MINUTES + " minute(s)");
    }

    /** Reads the output until the ready line; returns the kubeconfig path it printed. */
    private static String awaitReady(BufferedReader r, List<String> lines) throws Exception {
        Pattern export = Pattern.compile("^\\s*export KUBECONFIG=(\\S+)$");
        String kubeconfig = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(START_MINUTES);
        String line;
        while ((line = r.readLine()) != null) {
            lines.add(line);
            Matcher m = export.matcher(line);
            if (m.matches()) {
                kubeconfig = m.group(1);
            }
            if (line.equals(PlaygroundCommand.READY)) {
                assertThat(kubeconfig).as("printed before ready: %s", lines).isNotNull();
                return kubeconfig;
            }
            assertThat(System.nanoTime()).as("ready within %d minutes: %s", START_MINUTES, lines)
                    .isLessThan(deadline);
        }
        throw new AssertionError("the playground ended before it was ready: " + lines);
    }

    /** The sample file the playground printed a path to (the tries use exactly those files). */
    private static GenericKubernetesResource sample(List<String> lines, String name) throws Exception {
        String apply = "kubectl apply -f ";
        String path = lines.stream().map(String::strip).filter(l -> l.startsWith(apply) && l.endsWith(name))
                .map(l -> l.substring(apply.length())).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return Serialization.unmarshal(in, GenericKubernetesResource.class);
        }
    }
}
