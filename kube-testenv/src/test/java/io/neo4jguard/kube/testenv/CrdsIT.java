package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated CRDs in a real API server: accepted, Established, discoverable, explained. */
@ExtendWith(KubeApiServerExtension.class)
class CrdsIT {
    private static List<CustomResourceDefinition> installed;

    @BeforeAll
    static void install(KubernetesClient client) {
        installed = Crds.install(client);
    }

    @Test
    void allTenAreAcceptedAndEstablished() {
        assertThat(installed).hasSize(10).allMatch(Crds::isEstablished);
        assertThat(installed).extracting(c -> c.getSpec().getNames().getKind())
                .containsExactlyInAnyOrderElementsOf(Kinds.ALL);
        // NamesAccepted too: no clash of plural, singular or short names with anything the server knows.
        assertThat(installed).allMatch(c -> c.getStatus().getConditions().stream()
                .anyMatch(k -> "NamesAccepted".equals(k.getType()) && "True".equals(k.getStatus())));
    }

    @Test
    void installingAgainIsHarmless(KubernetesClient client) {
        assertThat(Crds.install(client)).hasSize(10).allMatch(Crds::isEstablished);
    }

    @Test
    void discoveryListsEveryKindWithShortNamesCategoryAndStatus(KubernetesClient client) {
        APIResourceList list = client.getApiResources(Kinds.API_VERSION);
        Map<String, APIResource> byName = list.getResources().stream()
                .collect(Collectors.toMap(APIResource::getName, r -> r));
        for (String plural : WebhookRegistration.resources()) {
            APIResource r = byName.get(plural);
            assertThat(r).as(plural).isNotNull();
            assertThat(r.getNamespaced()).isTrue();
            assertThat(r.getCategories()).containsExactly("neo4j");
            assertThat(r.getShortNames()).isNotEmpty();
            assertThat(byName).containsKey(plural + "/status");
        }
        assertThat(byName.get("neo4jenterpriseclusters").getShortNames()).containsExactly("n4jc");
    }

    @Test
    void kubectlExplainShowsOurDescriptions(ControlPlane plane) throws InterruptedException {
        // The API server publishes a new CRD's OpenAPI schema asynchronously, after the CRD is Established
        // (its OpenAPI controller); explain answers "couldn't find resource" until then. Seconds, not more:
        // 30 s leaves room for a loaded machine.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Kubectl.Result r = plane.kubectl().run("explain", "n4jc.spec.topology.servers");
        while (!r.ok() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = plane.kubectl().run("explain", "n4jc.spec.topology.servers");
        }
        assertThat(r.ok()).as(r.stderr()).isTrue();
        assertThat(r.stdout()).contains("The number of Neo4j servers (2 to 100");
        Kubectl.Result category = plane.kubectl().run("get", "neo4j", "--all-namespaces");
        assertThat(category.ok()).as(category.stderr()).isTrue();
    }
}
