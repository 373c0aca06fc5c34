package io.neo4jguard.webhook.e2e;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.certs.Pem;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.webhook.ServeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --self-signed-secret NS/NAME} against a real API server: the CA and serving pair are issued into
 * the Secret before the port opens, the server presents the Secret's certificate for the Service, and the
 * webhook configuration's caBundle is the Secret's CA.
 */
@ExtendWith(KubeApiServerExtension.class)
class SelfSignedSecretIT {

    @Test
    void issuesIntoTheSecretServesItAndInjectsTheCaBundle(ControlPlane plane, KubernetesClient client,
                                                           @TempDir Path cwd) throws Exception {
        String ns = "selfsigned-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        String hook = "guard-" + ns;
        client.admissionRegistration().v1().validatingWebhookConfigurations().resource(
                new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName(hook).endMetadata()
                        .addNewWebhook().withName("unused.neo4j-guard.io").withAdmissionReviewVersions("v1")
                        .withSideEffects("None").withFailurePolicy("Ignore")
                        .withNewClientConfig().withUrl("https://127.0.0.1:1/unused").endClientConfig()
                        .addNewRule().withApiGroups("nobody.neo4j-guard.io").withApiVersions("v1")
                        .withResources("nothings").withOperations("CREATE").endRule()
                        .endWebhook().build()).create();
        try {
            ServeHarness serve = ServeHarness.start(plane::newClient, cwd, "--self-signed-secret", ns + "/guard-certs",
                    "--service", "guard", "--inject-webhook", hook, "--port", "0", "--metrics-port", "-1",
                    "--bind", "127.0.0.1", "--lookups", "none", "--shutdown-delay", "0s");
            int port;
            try {
                port = serve.awaitStarted(Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new AssertionError("serve did not start: " + serve.stderr() + serve.stdout(), e);
            }

            Secret secret = client.secrets().inNamespace(ns).withName("guard-certs").get();
            assertThat(secret).isNotNull();
            assertThat(secret.getData()).containsKeys("ca.crt", "ca.key", "tls.crt", "tls.key");
            X509Certificate tls = Pem.certificates(decode(secret.getData().get("tls.crt"))).get(0);

            X509Certificate presented = handshake(port);
            assertThat(presented).isEqualTo(tls);
            assertThat(presented.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))))
                    .contains("guard." + ns + ".svc");

            ValidatingWebhookConfiguration injected = client.admissionRegistration().v1()
                    .validatingWebhookConfigurations().withName(hook).get();
            assertThat(injected.getWebhooks().get(0).getClientConfig().getCaBundle())
                    .isEqualTo(secret.getData().get("ca.crt"));

            assertThat(serve.stop(Duration.ofSeconds(30))).isZero();
            assertThat(serve.stderr()).isEmpty();
        } finally {
            client.admissionRegistration().v1().validatingWebhookConfigurations().withName(hook).delete();
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static X509Certificate handshake(int port) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

}
