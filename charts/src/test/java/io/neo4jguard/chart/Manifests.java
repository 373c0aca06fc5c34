package io.neo4jguard.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The custom resources the chart tests apply: {@code src/test/resources/manifests/}, named per test. */
final class Manifests {
    static final String LIMIT_ONLY = "cluster-limit-only.yaml";
    static final String KUBERNETES_UNITS = "cluster-kubernetes-units.yaml";
    static final String DATABASE_ON_ORDERS = "database-on-orders.yaml";

    private Manifests() {
    }

    /** The manifest with its {@code NAME} and {@code NAMESPACE} placeholders filled in. */
    static String load(String file, String name, String namespace) {
        try (InputStream in = Manifests.class.getClassLoader().getResourceAsStream("manifests/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test manifest " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^(\\s*name): NAME$", "$1: " + name)
                    .replaceAll("(?m)^(\\s*namespace): NAMESPACE$", "$1: " + namespace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
