package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.propertySharding} of a cluster (the reference operator's cluster validator and
 * {@code validatePropertyShardingConfiguration} in its cluster controller). Memory set in
 * {@code spec.propertySharding.config} is counted by the memory rules ({@code ConfigSources#configAndEnv}).
 */
public final class PropertyShardingCheck implements Check {
    /** Property sharding ships with Neo4j 2025.12 (operations manual, sharded property databases). */
    static final Neo4jVersion FIRST = Neo4jVersion.of(2025, 12);

    /** The operator's hard minimums for a sharded cluster: 4096 MiB memory request, 1000m CPU request. */
    static final long MIN_MEMORY_MIB = 4096;
    static final BigDecimal MIN_CPU = BigDecimal.ONE;
    /** What the operator logs as recommended: 8192 MiB, 2 CPUs, 3 servers (HA graph shard primaries). */
    static final long RECOMMENDED_MEMORY_MIB = 8192;
    static final BigDecimal RECOMMENDED_CPU = BigDecimal.valueOf(2);
    static final long RECOMMENDED_SERVERS = 3;

    /** The settings the operator requires, when spec.propertySharding.config sets them at all. */
    static final Map<String, String> REQUIRED = requiredSettings();

    private static Map<String, String> requiredSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("internal.dbms.sharded_property_database.enabled", "true");
        m.put("db.query.default_language", "CYPHER_25");
        m.put("internal.dbms.sharded_property_database.allow_external_shard_access", "false");
        return m;
    }

    public static final RuleMeta VERSION = new RuleMeta("sharding.version",
            "Property sharding needs Neo4j 2025.12 or later", Severity.ERROR, ServerSpecs.CLUSTER,
            "Sharded property databases were introduced in Neo4j 2025.12 (operations manual, scalability / sharded "
                    + "property databases); 5.26 LTS and earlier CalVer releases do not have them, so the "
                    + "internal.dbms.sharded_property_database.* settings the operator writes are unknown there and "
                    + "strict validation stops the server. The reference operator refuses the cluster too.",
            "Use a 2025.12 or later image (spec.image.tag), or turn property sharding off.",
            "spec:\n  image:\n    repo: neo4j\n    tag: 2026.06-enterprise\n  propertySharding:\n    enabled: true");

    public static final RuleMeta REQUIRED_SETTING = new RuleMeta("sharding.required-setting",
            "A setting property sharding requires has another value", Severity.ERROR, ServerSpecs.CLUSTER,
            "The reference operator writes internal.dbms.sharded_property_database.enabled=true, "
                    + "db.query.default_language=CYPHER_25 and ...allow_external_shard_access=false for a sharded "
                    + "cluster, and refuses the cluster when spec.propertySharding.config sets one of them to "
                    + "anything else (exact text). Sharding features need Cypher 25 (operations manual, sharded "
                    + "property databases configuration).",
            "Remove the setting from spec.propertySharding.config (the operator writes it) or give it the required "
                    + "value.",
            "spec:\n  propertySharding:\n    enabled: true\n    config:\n      db.query.default_language: CYPHER_25",
            true);

    public static final RuleMeta RESOURCES_MINIMUM = new RuleMeta("sharding.resources-minimum",
            "Less than the reference operator's minimum resources for a sharded cluster", Severity.ERROR,
            ServerSpecs.CLUSTER,
            "With spec.resources.requests set, the reference operator refuses a sharded cluster whose memory "
                    + "request is below 4096 MiB or whose CPU request is below 1 core (a missing one counts as 0; "
                    + "only its NEO4J_SHARDING_RELAX_MEMORY_MIN=true environment relaxes it). Neo4j itself has no "
                    + "such floor.",
            "Request at least 4Gi of memory and 1 CPU (8Gi and 2 CPUs are recommended).",
            "spec:\n  propertySharding:\n    enabled: true\n  resources:\n    requests:\n      memory: 8Gi\n"
                    + "      cpu: \"2\"", true);

    public static final RuleMeta BELOW_RECOMMENDATION = new RuleMeta("sharding.below-recommendation",
            "A sharded cluster below the recommended size", Severity.WARNING, ServerSpecs.CLUSTER,
            "A sharded property database runs its graph shard as a Raft group and property shards on the same "
                    + "servers: three servers give the graph shard high availability (operations manual, planning "
                    + "and sizing), and the reference operator recommends at least 8 GiB of memory and 2 CPUs "
                    + "requested per server for cross-shard queries.",
            "Run at least 3 servers and request 8Gi of memory and 2 CPUs.",
            "spec:\n  topology:\n    servers: 3\n  propertySharding:\n    enabled: true\n  resources:\n    requests:\n"
                    + "      memory: 8Gi\n      cpu: \"2\"");

    private static final List<RuleMeta> RULES = List.of(VERSION, REQUIRED_SETTING, RESOURCES_MINIMUM,
            BELOW_RECOMMENDATION);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Node sharding = spec.get("propertySharding");
        if (!sharding.get("enabled").isTrue()) {
            return;
        }
        Node tag = spec.get("image", "tag");
        Parsed<Neo4jVersion> version = ServerImage.version(ctx.resource());
        if (!version.ok() || !version.value().atLeast(FIRST)) {
            ctx.report(VERSION, tag.path(), Messages.invalid(tag.textOr(""), "property sharding needs Neo4j 2025.12 "
                    + "or later" + (version.ok() ? ", not " + version.value() : "")), "use e.g. 2026.06-enterprise");
        }
        for (Map.Entry<String, String> e : REQUIRED.entrySet()) {
            Node v = sharding.get("config").get(e.getKey());
            v.scalarText().filter(text -> !text.equals(e.getValue())).ifPresent(text ->
                    ctx.report(REQUIRED_SETTING, v.path(), Messages.invalid(text, "property sharding requires "
                            + e.getKey() + "=" + e.getValue()), "remove it; the operator writes " + e.getValue()));
        }
        Node requests = spec.get("resources", "requests");
        long servers = spec.get("topology", "servers").integer().orElse(0);
        boolean small = servers > 0 && servers < RECOMMENDED_SERVERS;
        if (requests.isObject()) {
            BigDecimal memoryMib = quantity(requests.get("memory")).divide(BigDecimal.valueOf(1024 * 1024),
                    0, java.math.RoundingMode.DOWN);
            BigDecimal cpu = quantity(requests.get("cpu"));
            if (memoryMib.compareTo(BigDecimal.valueOf(MIN_MEMORY_MIB)) < 0) {
                ctx.report(RESOURCES_MINIMUM, requests.get("memory").path(), Messages.invalid(
                        requests.get("memory").scalarText().orElse("none"), "the reference operator refuses a "
                                + "sharded cluster with less than 4096 MiB of memory requested"), "request at least 4Gi");
            }
            if (cpu.compareTo(MIN_CPU) < 0) {
                ctx.report(RESOURCES_MINIMUM, requests.get("cpu").path(), Messages.invalid(
                        requests.get("cpu").scalarText().orElse("none"), "the reference operator refuses a sharded "
                                + "cluster with less than 1 CPU requested"), "request at least 1 (2 recommended)");
            }
            small |= memoryMib.compareTo(BigDecimal.valueOf(RECOMMENDED_MEMORY_MIB)) < 0
                    || cpu.compareTo(RECOMMENDED_CPU) < 0;
        }
        if (small) {
            ctx.report(BELOW_RECOMMENDATION, sharding.path(), Messages.invalid("propertySharding", "recommended: "
                    + "3 servers, 8Gi of memory and 2 CPUs requested per server"), "size the cluster up");
        }
    }

    /** A quantity's value (bytes, cores); absent or unreadable counts as 0, as in the operator. */
    private static BigDecimal quantity(Node n) {
        Parsed<BigDecimal> q = n.scalarText().map(KubernetesQuantity::parse).orElse(Parsed.fail("absent"));
        return q.ok() ? q.value() : BigDecimal.ZERO;
    }
}
