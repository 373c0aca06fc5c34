package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/**
 * JUnit 5 extension: the shared control plane plus a {@link SimulatedCluster} on it (controller manager,
 * scheduler, kwok), one per JVM, stopped when the test run ends and in any case with the JVM (the processes run
 * under the same watchdog as the API server, so even a {@code kill -9} of the test fork takes them along).
 *
 * <pre>{@code
 * @ExtendWith(SimulatedClusterExtension.class)
 * class MyIT {
 *     @Test
 *     void runsAStatefulSet(KubernetesClient client, FakeNodes nodes) {
 *         nodes.ensure(3);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Resolves parameters of type {@link KubernetesClient} (the shared admin client: do not close it),
 * {@link ControlPlane}, {@link SimulatedCluster} and {@link FakeNodes}. Use it instead of
 * {@link KubeApiServerExtension}, not with it: both resolve the client. Classes of one run may mix the two; the
 * first class that needs the cluster starts it on the already running control plane.
 */
public final class SimulatedClusterExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulatedClusterExtension.class);
    private static final Set<Class<?>> TYPES =
            Set.of(KubernetesClient.class, ControlPlane.class, SimulatedCluster.class, FakeNodes.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SimulatedCluster.shared();
        // Root-context resources are closed once, after the last class of the run. The control plane's entry
        // is registered too, in case no class used KubeApiServerExtension.
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        root.getOrComputeIfAbsent("control-plane", k -> (ExtensionContext.Store.CloseableResource) ControlPlane::stopShared);
        root.getOrComputeIfAbsent("cluster", k -> (ExtensionContext.Store.CloseableResource) SimulatedCluster::stopShared);
    }

    /**
     * A test that failed (typically timed out waiting for pods) while one of the cluster's processes had died
     * gets that process's exit report attached, instead of leaving the reader to guess from a timeout.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        context.getExecutionException().ifPresent(failure -> {
            try {
                SimulatedCluster.shared().ensureRunning();
            } catch (KubeTestEnvException down) {
                failure.addSuppressed(new IllegalStateException(down.getMessage()));
            }
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SimulatedCluster cluster = SimulatedCluster.shared();
        Class<?> type = parameter.getParameter().getType();
        if (type == SimulatedCluster.class) {
            return cluster;
        }
        if (type == FakeNodes.class) {
            return cluster.nodes();
        }
        if (type == ControlPlane.class) {
            return cluster.controlPlane();
        }
        return cluster.client();
    }
}
