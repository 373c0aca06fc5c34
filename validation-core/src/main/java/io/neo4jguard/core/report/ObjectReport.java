package io.neo4jguard.core.report;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;

import java.util.List;
import java.util.Objects;

/** One validated object and its findings (after policy, in the engine's order: errors first). */
public record ObjectReport(Resource resource, List<Finding> findings) {
    public ObjectReport {
        Objects.requireNonNull(resource, "resource");
        findings = List.copyOf(findings);
    }

    /** The namespace as written, or {@code default} when the manifest has none (as kubectl would apply it). */
    public String namespace() {
        return resource.effectiveNamespace();
    }

    /** {@code kind/namespace/name}: the object's identity in JUnit and SARIF. */
    public String qualifiedName() {
        return resource.kind() + "/" + namespace() + "/" + resource.name();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
