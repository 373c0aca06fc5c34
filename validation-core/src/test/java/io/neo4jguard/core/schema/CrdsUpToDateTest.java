package io.neo4jguard.core.schema;

import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The CRD manifests in charts/neo4j-guard/crds are generated from policies/schemas, never edited by hand.
 * This test regenerates them in memory and fails when a committed file differs, is missing, or is a
 * generated file of a kind that no longer exists; with {@code -Dneo4jguard.updateCrds=true} it writes them.
 */
class CrdsUpToDateTest {
    private static final String GENERATED_MARK = "by io.neo4jguard.core.schema.CrdGenerator; do not edit.";

    @Test
    void committedCrdsMatchTheSchemas() throws IOException {
        Path dir = RepositoryRoot.get().resolve(CrdGenerator.OUTPUT_DIR);
        Map<String, String> expected = CrdGenerator.render();
        if (Boolean.getBoolean("neo4jguard.updateCrds")) {
            for (Path stale : generatedFiles(dir)) {
                if (!expected.containsKey(stale.getFileName().toString())) {
                    Files.delete(stale);
                }
            }
            CrdGenerator.write(dir);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add(e.getKey() + " is missing");
            } else if (!Files.readString(file).replace("\r\n", "\n").equals(e.getValue())) {
                problems.add(e.getKey() + " is out of date");
            }
        }
        for (Path f : generatedFiles(dir)) {
            if (!expected.containsKey(f.getFileName().toString())) {
                problems.add(f.getFileName() + " is generated for a kind that no longer exists");
            }
        }
        if (!problems.isEmpty()) {
            fail(CrdGenerator.OUTPUT_DIR + " does not match policies/schemas: " + String.join(", ", problems)
                    + ". Regenerate with\n  " + CrdGenerator.REGENERATE + "\nand commit the result.");
        }
    }

    private static List<Path> generatedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (f.toString().endsWith(".yaml")
                        && Files.readString(f, StandardCharsets.UTF_8).lines().limit(1).anyMatch(l -> l.contains(GENERATED_MARK))) {
                    out.add(f);
                }
            }
            return out;
        }
    }
}
