package io.neo4jguard.kube;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which connection the factory finds, and what fabric8 configuration it makes of it. */
class KubeClientsTest {
    private static final String TOKEN = "kubeconfig-token-0123456789";
    private static final String SA_TOKEN = "service-account-token-9876543210";

    @TempDir
    Path tmp;
    private final Map<String, String> env = new HashMap<>();

    private KubeClients clients() {
        return new KubeClients(env::get, tmp.resolve("home"), tmp.resolve("sa"));
    }

    private Path kubeconfig(String name, String server, String namespace) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: %s
                    certificate-authority-data: Q0EgZGF0YQ==
                users:
                - name: u
                  user:
                    token: %s
                contexts:
                - name: main
                  context: {cluster: c, user: u, namespace: %s}
                - name: other
                  context: {cluster: c, user: u, namespace: elsewhere}
                current-context: main
                """.formatted(server, TOKEN, namespace));
        return f;
    }

    private void serviceAccount(boolean withToken) throws Exception {
        Path sa = Files.createDirectories(tmp.resolve("sa"));
        if (withToken) {
            Files.writeString(sa.resolve(Connection.InCluster.TOKEN), SA_TOKEN + "\n");
        }
        Files.writeString(sa.resolve(Connection.InCluster.CA), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(sa.resolve(Connection.InCluster.NAMESPACE), "guard\n");
        env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        env.put("KUBERNETES_SERVICE_PORT", "443");
    }

    private static String token(Config c) {
        if (c.getOauthTokenProvider() != null) {
            return c.getOauthTokenProvider().getToken();
        }
        return c.getOauthToken() != null ? c.getOauthToken() : c.getAutoOAuthToken();
    }

    @Test
    void anExplicitKubeconfigUsesItsCurrentContextOrTheOneNamed() throws Exception {
        Path f = kubeconfig("config", "https://127.0.0.1:6443", "guard");
        Config current = KubeClients.config(KubeClients.kubeconfig(f, null), ClientSettings.DEFAULT);
        assertThat(current.getMasterUrl()).startsWith("https://127.0.0.1:6443");
        assertThat(current.getNamespace()).isEqualTo("guard");
        assertThat(current.getCaCertData()).isEqualTo("Q0EgZGF0YQ==");
        assertThat(token(current)).isEqualTo(TOKEN);
        assertThat(KubeClients.config(KubeClients.kubeconfig(f, "other"), ClientSettings.DEFAULT).getNamespace())
                .isEqualTo("elsewhere");
        assertThatThrownBy(() -> KubeClients.kubeconfig(tmp.resolve("absent"), null))
                .isInstanceOf(KubeConfigException.class).hasMessageContaining("no such file");
    }

    @Test
    void kubeconfigEnvComesFirstThenHomeThenTheServiceAccount() throws Exception {
        assertThat(clients().discover()).isEmpty();
        serviceAccount(true);
        assertThat(clients().discover()).containsInstanceOf(Connection.InCluster.class);

        Files.createDirectories(tmp.resolve("home/.kube"));
        kubeconfig("home/.kube/config", "https://127.0.0.2:6443", "from-home");
        assertThat(clients().discover().orElseThrow().config().getNamespace()).isEqualTo("from-home");

        // Missing files of the list are skipped, as kubectl does.
        Path fromEnv = kubeconfig("env-config", "https://127.0.0.3:6443", "from-env");
        env.put("KUBECONFIG", tmp.resolve("missing") + File.pathSeparator + fromEnv);
        Connection c = clients().discover().orElseThrow();
        assertThat(c).isEqualTo(new Connection.Kubeconfig(java.util.List.of(fromEnv), null));
        assertThat(c.config().getNamespace()).isEqualTo("from-env");

        // A $KUBECONFIG of missing files hides ~/.kube/config, as in kubectl: the service account remains.
        env.put("KUBECONFIG", tmp.resolve("missing").toString());
        assertThat(clients().discover()).containsInstanceOf(Connection.InCluster.class);
    }

    @Test
    void inClusterReadsTheServiceAccountFilesUnderItsRoot() throws Exception {
        serviceAccount(true);
        Connection c = clients().discovered();
        Config config = KubeClients.config(c, ClientSettings.DEFAULT);
        assertThat(config.getMasterUrl()).startsWith("https://10.96.0.1:443");
        assertThat(config.getCaCertFile()).isEqualTo(tmp.resolve("sa/ca.crt").toString());
        assertThat(config.getNamespace()).isEqualTo("guard");
        assertThat(token(config)).isEqualTo(SA_TOKEN);
        assertThat(c.describe()).contains("in-cluster", "https://10.96.0.1:443").doesNotContain(SA_TOKEN);
    }

    @Test
    void inClusterNeedsTheTokenFileAndPutsAnIpv6HostInBrackets() throws Exception {
        serviceAccount(false);
        assertThat(clients().inCluster()).isEmpty();
        assertThatThrownBy(() -> clients().discovered()).isInstanceOf(KubeConfigException.class)
                .hasMessageContaining("no API server configured").hasMessageContaining(tmp.resolve("sa").toString());
        Files.writeString(tmp.resolve("sa/token"), SA_TOKEN);
        env.put("KUBERNETES_SERVICE_HOST", "fd00:10:96::1");
        assertThat(((Connection.InCluster) clients().inCluster().orElseThrow()).server())
                .isEqualTo(URI.create("https://[fd00:10:96::1]:443"));
    }

    @Test
    void anExplicitServerAndTokenWithItsCaFile() {
        Path ca = tmp.resolve("ca.crt");
        Connection c = new Connection.Token(URI.create("https://api.example.test:6443"), BearerToken.of(TOKEN), ca);
        Config config = KubeClients.config(c, new ClientSettings(java.time.Duration.ofSeconds(3),
                java.time.Duration.ofSeconds(4), 1));
        assertThat(config.getMasterUrl()).startsWith("https://api.example.test:6443");
        assertThat(config.getCaCertFile()).isEqualTo(ca.toString());
        assertThat(token(config)).isEqualTo(TOKEN);
        assertThat(config.getConnectionTimeout()).isEqualTo(3000);
        assertThat(config.getRequestTimeout()).isEqualTo(4000);
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(1);
        assertThat(c.describe()).doesNotContain(TOKEN);
        assertThat(c.toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> new Connection.Token(URI.create("http://api.example.test"), BearerToken.of(TOKEN), null))
                .hasMessageContaining("https://");
    }

    @Test
    void defaultSettingsBoundEveryCall() throws Exception {
        Config config = KubeClients.config(KubeClients.kubeconfig(kubeconfig("config", "https://127.0.0.1:6443", "x"),
                null), ClientSettings.DEFAULT);
        assertThat(config.getConnectionTimeout()).isEqualTo(10_000);
        assertThat(config.getRequestTimeout()).isEqualTo(10_000);
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(2);
    }

    @Test
    void aBrokenKubeconfigNamesTheFileButQuotesNoLineOfIt() throws Exception {
        Path f = tmp.resolve("broken");
        Files.writeString(f, "users:\n- name: u\n  user: {token: " + TOKEN + "\n  : : :\n");
        assertThatThrownBy(() -> KubeClients.config(KubeClients.kubeconfig(f, null), ClientSettings.DEFAULT))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageContaining(f.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }
}
