package io.neo4jguard.kube.testenv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.neo4jguard.certs.CertificateAuthority;
import io.neo4jguard.certs.Pem;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The registration helper against the real API server, before any webhook server exists: the configurations
 * are accepted, and the API server really calls the URL, which we see because nothing listens there. With
 * failurePolicy Fail our kinds are refused and nothing else is affected; DELETE and status writes are not
 * sent; with Ignore the objects pass.
 */
@ExtendWith(KubeApiServerExtension.class)
class WebhookRegistrationIT {
    /** The API server's webhook informer usually reacts in well under a second; 30 s is for a loaded machine. */
    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static String ns;
    private static WebhookRegistration hooks;

    @BeforeAll
    static void setUp(KubernetesClient client) {
        Crds.install(client);
        ns = TestNamespaces.create(client, "webhooks");
        String ca = Pem.write(CertificateAuthority.create("webhook test CA", Duration.ofDays(1), Clock.systemUTC())
                .certificate());
        // A port nobody listens on: every call the API server makes fails with "connection refused".
        hooks = WebhookRegistration.to(URI.create("https://127.0.0.1:" + FreePort.next()), ca);
    }

    /** Each test starts, and the class ends, with no webhook registered: the control plane is shared. */
    @BeforeEach
    void startClean(KubernetesClient client) {
        unregister(client);
    }

    @AfterAll
    static void unregister(KubernetesClient client) {
        WebhookRegistration.unregister(client);
        await("webhooks gone", () -> creates(client, "without-webhooks"));
    }

    @Test
    void withTheWebhookDownOurKindsFailClosedAndNothingElseIsAffected(KubernetesClient client, ControlPlane plane)
            throws Exception {
        GenericKubernetesResource existing = clusters(client).resource(cluster("existing")).create();
        hooks.register(client);
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations()
                .withName(WebhookRegistration.VALIDATING_NAME).get().getWebhooks().get(0).getClientConfig().getUrl())
                .endsWith("/validate");
        await("validating webhook active", () -> !creates(client, "probe"));

        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> clusters(client).resource(cluster("refused")).create());
        assertThat(refused.getMessage()).contains("failed calling webhook \"validate.neo4j-guard.io\"")
                .contains("127.0.0.1");
        Kubectl.Result kubectl = plane.kubectl().runWithInput(Samples.json().writeValueAsString(cluster("by-kubectl")),
                "create", "-n", ns, "-f", "-");
        assertThat(kubectl.ok()).isFalse();
        assertThat(kubectl.stderr()).contains("failed calling webhook \"validate.neo4j-guard.io\"");

        // Other resources never go to our webhooks.
        assertThat(client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("unaffected").endMetadata().addToData("k", "v").build()).create()).isNotNull();
        // Status writes are not sent (the rules name main resources only) ...
        existing.getAdditionalProperties().put("status", Map.of("phase", "Ready"));
        assertThat(clusters(client).resource(existing).updateStatus().getAdditionalProperties()).containsKey("status");
        // ... nor DELETE (operations CREATE and UPDATE).
        assertThat(clusters(client).withName("existing").delete()).isNotEmpty();
    }

    @Test
    void withFailurePolicyIgnoreTheObjectPassesAndTheFailureIsCounted(KubernetesClient client) {
        hooks.register(client);
        await("failurePolicy Fail in force", () -> !creates(client, "probe"));
        double before = failOpenCount(client);
        hooks.validatingFailurePolicy("Ignore").register(client);
        await("failurePolicy Ignore in force", () -> creates(client, "ignored"));
        // The call was made and failed; the API server let the object through and counted it.
        assertThat(failOpenCount(client)).isGreaterThan(before);
        assertThat(clusters(client).withName("ignored").get()).isNotNull();
    }

    /** apiserver_admission_webhook_fail_open_count of our validating webhook, from the API server's /metrics. */
    private static double failOpenCount(KubernetesClient client) {
        return client.raw("/metrics").lines()
                .filter(l -> l.startsWith("apiserver_admission_webhook_fail_open_count{")
                        && l.contains("name=\"validate.neo4j-guard.io\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static boolean creates(KubernetesClient client, String name) {
        try {
            clusters(client).resource(cluster(name)).createOr(r -> r.update());
            return true;
        } catch (KubernetesClientException e) {
            if (!String.valueOf(e.getMessage()).contains("failed calling webhook")) {
                throw e;
            }
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) {
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

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> clusters(KubernetesClient client) {
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup(Kinds.GROUP)
                .withVersion(Kinds.VERSION).withKind(Kinds.CLUSTER).withPlural("neo4jenterpriseclusters")
                .withNamespaced(true).build();
        return client.genericKubernetesResources(ctx).inNamespace(ns);
    }

    private static GenericKubernetesResource cluster(String name) {
        ObjectNode o = Samples.byKind().get(Kinds.CLUSTER);
        ((ObjectNode) o.get("metadata")).put("name", name);
        return Samples.json().convertValue(o, GenericKubernetesResource.class);
    }
}
