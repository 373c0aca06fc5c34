package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one real control plane for the whole test run, shared by every class that uses it, and
 * its admin client as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(KubeApiServerExtension.class)
 * class MyIT {
 *     @Test
 *     void createsACluster(KubernetesClient client, ControlPlane plane) { ... }
 * }
 * }</pre>
 *
 * Parameters of type {@link KubernetesClient} (the shared admin client: do not close it) and
 * {@link ControlPlane} are resolved in constructors, {@code @BeforeAll}/{@code @BeforeEach} and test methods.
 * The first class to run starts the control plane (building the binaries first if this machine has none:
 * see {@link KubeBinaries}); it stops when the test run ends, and in any case with the JVM.
 */
public final class KubeApiServerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KubeApiServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ControlPlane.shared();
        // Stored in the root context, which JUnit closes once after the last class of the run.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("control-plane",
                k -> (ExtensionContext.Store.CloseableResource) ControlPlane::stopShared);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KubernetesClient.class || type == ControlPlane.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ControlPlane plane = ControlPlane.shared();
        return parameter.getParameter().getType() == ControlPlane.class ? plane : plane.client();
    }
}
