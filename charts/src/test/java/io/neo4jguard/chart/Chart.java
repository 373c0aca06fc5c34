package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.neo4jguard.kube.testenv.Helm;
import io.neo4jguard.kube.testenv.Kubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** charts/neo4j-guard and what {@code helm template} makes of it. */
final class Chart {
    static final String NAME = "neo4j-guard";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Helm helm;

    private Chart() {
    }

    /** The chart directory: this module is {@code charts/}, the chart is beside its pom. */
    static Path directory() {
        Path dir = Path.of("").toAbsolutePath().resolve(NAME);
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + dir + " (run the tests from the charts module)");
        }
        return dir;
    }

    /** helm, built once per JVM into the kube-testenv cache, working in {@code target/helm}. */
    static synchronized Helm helm() {
        if (helm == null) {
            Path work = Path.of("target", "helm").toAbsolutePath();
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            helm = Helm.resolve().in(work);
        }
        return helm;
    }

    /** {@code helm template RELEASE chart -n NAMESPACE <args>}; fails the test with helm's stderr on error. */
    static String template(String release, String namespace, String... args) {
        Kubectl.Result r = templateResult(release, namespace, args);
        if (!r.ok()) {
            throw new AssertionError("helm template failed: " + r.stderr());
        }
        return r.stdout();
    }

    static Kubectl.Result templateResult(String release, String namespace, String... args) {
        List<String> argv = new ArrayList<>(List.of("template", release, directory().toString(), "-n", namespace));
        argv.addAll(List.of(args));
        return helm().run(argv.toArray(String[]::new));
    }

    /** Every document of a multi-document YAML stream, empty ones dropped. */
    static List<JsonNode> documents(String yaml) {
        try (YAMLParser p = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode n : (Iterable<JsonNode>) () -> {
                try {
                    return YAML.readValues(p, JsonNode.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) {
                if (n != null && !n.isNull() && !n.isMissingNode() && n.size() > 0) {
                    out.add(n);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one document of this kind and name; fails if there is not exactly one. */
    static JsonNode find(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> hits = docs.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.path("metadata").path("name").asText())).toList();
        if (hits.size() != 1) {
            throw new AssertionError(hits.size() + " documents " + kind + "/" + name + " among " + summary(docs));
        }
        return hits.get(0);
    }

    /** {@code Kind/name} of each document, for assertions and messages. */
    static List<String> summary(List<JsonNode> docs) {
        return docs.stream().map(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText()).toList();
    }
}
