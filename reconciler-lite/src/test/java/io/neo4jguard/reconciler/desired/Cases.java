package io.neo4jguard.reconciler.desired;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ManifestSource;
import io.neo4jguard.core.report.TextReport;
import io.neo4jguard.reconciler.cli.Rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The manifests under src/test/resources/cases and their golden renderings under .../golden. */
final class Cases {
    /** Set by the pom (surefire); the fallback is for running a test from an IDE in the module directory. */
    static final Path GOLDEN = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    static final Path CASES = GOLDEN.resolveSibling("cases");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Cases() {
    }

    static List<Path> all() {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Resource> read(Path file) {
        ManifestSource.Result r = new ManifestSource(new ManifestParser(), new ByteArrayInputStream(new byte[0]))
                .read(List.of(file.toString()));
        if (!r.ok()) {
            throw new AssertionError(file + ": " + r.errors().get(0).describe());
        }
        return r.resources();
    }

    /** The case rendered as {@code render} would; fails with the validation report if the case is invalid. */
    static Rendering.Result render(Path file) {
        Rendering.Result r = Rendering.standard().render(read(file), Rendering.DEFAULT_NAMESPACE);
        if (!r.ok()) {
            throw new AssertionError(file.getFileName() + " does not validate:\n" + new TextReport(false).render(r.report()));
        }
        return r;
    }

    static Path golden(Path caseFile) {
        return GOLDEN.resolve(caseFile.getFileName().toString());
    }
}
