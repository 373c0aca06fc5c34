package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Installs CRD manifests and waits until the API server serves them. */
public final class Crds {
    /** The generated CRDs of the ten kinds, relative to the repository root. */
    public static final String CHART_CRDS = "charts/neo4j-guard/crds";
    /**
     * Establishing a CRD takes well under a second (the API server builds its handler and OpenAPI); 60 s is
     * for a machine under load, like every other wait here.
     */
    private static final long ESTABLISHED_SECONDS = 60;

    private Crds() {
    }

    /** {@code charts/neo4j-guard/crds} of the repository the tests run in (found from the working directory up). */
    public static Path chartDirectory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(CHART_CRDS)) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolve(CHART_CRDS);
            }
        }
        throw new KubeTestEnvException("no " + CHART_CRDS + " above " + Path.of("").toAbsolutePath());
    }

    /** Installs (server-side apply, so repeating is harmless) the chart's CRDs and waits until each is Established. */
    public static List<CustomResourceDefinition> install(KubernetesClient client) {
        return install(client, chartDirectory());
    }

    /** Installs every {@code *.yaml} CRD in {@code dir} and waits until each is Established. */
    public static List<CustomResourceDefinition> install(KubernetesClient client, Path dir) {
        List<CustomResourceDefinition> applied = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            try (InputStream in = Files.newInputStream(file)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                applied.add(client.resource(crd).fieldManager("neo4j-guard-kube-testenv").forceConflicts()
                        .serverSideApply());
            } catch (IOException e) {
                throw new KubeTestEnvException("cannot read " + file + ": " + e.getMessage());
            }
        }
        List<CustomResourceDefinition> established = new ArrayList<>();
        for (CustomResourceDefinition crd : applied) {
            established.add(client.apiextensions().v1().customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(Crds::isEstablished, ESTABLISHED_SECONDS, TimeUnit.SECONDS));
        }
        return established;
    }

    /** True when the CRD's Established condition is True (its resources are served). */
    public static boolean isEstablished(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            if (files.isEmpty()) {
                throw new KubeTestEnvException("no CRD manifests in " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
