/**
 * A real kube-apiserver and etcd on loopback for integration tests ({@code *IT}, run by failsafe in
 * {@code ./mvnw verify}), and on it, when a test asks, a cluster without kubelets: kube-controller-manager,
 * kube-scheduler and kwok faking nodes and pods. The module's README has the full story (binaries, flags,
 * stages, build times). Add the module in test scope:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.neo4jguard</groupId>
 *   <artifactId>kube-testenv</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link io.neo4jguard.kube.testenv.KubeApiServerExtension}: {@code @ExtendWith} it; resolves
 *       {@code KubernetesClient} and {@link io.neo4jguard.kube.testenv.ControlPlane} parameters. One control
 *       plane per JVM, shared by all classes, stopped at the end of the run (and with the JVM, even on
 *       {@code kill -9}).</li>
 *   <li>{@link io.neo4jguard.kube.testenv.ControlPlane}: the admin client, the URL, the API server's CA, a
 *       kubeconfig and {@link io.neo4jguard.kube.testenv.Kubectl} of the same release.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.SimulatedClusterExtension}: the same, plus the
 *       {@link io.neo4jguard.kube.testenv.SimulatedCluster} on the shared control plane; also resolves
 *       {@code SimulatedCluster} and {@link io.neo4jguard.kube.testenv.FakeNodes} parameters. Use one of the two
 *       extensions per class.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.SimulatedCluster}: the controller manager (statefulset, job, cronjob,
 *       garbagecollector, disruption, ttl-after-finished, pvc-protection), the scheduler and kwok;
 *       {@code SimulatedCluster.start(plane)} runs one on a control plane of the test's own.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.FakeNodes}: {@code ensure(n)} nodes {@code kwok-node-0..n-1}
 *       (labels {@code type=kwok}, {@code kubernetes.io/hostname}, {@code topology.kubernetes.io/zone}
 *       zone-a/b/c, allocatable 256 cpu / 1Ti / 110 pods, a loopback pod CIDR each), Ready.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.ApiRequestCounts}: requests the API server served, by verb, group,
 *       resource and subresource, from {@code /metrics}; {@code since(before)} for "a resync writes nothing".</li>
 *   <li>{@link io.neo4jguard.kube.testenv.ControlPlane#restartApiServer()}: kill and restart the API server on
 *       the same port with its data, for reconnect tests on a control plane of the test's own
 *       ({@code ControlPlane.start(KubeBinaries.resolve(), dir)}).</li>
 *   <li>{@link io.neo4jguard.kube.testenv.Crds}: installs {@code charts/neo4j-guard/crds} and waits until they
 *       are Established.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.WebhookRegistration}: registers neo4j-guard's validating and
 *       mutating webhooks with {@code clientConfig.url https://127.0.0.1:<port>/validate|/mutate}.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.KubeBinaries}: where the binaries come from; its {@code main} warms
 *       the cache ({@code main cluster}: the simulated cluster's binaries too).</li>
 *   <li>{@link io.neo4jguard.kube.testenv.Helm}: helm v4 from the same cache (built from Go modules on first
 *       use), for chart tests.</li>
 *   <li>{@link io.neo4jguard.kube.testenv.KubeTestEnvException}: provisioning or start failed; the message
 *       says what to do, without a stack trace.</li>
 * </ul>
 * Everything else in the package is internal (package-private).
 *
 * <h2>Binaries</h2>
 * kube-apiserver 1.34 and etcd 3.6 (pinned in {@code Versions}) come from {@code KUBEBUILDER_ASSETS} when set,
 * else from {@code ~/.cache/neo4j-guard/kube/<version>-<os>-<arch>/}, else they are built there from the Go
 * module proxy with the local Go (1.26+); kube-controller-manager and kube-scheduler 1.34 and kwok 0.8 the same
 * way, into the same directory, the first time a test needs the simulated cluster ({@code TEST_ASSET_<NAME>}
 * or a {@code KUBEBUILDER_ASSETS} directory holding them overrides). Nothing from Kubernetes, etcd or kwok is
 * in the repository. Without Go and
 * without {@code KUBEBUILDER_ASSETS} every test using the extension fails with one line naming what to install.
 *
 * <h2>Why provisioning runs inside the extension</h2>
 * The first test that needs the control plane builds what is missing; there is no Maven step. Only the
 * extension knows whether a run needs the binaries at all ({@code -Dit.test=...} selecting none,
 * {@code -DskipITs}, a unit-test-only build never pays for them); the same code serves Maven, an IDE and any
 * module that adds the dependency, without copying plugin configuration into each pom or depending on a
 * shell; and a failure surfaces as the failing test with its one-line reason. The cost, a cold build of 12 to
 * 14 minutes (2 busy cores) inside the first test, is logged as it runs ({@code [kube-testenv]} lines every
 * minute). A CI job that wants the build as a separate step can run {@code KubeBinaries.main} first.
 *
 * <h2>Why our own launcher rather than fabric8 kube-api-test</h2>
 * kube-api-test (offline mode) would take the same directory layout, but it starts one API server per test
 * class rather than per run, starts etcd on {@code 0.0.0.0} and the API server on all interfaces (so it needs a
 * default route), uses its binary directory as the certificate directory, and needs kubectl for its readiness
 * check. The launcher here is a few hundred lines with none of those constraints.
 */
package io.neo4jguard.kube.testenv;
