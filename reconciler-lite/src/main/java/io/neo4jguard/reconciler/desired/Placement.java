package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server pod placement from {@code spec.topology.placement}, the block the mutating defaulting fills for a cluster
 * with no placement of its own (preferred anti-affinity on the hostname, a zone spread); an explicit
 * {@code spec.affinity} / {@code spec.topologySpreadConstraints} is passed through instead. Read here, never
 * decided here: what the defaulting wrote is what is scheduled.
 */
final class Placement {
    /** Weight of a preferred term: 100 is the strongest preference the scheduler knows (range 1..100). */
    static final int PREFERRED_WEIGHT = 100;

    private Placement() {
    }

    static Optional<Affinity> affinity(JsonNode spec, Map<String, String> serverSelector) {
        Optional<Affinity> given = Specs.read(spec.path("affinity"), Affinity.class);
        if (given.isPresent()) {
            return given;
        }
        JsonNode anti = spec.path("topology").path("placement").path("antiAffinity");
        if (!anti.path("enabled").asBoolean(false)) {
            return Optional.empty();
        }
        PodAffinityTerm term = new PodAffinityTermBuilder().withLabelSelector(selector(serverSelector))
                .withTopologyKey(Specs.text(anti.path("topologyKey"), "kubernetes.io/hostname")).build();
        AffinityBuilder b = new AffinityBuilder();
        if ("required".equalsIgnoreCase(anti.path("type").asText(""))) {
            b.withNewPodAntiAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(term).endPodAntiAffinity();
        } else {
            b.withNewPodAntiAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution()
                    .withWeight(PREFERRED_WEIGHT).withPodAffinityTerm(term).endPreferredDuringSchedulingIgnoredDuringExecution()
                    .endPodAntiAffinity();
        }
        return Optional.of(b.build());
    }

    static List<TopologySpreadConstraint> spread(JsonNode spec, Map<String, String> serverSelector) {
        List<TopologySpreadConstraint> given = Specs.list(spec.path("topologySpreadConstraints"),
                TopologySpreadConstraint.class);
        if (!given.isEmpty()) {
            return given;
        }
        JsonNode s = spec.path("topology").path("placement").path("topologySpread");
        if (!s.path("enabled").asBoolean(false)) {
            return List.of();
        }
        TopologySpreadConstraintBuilder b = new TopologySpreadConstraintBuilder()
                .withTopologyKey(Specs.text(s.path("topologyKey"), "topology.kubernetes.io/zone"))
                .withMaxSkew(s.path("maxSkew").asInt(1))
                .withWhenUnsatisfiable(Specs.text(s.path("whenUnsatisfiable"), "ScheduleAnyway"))
                .withLabelSelector(selector(serverSelector));
        if (s.path("minDomains").isIntegralNumber()) {
            b.withMinDomains(s.path("minDomains").asInt());
        }
        return List.of(b.build());
    }

    /** {@code spec.nodeSelector} plus {@code spec.topology.placement.nodeSelector}. */
    static Map<String, String> nodeSelector(JsonNode spec) {
        Map<String, String> m = Specs.strings(spec.path("nodeSelector"));
        m.putAll(Specs.strings(spec.path("topology").path("placement").path("nodeSelector")));
        return m;
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }
}
