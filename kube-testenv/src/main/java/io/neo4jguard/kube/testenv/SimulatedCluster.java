package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster without kubelets on a {@link ControlPlane}: kube-controller-manager runs the workload controllers,
 * kube-scheduler binds pods to nodes, and kwok plays the kubelet of every node labelled {@code type=kwok}
 * (see {@link FakeNodes}): nodes turn Ready, bound pods Running and Ready with a loopback IP, a Job's pods
 * Succeeded, deleted pods disappear. No container ever runs and nothing listens on a pod IP.
 *
 * <p>Tests normally get the one shared instance, on the shared control plane, through
 * {@link SimulatedClusterExtension}. A fault test that restarts the API server starts its own:
 * {@code SimulatedCluster.start(ControlPlane.start(KubeBinaries.resolve(), dir))}, closing both at the end.
 *
 * <h2>Flags, and why</h2>
 * kube-controller-manager:
 * <ul>
 *   <li>{@code --controllers=}{@value #CONTROLLERS}: what the reconciler's objects need to behave as in a cluster:
 *       StatefulSets create pods and PVCs and roll them; Jobs complete; CronJobs create Jobs; owner references
 *       are garbage-collected; PodDisruptionBudgets get a status; finished Jobs expire (TTL);
 *       {@code pvc-protection} removes the in-use finalizer the API server's admission puts on every PVC, so a
 *       PVC a test deletes (or a StatefulSet's {@code whenScaled: Delete} policy deletes) really goes once no
 *       pod uses it. Not run: the namespace controller (namespaces stay Terminating, as on the bare control
 *       plane, so other tests of the run see no change), node lifecycle (kwok sends no heartbeats, so it would
 *       taint every node), service accounts and tokens (ServiceAccount admission is off).</li>
 *   <li>{@code --leader-elect=false}: one instance; no Lease writes every two seconds.</li>
 *   <li>{@code --secure-port=0}: no HTTPS health/metrics endpoint, hence no listening socket and no delegated
 *       authentication set-up. Liveness is the process itself ({@link #ensureRunning()}).</li>
 *   <li>{@code --use-service-account-credentials=false}: every controller uses the kubeconfig's admin token
 *       rather than a token per controller (the token controller does not run).</li>
 *   <li>{@code --kube-api-qps=100 --kube-api-burst=200}: the default 20/30 protect a production API server from
 *       one client; here they would make a scale test of hundreds of pods measure the controller manager's
 *       throttle rather than the reconciler. A burst of 200 equals the API server's default
 *       {@code --max-mutating-requests-inflight}, so the controller manager alone cannot get writes refused
 *       with 429.</li>
 * </ul>
 * kube-scheduler: {@code --config} with leader election off and the plugins {@code VolumeBinding} and
 * {@code VolumeZone} disabled: no PersistentVolume controller or provisioner runs, so the StatefulSets' PVCs stay
 * Pending, and each of the two refuses a pod whose claim is unbound (VolumeZone as "PersistentVolumeClaim had
 * no pv name and storageClass name" when the claim names no class, as found when this bed was first run);
 * without PersistentVolumes there is no volume topology to respect. Flags such as {@code --leader-elect} are
 * ignored once {@code --config} is given. And {@code --secure-port=0}.
 * <br>kwok: {@code --manage-nodes-with-label-selector=type=kwok} (only {@link FakeNodes}' nodes),
 * {@code --cidr=}{@value #POD_CIDR} (pod IPs for a node without {@code spec.podCIDR}) and
 * {@code --node-ip=127.0.0.1}: every address a pod or node reports is on loopback, so a connection to one, by
 * mistake or by a probe, stays on this machine. Tests must never dial private-range or public addresses.
 * {@code --config} is the stages file {@code kwok-stages.yaml} next to this class, written into the run
 * directory; {@code HOME} is the run directory so a developer's {@code ~/.kwok/kwok.yaml} is not loaded. No
 * {@code --server-address}: kwok then serves nothing (no logs/exec endpoint).
 *
 * <p>Logs: {@code kube-controller-manager.log}, {@code kube-scheduler.log}, {@code kwok.log} in
 * {@link #runDirectory()}, inside the control plane's run directory.
 */
public final class SimulatedCluster implements PerJvm.Processes {
    static final String CONTROLLERS =
            "statefulset,job,cronjob,garbagecollector,disruption,ttl-after-finished,pvc-protection";
    /** 127.1.0.0/24: loopback (all of 127/8 is), apart from the 127.0.0.x addresses servers bind in tests. */
    static final String POD_CIDR = "127.1.0.0/24";
    static final String NODE_IP = "127.0.0.1";
    private static final String STAGES = "kwok-stages.yaml";

    private static final PerJvm<SimulatedCluster> SHARED =
            new PerJvm<>("kube-testenv-cluster", SimulatedCluster::startShared);

    private final ControlPlane plane;
    private final Path runDir;
    private final List<Supervised> processes;
    private final FakeNodes nodes;
    private volatile boolean closed;

    private SimulatedCluster(ControlPlane plane, Path runDir, List<Supervised> processes) {
        this.plane = plane;
        this.runDir = runDir;
        this.processes = List.copyOf(processes);
        this.nodes = new FakeNodes(plane.client());
    }

    /**
     * The simulated cluster of this JVM, on {@link ControlPlane#shared()}, started on the first call and stopped
     * with the JVM. On a machine without the binaries, the first call builds every missing one at once (the
     * Kubernetes commands in one {@code go build}); a failure is remembered like the control plane's.
     */
    public static SimulatedCluster shared() {
        return SHARED.get();
    }

    /** Stops the shared cluster if one runs (the extension calls this when the test run ends). */
    static void stopShared() {
        SHARED.stop();
    }

    private static SimulatedCluster startShared() {
        List<Tool> all = new ArrayList<>(Tool.CONTROL_PLANE);
        all.addAll(Tool.CLUSTER);
        KubeBinaries.provide(all);
        return start(ControlPlane.shared());
    }

    /**
     * Starts the controller manager, the scheduler and kwok against {@code plane} (building them first if
     * needed). Their files go to {@code <plane's run directory>/cluster-<n>/}.
     */
    public static SimulatedCluster start(ControlPlane plane) {
        plane.ensureRunning();
        Map<Tool, Path> bin = KubeBinaries.provide(Tool.CLUSTER);
        Path runDir = freshRunDir(plane.runDirectory());
        List<Supervised> started = new ArrayList<>();
        long start = System.nanoTime();
        try {
            Path kubeconfig = plane.kubeconfig();
            started.add(Supervised.start("kube-controller-manager",
                    controllerManagerArgs(bin.get(Tool.KUBE_CONTROLLER_MANAGER), kubeconfig), runDir,
                    runDir.resolve("kube-controller-manager.log")));
            Path schedulerConfig = Files.writeString(runDir.resolve("kube-scheduler.yaml"), schedulerConfig(kubeconfig));
            started.add(Supervised.start("kube-scheduler", List.of(bin.get(Tool.KUBE_SCHEDULER).toString(),
                    "--config=" + schedulerConfig, "--secure-port=0"), runDir, runDir.resolve("kube-scheduler.log")));
            Path stages = runDir.resolve(STAGES);
            try (InputStream in = SimulatedCluster.class.getResourceAsStream(STAGES)) {
                if (in == null) {
                    throw new KubeTestEnvException(STAGES + " is missing from the kube-testenv jar");
                }
                Files.copy(in, stages);
            }
            started.add(Supervised.start("kwok", kwokArgs(bin.get(Tool.KWOK), kubeconfig, stages), runDir,
                    runDir.resolve("kwok.log"), Map.of("HOME", runDir.toString())));
            SimulatedCluster cluster = new SimulatedCluster(plane, runDir, started);
            cluster.ensureRunning();
            Progress.log("simulated cluster (kube-controller-manager, kube-scheduler, kwok) started in "
                    + Progress.seconds(System.nanoTime() - start) + "; logs in " + runDir);
            return cluster;
        } catch (IOException | RuntimeException e) {
            started.forEach(Supervised::stop);
            if (e instanceof KubeTestEnvException k) {
                throw k;
            }
            throw new KubeTestEnvException("cannot start the simulated cluster: " + e.getMessage());
        }
    }

    static List<String> controllerManagerArgs(Path binary, Path kubeconfig) {
        return List.of(binary.toString(), "--kubeconfig=" + kubeconfig, "--controllers=" + CONTROLLERS,
                "--leader-elect=false", "--secure-port=0", "--use-service-account-credentials=false",
                "--kube-api-qps=100", "--kube-api-burst=200");
    }

    static String schedulerConfig(Path kubeconfig) {
        return "apiVersion: kubescheduler.config.k8s.io/v1\n"
                + "kind: KubeSchedulerConfiguration\n"
                + "clientConnection:\n"
                + "  kubeconfig: \"" + kubeconfig + "\"\n"
                + "leaderElection:\n"
                + "  leaderElect: false\n"
                + "profiles:\n"
                + "- schedulerName: default-scheduler\n"
                + "  plugins:\n"
                + "    multiPoint:\n"
                + "      disabled:\n"
                + "      - name: VolumeBinding\n"
                + "      - name: VolumeZone\n";
    }

    static List<String> kwokArgs(Path binary, Path kubeconfig, Path stages) {
        return List.of(binary.toString(), "--kubeconfig=" + kubeconfig, "--config=" + stages,
                "--manage-all-nodes=false", "--manage-nodes-with-label-selector=" + FakeNodes.SELECTOR,
                "--cidr=" + POD_CIDR, "--node-ip=" + NODE_IP);
    }

    private static Path freshRunDir(Path planeDir) {
        for (int n = 1; ; n++) {
            Path dir = planeDir.resolve("cluster-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // A cluster started earlier on the same control plane keeps its logs; take the next number.
            } catch (IOException e) {
                throw new KubeTestEnvException("cannot create " + dir + ": " + e.getMessage());
            }
        }
    }

    public ControlPlane controlPlane() {
        return plane;
    }

    /** The control plane's shared admin client: do not close it. */
    public KubernetesClient client() {
        return plane.client();
    }

    /** Creates the fake nodes pods are scheduled to. */
    public FakeNodes nodes() {
        return nodes;
    }

    /** Where this cluster's logs are. */
    public Path runDirectory() {
        return runDir;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Fails with the exit report of whichever process of the cluster or its control plane has died. */
    @Override
    public void ensureRunning() {
        if (closed) {
            throw new KubeTestEnvException("the simulated cluster was stopped");
        }
        plane.ensureRunning();
        Supervised.ensureAlive("the simulated cluster", processes);
    }

    /** Stops kwok, the scheduler and the controller manager (not the control plane); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
    }
}
