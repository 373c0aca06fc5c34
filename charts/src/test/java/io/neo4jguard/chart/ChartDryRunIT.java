package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.kube.testenv.Kubectl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm template} of every certificate mode, with the reconciler off and on (and every optional object
 * on), accepted by the real API server: {@code kubectl apply --dry-run=server --validate=strict}, so every
 * object passes the API server's validation and admission, and an unknown or misplaced field is an error
 * rather than silently pruned. cert-manager's and the Prometheus Operator's kinds are checked against the
 * stand-in CRDs of {@code src/test/resources/foreign-crds} (README there says what they prove).
 */
@ExtendWith(KubeApiServerExtension.class)
class ChartDryRunIT {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    static Stream<Values> valueSets() {
        return Values.all().stream();
    }

    @BeforeAll
    static void crds(KubernetesClient client) throws URISyntaxException {
        Crds.install(client);
        Crds.install(client, Path.of(ChartDryRunIT.class.getClassLoader().getResource("foreign-crds").toURI()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void theApiServerAcceptsEveryRenderedObject(Values values, ControlPlane plane, KubernetesClient client) {
        String ns = "chart-dry-" + ProcessHandle.current().pid() + "-" + NAMESPACES.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        String rendered = Chart.template("guard", ns, values.args());
        List<JsonNode> docs = Chart.documents(rendered);

        Kubectl.Result r = plane.kubectl().runWithInput(rendered, "apply", "--dry-run=server", "--validate=strict",
                "-f", "-");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).as("warnings from the API server").isEmpty();
        long accepted = r.stdout().lines().filter(l -> l.endsWith("(server dry run)")).count();
        assertThat(accepted).as(r.stdout()).isEqualTo(docs.size());
        if (values.name().contains("reconciler")) {
            assertThat(Chart.summary(docs)).contains("Deployment/guard-neo4j-guard-reconciler",
                    "Role/guard-neo4j-guard-reconciler-leader-election", "PrometheusRule/guard-neo4j-guard",
                    "ServiceMonitor/guard-neo4j-guard", "NetworkPolicy/guard-neo4j-guard",
                    "ConfigMap/guard-neo4j-guard-policy");
        }
    }
}
