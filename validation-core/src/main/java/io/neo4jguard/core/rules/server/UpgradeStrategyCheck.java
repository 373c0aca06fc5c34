package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code spec.upgradeStrategy}: how the operator rolls a new image out. The reference validates it only on its
 * (never reached) update path; here it is checked on every admission.
 */
public final class UpgradeStrategyCheck implements Check {
    static final List<String> STRATEGIES = List.of("RollingUpgrade", "Recreate");
    static final List<String> TIMEOUTS = List.of("upgradeTimeout", "healthCheckTimeout", "stabilizationTimeout");

    public static final RuleMeta STRATEGY = rule("upgrade.strategy", "upgradeStrategy.strategy must be "
                    + "RollingUpgrade or Recreate", Severity.ERROR,
            "The operator knows two ways to roll out a new image: RollingUpgrade (one server at a time, keeping "
                    + "quorum) and Recreate. The CRD enum rejects anything else.",
            "Use RollingUpgrade (the default).",
            "spec:\n  upgradeStrategy:\n    strategy: RollingUpgrade");

    public static final RuleMeta TIMEOUT = rule("upgrade.timeout-format",
            "Upgrade timeouts must be positive Go durations", Severity.ERROR,
            "upgradeTimeout, healthCheckTimeout and stabilizationTimeout are parsed with Go's time.ParseDuration "
                    + "(h, m, s; no days). An unparseable value fails the upgrade before it starts, and a zero or "
                    + "negative timeout fails every step at once.",
            "Write e.g. 30m, 5m, 3m (the defaults).",
            "spec:\n  upgradeStrategy:\n    upgradeTimeout: 30m\n    healthCheckTimeout: 5m\n"
                    + "    stabilizationTimeout: 3m");

    public static final RuleMeta MAX_UNAVAILABLE = rule("upgrade.max-unavailable",
            "maxUnavailableDuringUpgrade must not be negative", Severity.ERROR,
            "maxUnavailableDuringUpgrade is how many servers may be down at once during a rolling upgrade; a "
                    + "negative count is meaningless and the operator rejects it.",
            "Use 1 (the default).",
            "spec:\n  upgradeStrategy:\n    maxUnavailableDuringUpgrade: 1");

    public static final RuleMeta MAX_UNAVAILABLE_QUORUM = new RuleMeta("upgrade.max-unavailable-quorum",
            "Taking this many servers down at once can lose quorum", Severity.WARNING, ServerSpecs.CLUSTER,
            "Raft keeps a database writable while a majority of its primaries is up: M = 2F + 1 primaries tolerate "
                    + "F down. The system database has minSystemPrimaries primaries (3 by default), so with more "
                    + "than F servers restarting together the cluster can lose the system database's quorum in "
                    + "the middle of the upgrade.",
            "Keep maxUnavailableDuringUpgrade at 1 (or at most (minSystemPrimaries - 1) / 2).",
            "spec:\n  upgradeStrategy:\n    maxUnavailableDuringUpgrade: 1");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(STRATEGY, TIMEOUT, MAX_UNAVAILABLE, MAX_UNAVAILABLE_QUORUM);
    }

    @Override
    public void check(RuleContext ctx) {
        Node strategy = ctx.spec().get("upgradeStrategy");
        if (!strategy.isObject()) {
            return;
        }
        Node kind = strategy.get("strategy");
        kind.text().filter(s -> !s.isEmpty() && !STRATEGIES.contains(s)).ifPresent(s -> {
            Optional<String> canonical = ServerSpecs.canonical(s, STRATEGIES);
            if (canonical.isPresent()) {
                ctx.report(STRATEGY, kind.path(), Messages.notSupported(s, STRATEGIES), "write " + canonical.get(),
                        ServerSpecs.replaceText(ServerSpecs.pointer("spec", "upgradeStrategy", "strategy"),
                                canonical.get()));
            } else {
                ctx.report(STRATEGY, kind.path(), Messages.notSupported(s, STRATEGIES));
            }
        });
        for (String field : TIMEOUTS) {
            Node n = strategy.get(field);
            Optional<String> text = n.text().filter(s -> !s.isEmpty());
            if (text.isEmpty()) {
                continue;
            }
            Parsed<Long> d = GoDuration.nanos(text.get());
            if (!d.ok()) {
                String fix = GoDuration.fix(text.get());
                ctx.report(TIMEOUT, n.path(), Messages.invalid(text.get(), d.error()),
                        fix == null ? "e.g. 30m" : "write " + fix, fix == null ? List.of()
                                : ServerSpecs.replaceText(ServerSpecs.pointer("spec", "upgradeStrategy", field), fix));
            } else if (d.value() <= 0) {
                ctx.report(TIMEOUT, n.path(), Messages.invalid(text.get(), "must be positive: a timeout of "
                        + text.get() + " fails every upgrade step at once"), "e.g. 30m");
            }
        }
        Node maxNode = strategy.get("maxUnavailableDuringUpgrade");
        OptionalLong max = maxNode.integer();
        if (max.isEmpty()) {
            return;
        }
        if (max.getAsLong() < 0) {
            ctx.report(MAX_UNAVAILABLE, maxNode.path(), Messages.invalid(maxNode.json(), "must not be negative"),
                    "use 1");
            return;
        }
        if (!ServerSpecs.isCluster(ctx)) {
            return;
        }
        Node topology = ctx.spec().get("topology");
        OptionalLong servers = topology.get("servers").integer();
        long systemPrimaries = topology.get("minSystemPrimaries").integer().orElse(
                Math.min(UpdateCheck.DEFAULT_SYSTEM_PRIMARIES, servers.orElse(UpdateCheck.DEFAULT_SYSTEM_PRIMARIES)));
        if (systemPrimaries < 1) {
            return;
        }
        long tolerated = (systemPrimaries - 1) / 2; // M = 2F + 1
        if (max.getAsLong() > Math.max(tolerated, 1)) {
            ctx.report(MAX_UNAVAILABLE_QUORUM, maxNode.path(), Messages.invalid(maxNode.json(), systemPrimaries
                            + " system primaries tolerate " + tolerated + " down (M = 2F + 1); "
                            + max.getAsLong() + " servers restarting together can lose the system database's "
                            + "quorum"),
                    "use " + Math.max(tolerated, 1));
        }
    }
}
