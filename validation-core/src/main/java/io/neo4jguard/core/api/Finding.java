package io.neo4jguard.core.api;

import java.util.List;
import java.util.Objects;

/**
 * One problem with one object.
 *
 * @param rule     the rule ID
 * @param severity the effective severity (after policy)
 * @param field    Kubernetes-style field path ({@code spec.topology.servers},
 *                 {@code spec.config[server.memory.heap.max_size]}); empty for the whole object
 * @param message  Kubernetes field-error style ({@code Invalid value: "1": ...})
 * @param hint     how to fix it, may be empty
 * @param location where the field (or its nearest present ancestor) stands in the source
 * @param fix      a JSON Patch that fixes it, empty when there is none
 */
public record Finding(String rule, Severity severity, String field, String message, String hint,
                      Location location, List<PatchOperation> fix) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        location = location == null ? Location.UNKNOWN : location;
        fix = fix == null ? List.of() : List.copyOf(fix);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, field, message, hint, location, fix);
    }

    public Finding withLocation(Location l) {
        return new Finding(rule, severity, field, message, hint, l, fix);
    }
}
