package io.neo4jguard.core.engine;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.api.SeverityPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every check that applies to an object's kind, never stopping at the first problem, then
 * applies the severity policy (a {@link SeverityPolicy}, usually a {@code policy.Policy}). Thread-safe: checks are stateless and a context is made per call.
 */
public final class Engine {
    /** Reported when a check throws: a bug in neo4j-guard, never a reason to crash the caller. */
    public static final RuleMeta CHECK_FAILED = new RuleMeta("engine.check-failed",
            "A check failed with an internal error", Severity.ERROR, Set.copyOf(Kinds.ALL),
            "A check threw an exception on this object. The object was not fully validated, so the engine "
                    + "fails closed: it reports an error instead of admitting an object it could not check.",
            "Report the message to the neo4j-guard maintainers with the object (secrets removed). To admit the "
                    + "object meanwhile, a policy can set this rule to warning.",
            "");

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.severity())
            .thenComparing(Finding::field)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    private final List<Check> checks;
    private final SeverityPolicy policy;
    private final Map<String, RuleMeta> rules;
    private final Map<String, List<Check>> checksByKind;
    /** Each check's declared rule IDs, computed once: the per-object hot path only looks them up. */
    private final Map<Check, Set<String>> declared;

    public Engine(List<Check> checks, SeverityPolicy policy) {
        this.checks = List.copyOf(checks);
        this.policy = policy;
        Map<String, RuleMeta> byId = new LinkedHashMap<>();
        byId.put(CHECK_FAILED.id(), CHECK_FAILED);
        for (Check c : this.checks) {
            for (RuleMeta m : c.rules()) {
                RuleMeta previous = byId.putIfAbsent(m.id(), m);
                if (previous != null && previous != m) {
                    throw new IllegalArgumentException("rule id declared twice: " + m.id());
                }
            }
        }
        this.rules = Map.copyOf(byId);
        Map<String, List<Check>> byKind = new LinkedHashMap<>();
        for (String kind : Kinds.ALL) {
            byKind.put(kind, this.checks.stream()
                    .filter(c -> c.kinds().contains(kind))
                    .toList());
        }
        this.checksByKind = Map.copyOf(byKind);
        Map<Check, Set<String>> ids = new java.util.IdentityHashMap<>();
        for (Check c : this.checks) {
            ids.put(c, c.rules().stream().map(RuleMeta::id).collect(Collectors.toUnmodifiableSet()));
        }
        this.declared = ids;
    }

    /** All rules, sorted by ID. */
    public List<RuleMeta> rules() {
        return rules.values().stream().sorted(Comparator.comparing(RuleMeta::id)).toList();
    }

    public Optional<RuleMeta> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /**
     * Validates one object.
     *
     * @param object   the object (must be one of ours; others get no findings)
     * @param old      the object before an UPDATE, or null on CREATE
     * @param resolver answers cross-object references
     * @return the findings after policy, errors first, in a deterministic order
     */
    public List<Finding> validate(Resource object, Resource old, Resolver resolver) {
        if (!object.isOurs()) {
            return List.of();
        }
        List<Finding> raw = new ArrayList<>();
        for (Check check : checksByKind.getOrDefault(object.kind(), List.of())) {
            RuleContext ctx = new RuleContext(object, old, resolver == null ? Resolver.NONE : resolver,
                    declared.get(check));
            try {
                check.check(ctx);
                raw.addAll(ctx.findings());
            } catch (RuntimeException | StackOverflowError e) {
                raw.addAll(ctx.findings());
                raw.add(new Finding(CHECK_FAILED.id(), CHECK_FAILED.severity(), "",
                        "Internal error: " + check.getClass().getSimpleName() + " failed: " + describe(e),
                        "this is a bug in neo4j-guard, not in the object", object.locate(""), List.of()));
            }
        }
        List<Finding> out = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            RuleMeta meta = rules.get(f.rule());
            if (meta == null) {
                continue;
            }
            policy.severityFor(meta, object).ifPresent(s -> out.add(f.withSeverity(s)));
        }
        out.sort(ORDER);
        return out;
    }

    /** Exception class and message only: messages of our own checks never carry object contents. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
