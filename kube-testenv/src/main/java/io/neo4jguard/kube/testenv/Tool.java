package io.neo4jguard.kube.testenv;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One binary the cache holds: its file name, the version it must have been built at (the stamp records it), and
 * the build that makes it. Tools that share a {@link Build} are built together, in one {@code go build}, when
 * several of them are missing: on a cold machine the packages they share compile once and the compiler keeps
 * both cores busy while one binary links.
 *
 * <p>To add a tool (another command of an upstream module), add a constant here with a {@link Build} that
 * {@link GoBuild} can run, and ask for it in a {@link KubeBinaries#provide} call.
 */
record Tool(String binary, String version, Build build) {

    /** Builds {@code binaries} (all of this build's tools that are missing) into {@code target}. */
    interface Build {
        void run(GoBuild go, Path target, List<String> binaries);
    }

    /** Commands of k8s.io/kubernetes: one wrapper module, one go build for whichever are missing. */
    static final Build KUBERNETES = GoBuild::buildKubernetes;
    static final Build ETCD_BUILD = (go, target, binaries) -> go.buildEtcd(target);
    static final Build KWOK_BUILD = (go, target, binaries) -> go.buildKwok(target);

    static final Tool KUBE_APISERVER = new Tool("kube-apiserver", Versions.KUBERNETES, KUBERNETES);
    static final Tool KUBECTL = new Tool("kubectl", Versions.KUBERNETES, KUBERNETES);
    static final Tool KUBE_CONTROLLER_MANAGER = new Tool("kube-controller-manager", Versions.KUBERNETES, KUBERNETES);
    static final Tool KUBE_SCHEDULER = new Tool("kube-scheduler", Versions.KUBERNETES, KUBERNETES);
    static final Tool ETCD = new Tool("etcd", Versions.ETCD, ETCD_BUILD);
    static final Tool KWOK = new Tool("kwok", Versions.KWOK, KWOK_BUILD);

    /** What {@link ControlPlane} runs. */
    static final List<Tool> CONTROL_PLANE = List.of(KUBE_APISERVER, ETCD, KUBECTL);
    /** What {@link SimulatedCluster} adds to the control plane. */
    static final List<Tool> CLUSTER = List.of(KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, KWOK);

    /**
     * envtest's per-binary override, {@code TEST_ASSET_KUBE_APISERVER}, extended by the same rule to the tools
     * envtest does not ship ({@code TEST_ASSET_KUBE_CONTROLLER_MANAGER}, {@code TEST_ASSET_KWOK}, ...).
     */
    String assetVariable() {
        return "TEST_ASSET_" + binary.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
