package io.neo4jguard.core.report;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Severity;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The result of one run: every validated object with its findings, in a deterministic order that does
 * not depend on the order the objects were given in (source file, document, position, identity).
 */
public record Report(List<ObjectReport> objects, Summary summary) {
    public Report {
        objects = List.copyOf(objects);
        Objects.requireNonNull(summary, "summary");
    }

    /** Builds the summary from the objects. */
    public static Report of(List<ObjectReport> objects, int files, int skipped) {
        long errors = objects.stream().mapToLong(o -> o.count(Severity.ERROR)).sum();
        long warnings = objects.stream().mapToLong(o -> o.count(Severity.WARNING)).sum();
        return new Report(objects, new Summary(files, objects.size(), skipped, errors, warnings));
    }

    /** The same report with another file count (the CLI counts files that held no object, too). */
    public Report withFiles(int files) {
        Summary s = summary;
        return new Report(objects, new Summary(files, s.objects(), s.skipped(), s.errors(), s.warnings()));
    }

    public Stream<Finding> findings() {
        return objects.stream().flatMap(o -> o.findings().stream());
    }

    /** True when any finding is at or above {@code threshold} ({@code warning} includes errors). */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
