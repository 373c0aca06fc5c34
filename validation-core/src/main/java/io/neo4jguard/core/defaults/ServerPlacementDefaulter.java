package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;

import java.util.Set;

/**
 * Spreads a cluster's servers over nodes and zones when the user gave no placement at all. Uses the
 * operator's own {@code spec.topology.placement} block rather than a raw {@code spec.affinity}, so the
 * operator builds the label selector for exactly this cluster's server pods.
 */
final class ServerPlacementDefaulter implements Defaulter {
    static final RuleMeta META = new RuleMeta("defaults.server-placement",
            "Spread cluster servers across nodes and zones", Severity.WARNING, Set.of(Kinds.CLUSTER),
            "With no placement, the scheduler may put several servers of one cluster on the same node. A Raft "
                    + "cluster of 3 tolerates 1 failure (M = 2F + 1): a single node loss that takes 2 servers "
                    + "loses write quorum for every database. Preferred pod anti-affinity on kubernetes.io/hostname "
                    + "(weight 100, the strongest preference) keeps servers apart whenever nodes allow, and a zone "
                    + "spread with ScheduleAnyway spreads them over zones without leaving pods Pending on a "
                    + "single-zone cluster. A policy can make the anti-affinity required.",
            "Set spec.topology.placement yourself (or spec.affinity) to choose another spread, or annotate the "
                    + "object with neo4j-guard.io/defaults: off.",
            "spec:\n  topology:\n    servers: 3\n    placement:\n      antiAffinity: {enabled: true, type: preferred, "
                    + "topologyKey: kubernetes.io/hostname}\n      topologySpread: {enabled: true, topologyKey: "
                    + "topology.kubernetes.io/zone, maxSkew: 1, whenUnsatisfiable: ScheduleAnyway}");

    /** Kubernetes' well-known node label: one value per node. */
    static final String HOSTNAME_KEY = "kubernetes.io/hostname";
    /** Kubernetes' well-known zone label. */
    static final String ZONE_KEY = "topology.kubernetes.io/zone";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void propose(Resource object, DefaultsOptions options, Proposals proposals) {
        if (!object.kind().equals(Kinds.CLUSTER)) {
            return;
        }
        JsonNode spec = object.tree().path("spec");
        JsonNode servers = spec.path("topology").path("servers");
        // One server has nothing to spread; a non-integer is a validation error, not ours to guess.
        if (!servers.isIntegralNumber() || servers.asLong() < 2) {
            return;
        }
        if (present(spec.path("affinity")) || present(spec.path("topology").path("placement"))
                || present(spec.path("topologySpreadConstraints"))) {
            return;
        }
        if (!spec.path("topology").isObject()) {
            return;
        }
        // enforceDistribution is the user's placement choice: the operator then requires one server per zone
        // itself, and a placement block would change how it finds the zones (it discovers them from nodes).
        if (spec.path("topology").path("enforceDistribution").asBoolean(false)) {
            return;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode anti = f.objectNode()
                .put("enabled", true)
                .put("type", options.requiredAntiAffinity() ? "required" : "preferred")
                .put("topologyKey", HOSTNAME_KEY);
        ObjectNode spread = f.objectNode()
                .put("enabled", true)
                .put("topologyKey", ZONE_KEY)
                // maxSkew 1: zone counts differ by at most one server, the tightest spread possible.
                .put("maxSkew", 1)
                .put("whenUnsatisfiable", "ScheduleAnyway");
        ObjectNode placement = f.objectNode();
        placement.set("antiAffinity", anti);
        placement.set("topologySpread", spread);
        proposals.setIfAbsent(META, JsonPointer.of("spec", "topology", "placement"), placement);
    }

    private static boolean present(JsonNode n) {
        return !n.isMissingNode() && !n.isNull();
    }
}
