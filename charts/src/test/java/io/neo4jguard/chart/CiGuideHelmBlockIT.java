package io.neo4jguard.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code sh-helm} block of docs/ci.md ({@code helm template ... | neo4j-guard check -}) as written, with
 * this build's helm and CLI on the PATH, in a directory holding the chart it names: {@code charts/my-neo4j},
 * whose one template is a cluster with sizes in Kubernetes units, and a {@code prod.yaml} for it. The check
 * must fail on the rendered stream and name the finding's object ({@code kind/name}) and its line in the
 * stream, as the page says.
 * (webhook-server's CiGuideIT runs the page's plain {@code sh} blocks; this one needs helm, built for the chart
 * tests.) No API server: {@code helm template} renders offline.
 */
class CiGuideHelmBlockIT {
    @TempDir
    Path dir;

    @Test
    void helmTemplateIntoCheckFindsTheRenderedClustersError() throws Exception {
        List<String> blocks = GuideShell.blocks(Files.readString(GuideShell.doc("ci.md")), "sh-helm");
        assertThat(blocks).hasSize(1);
        Path templates = Files.createDirectories(dir.resolve("charts/my-neo4j/templates"));
        Files.writeString(templates.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: my-neo4j\nversion: 0.1.0\n");
        // The values file names the cluster, so the finding's object name proves prod.yaml was read.
        Files.writeString(dir.resolve("prod.yaml"), "clusterName: orders\n");
        String cluster = Files.readString(Path.of(CiGuideHelmBlockIT.class.getClassLoader()
                .getResource("manifests/cluster-kubernetes-units.yaml").toURI()));
        Files.writeString(templates.resolve("cluster.yaml"), cluster.replace("NAMESPACE", "{{ .Release.Namespace }}")
                .replace("NAME", "{{ .Values.clusterName }}"));
        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Files.createSymbolicLink(bin.resolve("helm"), Chart.helm().binary());
        Path cli = bin.resolve("neo4j-guard");
        Files.writeString(cli, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.neo4jguard.webhook.Main \"$@\"\n");
        assertThat(cli.toFile().setExecutable(true)).isTrue();
        GuideShell shell = new GuideShell(dir, Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "HOME", dir.toString(), "HELM_CACHE_HOME", dir.resolve(".helm/cache").toString(),
                "HELM_CONFIG_HOME", dir.resolve(".helm/config").toString(),
                "HELM_DATA_HOME", dir.resolve(".helm/data").toString()));

        GuideShell.Result r = shell.run(blocks.get(0));

        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("memory.kubernetes-unit").contains("Neo4jEnterpriseCluster/orders")
                .containsPattern("-:\\d+:\\d+");
    }
}
