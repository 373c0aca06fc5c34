package io.neo4jguard.webhook.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.WebhookRegistration;
import io.neo4jguard.webhook.ServerConfig;
import io.neo4jguard.webhook.WebhookServer;
import io.neo4jguard.webhook.observe.JsonLog;
import io.neo4jguard.kube.resolve.ApiServerResolver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Our webhook server as {@code serve} builds it (standard validator, cross-object lookups against the API
 * server) on an ephemeral loopback port, with the CRDs installed and the webhooks registered in the shared
 * control plane. Nothing is logged to the console: the decision log goes nowhere.
 */
final class GuardedApiServer implements AutoCloseable {
    /** The API server's webhook informer usually reacts in well under a second; 30 s is for a loaded machine. */
    static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    final ControlPlane plane;
    final KubernetesClient client;
    final WebhookServer server;
    final ApiServerResolver resolver;
    final WebhookRegistration hooks;

    private GuardedApiServer(ControlPlane plane, KubernetesClient client, Path certDir) throws IOException {
        this.plane = plane;
        this.client = client;
        Crds.install(client);
        CertDir.ensure(certDir, CertRequest.loopback(), Clock.systemUTC());
        // The resolver gets its own client: it closes it, and the extension's client is shared.
        this.resolver = new ApiServerResolver(plane::newClient);
        this.server = WebhookServer.start(ServerConfig.create(certDir).bind("127.0.0.1").port(0).metricsPort(-1)
                .validator(Validator.standard()).resolvers(resolver).shutdownDelay(Duration.ZERO)
                .log(new JsonLog(line -> { })));
        this.hooks = WebhookRegistration.to(URI.create("https://127.0.0.1:" + server.port()),
                Files.readString(certDir.resolve(CertDir.CA_CERT)));
    }

    static GuardedApiServer start(ControlPlane plane, KubernetesClient client, Path certDir) throws IOException {
        return new GuardedApiServer(plane, client, certDir);
    }

    /**
     * A fresh namespace: the control plane is shared by the whole run and has no controller manager, so
     * namespaces are never really deleted; unique names keep classes from seeing each other's objects.
     */
    String namespace(String prefix) {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + NAMESPACES.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }

    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            clusters() {
        return clusters(client);
    }

    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            clusters(KubernetesClient client) {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(Kinds.GROUP)
                .withVersion(Kinds.VERSION).withKind(Kinds.CLUSTER).withPlural("neo4jenterpriseclusters")
                .withNamespaced(true).build());
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not after " + PROPAGATION.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        WebhookRegistration.unregister(client);
        server.close();
        resolver.close();
    }
}
