package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts are the API server's: each request the test makes shows up once, under its verb and resource. */
@ExtendWith(KubeApiServerExtension.class)
class ApiRequestCountsIT {
    @Test
    void countsWritesByVerbAndResource(KubernetesClient client) {
        String ns = TestNamespaces.create(client, "counts");
        ApiRequestCounts before = ApiRequestCounts.scrape(client);

        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("c").withNamespace(ns).endMetadata()
                .withData(Map.of("k", "1")).build();
        client.resource(cm).create();
        client.resource(new ConfigMapBuilder(cm).withData(Map.of("k", "2")).build())
                .fieldManager("kube-testenv-test").forceConflicts().serverSideApply();
        client.configMaps().inNamespace(ns).withName("c").get();
        client.configMaps().inNamespace(ns).withName("c").get();

        ApiRequestCounts delta = ApiRequestCounts.scrape(client).since(before);
        assertThat(delta.writes(r -> r.resource().equals("configmaps")))
                .isEqualTo(Map.of(new ApiRequestCounts.Request("APPLY", "", "configmaps", ""), 1L,
                        new ApiRequestCounts.Request("POST", "", "configmaps", ""), 1L));
        assertThat(delta.count("GET", "configmaps")).isEqualTo(2);
        // Reading changes nothing: a second snapshot right away shows no new configmap writes.
        ApiRequestCounts quiet = ApiRequestCounts.scrape(client);
        client.configMaps().inNamespace(ns).withName("c").get();
        assertThat(ApiRequestCounts.scrape(client).since(quiet).writes(r -> r.resource().equals("configmaps"))).isEmpty();
    }
}
