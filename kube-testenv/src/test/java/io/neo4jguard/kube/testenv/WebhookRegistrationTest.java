package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRegistrationTest {
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private final WebhookRegistration hooks = WebhookRegistration.to(URI.create("https://127.0.0.1:8443"), CA);

    @Test
    void validatingDefaultsAreTheChartsSafeOnes() {
        ValidatingWebhook w = hooks.validating().getWebhooks().get(0);
        assertThat(w.getClientConfig().getUrl()).isEqualTo("https://127.0.0.1:8443/validate");
        assertThat(w.getClientConfig().getService()).isNull();
        assertThat(new String(Base64.getDecoder().decode(w.getClientConfig().getCaBundle()), StandardCharsets.US_ASCII))
                .isEqualTo(CA);
        assertThat(w.getSideEffects()).isEqualTo("None");
        assertThat(w.getTimeoutSeconds()).isEqualTo(5);
        assertThat(w.getAdmissionReviewVersions()).containsExactly("v1");
        assertThat(w.getFailurePolicy()).isEqualTo("Fail");
        assertThat(w.getRules()).singleElement().satisfies(r -> {
            assertThat(r.getApiGroups()).containsExactly("neo4j.neo4j.com");
            assertThat(r.getOperations()).containsExactly("CREATE", "UPDATE");
            assertThat(r.getResources()).hasSize(10).contains("neo4jenterpriseclusters", "neo4jauthrules")
                    .noneMatch(res -> res.contains("/"));
        });
        assertThat(w.getNamespaceSelector()).isNull();
    }

    @Test
    void mutatingGoesToMutateAndIgnoresFailuresByDefault() {
        MutatingWebhook w = hooks.mutating().getWebhooks().get(0);
        assertThat(w.getClientConfig().getUrl()).isEqualTo("https://127.0.0.1:8443/mutate");
        assertThat(w.getFailurePolicy()).isEqualTo("Ignore");
        assertThat(w.getReinvocationPolicy()).isEqualTo("Never");
    }

    @Test
    void settersReturnChangedCopies() {
        WebhookRegistration changed = hooks.validatingFailurePolicy("Ignore").operations("CREATE", "UPDATE", "DELETE")
                .timeoutSeconds(2).excludingNamespaces("kube-system").reinvocationPolicy("IfNeeded");
        ValidatingWebhook v = changed.validating().getWebhooks().get(0);
        assertThat(v.getFailurePolicy()).isEqualTo("Ignore");
        assertThat(v.getRules().get(0).getOperations()).containsExactly("CREATE", "UPDATE", "DELETE");
        assertThat(v.getTimeoutSeconds()).isEqualTo(2);
        assertThat(v.getNamespaceSelector().getMatchExpressions()).singleElement()
                .satisfies(e -> assertThat(e.getValues()).containsExactly("kube-system"));
        assertThat(changed.mutating().getWebhooks().get(0).getReinvocationPolicy()).isEqualTo("IfNeeded");
        assertThat(hooks.validating().getWebhooks().get(0).getFailurePolicy()).isEqualTo("Fail");
    }

    @Test
    void onlyHttpsUrls() {
        assertThatThrownBy(() -> WebhookRegistration.to(URI.create("http://127.0.0.1:8080"), CA))
                .hasMessageContaining("must be https");
    }
}
