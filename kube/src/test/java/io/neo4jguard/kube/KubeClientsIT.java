package io.neo4jguard.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Clients from each of the factory's three sources, talking to a real kube-apiserver over TLS. */
@ExtendWith(KubeApiServerExtension.class)
class KubeClientsIT {
    private static String ns;
    private static String token;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp(KubernetesClient admin, ControlPlane plane) {
        ns = "kube-clients-" + ProcessHandle.current().pid();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .createOr(n -> n.update());
        Config fromFile = Config.fromKubeconfig(plane.kubeconfig().toFile());
        token = fromFile.getOauthToken() != null ? fromFile.getOauthToken() : fromFile.getAutoOAuthToken();
        assertThat(token).isNotBlank();
    }

    private static void canRead(Connection c) {
        try (KubernetesClient client = KubeClients.client(c, ClientSettings.DEFAULT)) {
            assertThat(client.namespaces().withName(ns).get()).as(c.describe()).isNotNull();
        }
    }

    @Test
    void kubeconfig(ControlPlane plane) {
        canRead(KubeClients.kubeconfig(plane.kubeconfig(), null));
    }

    @Test
    void serverTokenAndCaFile(ControlPlane plane) throws Exception {
        Path ca = Files.writeString(tmp.resolve("ca.crt"), plane.caCertificatePem());
        canRead(new Connection.Token(plane.url(), BearerToken.of(token), ca));

        // Without the CA the JVM's trust store does not know the test CA: the TLS handshake fails.
        try (KubernetesClient client = KubeClients.client(new Connection.Token(plane.url(), BearerToken.of(token), null),
                new ClientSettings(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), 0))) {
            assertThat(catchThrowableOfType(KubernetesClientException.class,
                    () -> client.namespaces().withName(ns).get())).isNotNull();
        }
    }

    @Test
    void inClusterFromAServiceAccountDirectory(ControlPlane plane) throws Exception {
        Path sa = Files.createDirectories(tmp.resolve("serviceaccount"));
        Files.writeString(sa.resolve(Connection.InCluster.TOKEN), token);
        Files.writeString(sa.resolve(Connection.InCluster.CA), plane.caCertificatePem());
        Files.writeString(sa.resolve(Connection.InCluster.NAMESPACE), ns);
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", plane.url().getHost(),
                "KUBERNETES_SERVICE_PORT", String.valueOf(plane.url().getPort()));
        KubeClients clients = new KubeClients(env::get, tmp.resolve("no-home"), sa);
        Connection c = clients.discovered();
        assertThat(c).isInstanceOf(Connection.InCluster.class);
        canRead(c);
        try (KubernetesClient client = KubeClients.client(c, ClientSettings.DEFAULT)) {
            assertThat(client.getNamespace()).isEqualTo(ns);
            assertThat(client.configMaps().list().getItems()).allMatch(m -> m.getMetadata().getNamespace().equals(ns));
        }
    }

    @Test
    void aWrongTokenIsRefusedWithoutBeingQuoted(ControlPlane plane) throws Exception {
        Path ca = Files.writeString(tmp.resolve("ca.crt"), plane.caCertificatePem());
        String wrong = "not-the-token-" + System.nanoTime();
        try (KubernetesClient client = KubeClients.client(new Connection.Token(plane.url(), BearerToken.of(wrong), ca),
                ClientSettings.DEFAULT)) {
            KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                    () -> client.namespaces().withName(ns).get());
            assertThat(e.getCode()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain(wrong);
        }
    }
}
