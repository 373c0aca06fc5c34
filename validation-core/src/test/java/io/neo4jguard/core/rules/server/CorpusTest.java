package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.read.ManifestParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference operator's own cluster, standalone and property-sharding examples (read-only, outside the
 * repository; {@code -Dneo4jguard.corpus=<dir>} points elsewhere) through every check of this package.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("neo4jguard.corpus",
            "/work/shared/corpus/neo4j-operator-examples"));

    private static Map<String, List<Finding>> findingsByFile() throws Exception {
        Engine engine = new Engine(Specs.ALL, Policy.defaults());
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        for (String dir : List.of("clusters", "standalone", "property_sharding")) {
            Path d = CORPUS.resolve("examples").resolve(dir);
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    List<Finding> found = new ArrayList<>();
                    for (Resource r : new ManifestParser().parse(f.toString(), Files.readString(f))) {
                        if (Kinds.SERVERS.contains(r.kind())) {
                            found.addAll(engine.validate(r, null, null));
                        }
                    }
                    out.put(dir + "/" + f.getFileName(), found);
                }
            }
        }
        return out;
    }

    @Test
    void noExampleIsDenied() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not available at " + CORPUS);
        Map<String, List<Finding>> all = findingsByFile();

        assertThat(all).hasSizeGreaterThanOrEqualTo(24);
        all.forEach((file, findings) -> assertThat(findings)
                .as(file + ": " + findings)
                .noneMatch(f -> f.severity() == Severity.ERROR));
    }

    /**
     * The reference operator rejects advanced-property-sharding.yaml: heap 12G + page cache 6G plus its
     * overhead max(25 % of 20Gi, 512Mi) = 23 GiB exceeds the 20Gi limit. We do not: 12g + 6g leave 2 GiB,
     * above the hard floor for JVM native memory (256m + 12g/32 = 640m) and even above Neo4j's Kubernetes
     * guidance of 1 GB headroom, so the server runs. It is below what neo4j-admin memory-recommendation keeps
     * for the OS at 20 GiB (5g: the OS file cache for indexes), so it is a warning, not a denial.
     */
    @Test
    void advancedPropertyShardingIsAWarningNotAnError() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not available at " + CORPUS);
        List<Finding> f = findingsByFile().get("property_sharding/advanced-property-sharding.yaml");

        assertThat(f).extracting(Finding::rule).contains("memory.below-recommendation");
        Finding w = f.stream().filter(x -> x.rule().equals("memory.below-recommendation")).findFirst().orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).isEqualTo("Invalid value: \"20Gi\": heap 12g + page cache 6g = 18g leaves 2g of the "
                + "20Gi limit; Neo4j's memory recommendation keeps 5g for the OS at this size");
        assertThat(w.location().line()).isEqualTo(52);
    }
}
