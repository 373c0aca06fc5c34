package io.neo4jguard.certs.kube;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.neo4jguard.certs.CaBundle;
import io.neo4jguard.certs.CertificateAuthority;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class CaBundleInjectorTest {
    KubernetesClient client;

    final X509Certificate ca1 = CertificateAuthority.create("a", Duration.ofDays(365), Clock.systemUTC()).certificate();
    final X509Certificate ca2 = CertificateAuthority.create("b", Duration.ofDays(365), Clock.systemUTC()).certificate();

    static ValidatingWebhookConfiguration validating(String name, String... webhooks) {
        ValidatingWebhookConfigurationBuilder b = new ValidatingWebhookConfigurationBuilder().withNewMetadata()
                .withName(name).endMetadata();
        for (String w : webhooks) {
            b.addNewWebhook().withName(w).withAdmissionReviewVersions("v1").withSideEffects("None")
                    .withNewClientConfig().withNewService().withName("neo4j-guard").withNamespace("guard")
                    .withPath("/validate").endService().endClientConfig().endWebhook();
        }
        return b.build();
    }

    static MutatingWebhookConfiguration mutating(String name, String webhook) {
        return new MutatingWebhookConfigurationBuilder().withNewMetadata().withName(name).endMetadata()
                .addNewWebhook().withName(webhook).withAdmissionReviewVersions("v1").withSideEffects("None")
                .withNewClientConfig().withUrl("https://127.0.0.1:8443/mutate").endClientConfig().endWebhook().build();
    }

    @Test
    void everyWebhookOfBothConfigurationsGetsTheBundleAndASecondRunChangesNothing() throws Exception {
        client.resource(validating("neo4j-guard", "clusters.neo4j-guard.io", "standalones.neo4j-guard.io")).create();
        client.resource(mutating("neo4j-guard", "defaults.neo4j-guard.io")).create();
        CaBundleInjector injector = new CaBundleInjector(client);

        List<CaBundleInjector.Outcome> first = injector.inject("neo4j-guard", List.of(ca1, ca2), false);
        assertThat(first).extracting(CaBundleInjector.Outcome::describe).containsExactly(
                "ValidatingWebhookConfiguration neo4j-guard: caBundle set on 2 of 2 webhook(s)",
                "MutatingWebhookConfiguration neo4j-guard: caBundle set on 1 of 1 webhook(s)");
        String expected = CaBundle.encode(List.of(ca1, ca2));
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName("neo4j-guard").get()
                .getWebhooks()).allSatisfy(w -> assertThat(w.getClientConfig().getCaBundle()).isEqualTo(expected));
        var mutatingAfter = client.admissionRegistration().v1().mutatingWebhookConfigurations().withName("neo4j-guard").get();
        assertThat(mutatingAfter.getWebhooks().get(0).getClientConfig().getCaBundle()).isEqualTo(expected);
        assertThat(mutatingAfter.getWebhooks().get(0).getClientConfig().getUrl()).isEqualTo("https://127.0.0.1:8443/mutate");
        assertThat(CaBundle.decode(mutatingAfter.getWebhooks().get(0).getClientConfig().getCaBundle()))
                .containsExactly(ca1, ca2);

        String rv = client.admissionRegistration().v1().validatingWebhookConfigurations().withName("neo4j-guard").get()
                .getMetadata().getResourceVersion();
        List<CaBundleInjector.Outcome> second = injector.inject("neo4j-guard", List.of(ca1, ca2), false);
        assertThat(second).allSatisfy(o -> assertThat(o.updated()).isZero()).allSatisfy(o -> assertThat(o.patch()).isNull());
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName("neo4j-guard").get()
                .getMetadata().getResourceVersion()).isEqualTo(rv);

        // A new bundle (CA rotation) replaces the old one in every entry.
        injector.inject("neo4j-guard", List.of(ca2), false);
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName("neo4j-guard").get()
                .getWebhooks()).allSatisfy(w -> assertThat(w.getClientConfig().getCaBundle())
                .isEqualTo(CaBundle.encode(List.of(ca2))));
    }

    @Test
    void aMissingMutatingConfigurationIsSkippedAndBothMissingIsAnError() throws Exception {
        client.resource(validating("only-validating", "a.neo4j-guard.io")).create();
        List<CaBundleInjector.Outcome> out = new CaBundleInjector(client).inject("only-validating", List.of(ca1), false);
        assertThat(out.get(1).describe()).isEqualTo("MutatingWebhookConfiguration only-validating: not found (skipped)");
        assertThat(out.get(0).updated()).isEqualTo(1);

        assertThatThrownBy(() -> new CaBundleInjector(client).inject("nothing-here", List.of(ca1), false))
                .hasMessageContaining("no ValidatingWebhookConfiguration or MutatingWebhookConfiguration named 'nothing-here'");
    }

    @Test
    void aDryRunShowsThePatchAndChangesNothing() throws Exception {
        client.resource(validating("dry", "a.neo4j-guard.io")).create();
        List<CaBundleInjector.Outcome> out = new CaBundleInjector(client).inject("dry", List.of(ca1), true);
        assertThat(out.get(0).patch()).contains("\"path\":\"/webhooks/0/clientConfig/caBundle\"");
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName("dry").get()
                .getWebhooks().get(0).getClientConfig().getCaBundle()).isNull();
    }

    @Test
    void thePublisherOfTheRotationLoopInjects() throws Exception {
        client.resource(mutating("loop", "m.neo4j-guard.io")).create();
        new CaBundleInjector(client).publisher("loop").publish(List.of(ca1));
        assertThat(client.admissionRegistration().v1().mutatingWebhookConfigurations().withName("loop").get()
                .getWebhooks().get(0).getClientConfig().getCaBundle()).isEqualTo(CaBundle.encode(List.of(ca1)));
    }
}
