package io.neo4jguard.kube.testenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The control plane itself: version, authentication, sharing, kubectl. */
@ExtendWith(KubeApiServerExtension.class)
class ControlPlaneIT {
    @Test
    void servesThePinnedVersion(KubernetesClient client, ControlPlane plane) throws Exception {
        // Read raw: fabric8 7.1.0's getKubernetesVersion() fails on the emulationMajor/emulationMinor fields
        // that /version has carried since 1.31 (its VersionInfo rejects unknown fields).
        JsonNode v = new ObjectMapper().readTree(client.raw("/version"));
        assertThat(v.path("major").asText()).isEqualTo("1");
        assertThat(v.path("minor").asText()).isEqualTo(Versions.minor(Versions.KUBERNETES));
        if (!plane.binaries().origin().startsWith(KubeBinaries.ASSETS)) {
            assertThat(v.path("gitVersion").asText()).isEqualTo("v" + Versions.KUBERNETES);
        }
        assertThat(plane.url().toString()).startsWith("https://127.0.0.1:");
    }

    @Test
    void oneControlPlaneAndOneClientPerRun(KubernetesClient client, ControlPlane plane) {
        assertThat(ControlPlane.shared()).isSameAs(plane);
        assertThat(plane.client()).isSameAs(client);
        assertThat(client.namespaces().withName("default").get()).isNotNull();
    }

    @Test
    void anonymousRequestsAreRefusedAndTheTokenIsAdmin(ControlPlane plane) throws Exception {
        var http = Readiness.client(plane.caCertificatePem());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(plane.url().resolve("/api/v1/namespaces")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(401, 403);
        // cluster-admin through system:masters: it may do anything, including impersonation.
        var review = plane.client().authorization().v1().selfSubjectAccessReview()
                .create(new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder()
                        .withNewSpec().withNewResourceAttributes().withVerb("*").withResource("*").withGroup("*")
                        .endResourceAttributes().endSpec().build());
        assertThat(review.getStatus().getAllowed()).isTrue();
    }

    @Test
    void kubectlOfTheSameReleaseTalksToIt(ControlPlane plane) {
        Kubectl.Result version = plane.kubectl().run("version", "-o", "json");
        assertThat(version.ok()).as(version.stderr()).isTrue();
        assertThat(version.stdout()).contains("\"serverVersion\"").contains("\"minor\": \"34\"");
        Kubectl.Result ns = plane.kubectl().run("get", "namespace", "default", "-o", "name");
        assertThat(ns.stdout().trim()).isEqualTo("namespace/default");
    }
}
