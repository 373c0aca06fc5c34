package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;

import java.util.List;
import java.util.Map;

/**
 * Turns rules off for the objects it selects ({@code exemptions:} entry). An object is selected when
 * it matches every selector given: one of {@code namespaces} (an object without a namespace is in
 * {@code default}), one of {@code names}, and all {@code labels}. Patterns may use {@code *}.
 *
 * @param rules      rule IDs, concerns, or {@code *} for every rule
 * @param namespaces namespace patterns; empty = any namespace
 * @param names      object name patterns; empty = any name
 * @param labels     label key to value pattern ({@code *} = the label is present with any value); all must match
 * @param reason     why the exemption exists (shown by nothing, read by reviewers)
 * @param location   where the entry stands in the policy file
 */
public record Exemption(List<String> rules, List<String> namespaces, List<String> names,
                        Map<String, String> labels, String reason, Location location) {
    public Exemption {
        rules = List.copyOf(rules);
        namespaces = List.copyOf(namespaces);
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
        reason = reason == null ? "" : reason;
        location = location == null ? Location.UNKNOWN : location;
    }

    public boolean covers(RuleMeta rule) {
        return rules.stream().anyMatch(s -> RuleSelectors.matches(s, rule));
    }

    public boolean selects(Resource object) {
        String ns = object.effectiveNamespace();
        if (!namespaces.isEmpty() && namespaces.stream().noneMatch(p -> Glob.matches(p, ns))) {
            return false;
        }
        if (!names.isEmpty() && names.stream().noneMatch(p -> Glob.matches(p, object.name()))) {
            return false;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            var value = object.metadata().path("labels").path(label.getKey());
            if (!value.isValueNode() || value.isNull() || !Glob.matches(label.getValue(), value.asText())) {
                return false;
            }
        }
        return true;
    }
}
