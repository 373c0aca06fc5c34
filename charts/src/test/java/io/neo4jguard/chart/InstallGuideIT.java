package io.neo4jguard.chart;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.kube.testenv.KubeBinaries;
import io.neo4jguard.kube.testenv.Kubectl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/install.md as a user follows it: every ```sh block runs, in order, in bash against the test API server,
 * with this build's helm and kubectl on the PATH, the repository's {@code charts/} in the working directory
 * and a test CA with a serving certificate for the secret mode beside it. cert-manager's kinds come from the
 * stand-in CRDs of {@code src/test/resources/foreign-crds} (no cert-manager runs here, nothing acts on the
 * Certificate). Then what the page claims of the result is checked: the CRDs outlived the uninstall, the
 * release stands (last block: installed with {@code --skip-crds}), and with no replica answering (no pods run
 * here) the validating webhook's {@code failurePolicy: Fail} refuses a Neo4j cluster as the page quotes.
 * Finally the release is uninstalled so that the shared API server carries no failing webhook afterwards.
 */
@ExtendWith(KubeApiServerExtension.class)
class InstallGuideIT {
    private static final String RELEASE = "neo4j-guard";

    @TempDir
    Path dir;
    private GuideShell shell;

    @Test
    void everyShellBlockRunsAndLeavesWhatThePageSays(ControlPlane plane, KubernetesClient client) throws Exception {
        Crds.install(client, Path.of(InstallGuideIT.class.getClassLoader().getResource("foreign-crds").toURI()));
        Path doc = GuideShell.doc("install.md");
        List<String> blocks = GuideShell.blocks(Files.readString(doc), "sh");
        assertThat(blocks).as("sh blocks of %s", doc).hasSizeGreaterThanOrEqualTo(7);
        prepare(plane);
        boolean policiesShown = false;
        try {
            for (String block : blocks) {
                GuideShell.Result r = shell.run(block);
                assertThat(r.exit()).as("block:%n%s%noutput:%n%s", block, r.output()).isZero();
                if (block.contains(".failurePolicy}")) {
                    // The page's claim: validation Fail, mutation Ignore (one webhook in each configuration).
                    assertThat(r.output()).isEqualTo("Fail\nIgnore\n");
                    policiesShown = true;
                }
            }
            assertThat(policiesShown).as("a block shows the failurePolicy of both configurations").isTrue();
            assertThat(client.apiextensions().v1().customResourceDefinitions()
                    .withName("neo4jenterpriseclusters.neo4j.neo4j.com").get()).as("CRD after uninstall").isNotNull();
            GuideShell.Result status = shell.run("helm -n neo4j-guard status " + RELEASE);
            assertThat(status.output()).as(status.output()).contains("STATUS: deployed");

            String cluster = Files.readString(Path.of(InstallGuideIT.class.getClassLoader()
                    .getResource("manifests/cluster-limit-only.yaml").toURI()))
                    .replace("NAMESPACE", "default").replace("NAME", "guide-refused");
            Kubectl.Result refused = plane.kubectl().runWithInput(cluster, "apply", "-f", "-");
            assertThat(refused.exitCode()).as(refused.stdout()).isNotZero();
            assertThat(refused.stderr()).contains("failed calling webhook \"");
            assertThat(Files.readString(doc)).contains("failed calling webhook \"");
        } finally {
            GuideShell.Result gone = shell.run("helm uninstall " + RELEASE + " -n neo4j-guard --ignore-not-found");
            assertThat(gone.exit()).as(gone.output()).isZero();
        }
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName(RELEASE).get())
                .as("validating configuration after the last uninstall").isNull();
    }

    /** charts/ linked in, helm and kubectl on the PATH, helm's homes here, a CA and a certificate it signed. */
    private void prepare(ControlPlane plane) throws Exception {
        Files.createSymbolicLink(dir.resolve("charts"), Chart.directory().getParent());
        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Files.createSymbolicLink(bin.resolve("helm"), Chart.helm().binary());
        Files.createSymbolicLink(bin.resolve("kubectl"), KubeBinaries.resolve().kubectl());
        shell = new GuideShell(dir, Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "KUBECONFIG", plane.kubeconfig().toString(),
                "HOME", dir.toString(), "HELM_CACHE_HOME", dir.resolve(".helm/cache").toString(),
                "HELM_CONFIG_HOME", dir.resolve(".helm/config").toString(),
                "HELM_DATA_HOME", dir.resolve(".helm/data").toString()));
        // P-256 keys: generated instantly; one day is longer than any run.
        GuideShell.Result certs = shell.run("""
                openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \\
                  -keyout ca.key -out ca.crt -subj /CN=test-ca 2>/dev/null
                openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \\
                  -keyout tls.key -out tls.csr -subj /CN=neo4j-guard.neo4j-guard.svc 2>/dev/null
                openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 -out tls.crt \\
                  -extfile <(printf 'subjectAltName=DNS:neo4j-guard.neo4j-guard.svc') 2>/dev/null
                """);
        assertThat(certs.exit()).as(certs.output()).isZero();
    }
}
