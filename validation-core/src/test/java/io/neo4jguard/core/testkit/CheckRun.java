package io.neo4jguard.core.testkit;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;

import java.util.List;

/** Runs one check on one object, without the engine's policy, and reads its findings. */
public final class CheckRun {
    private CheckRun() {
    }

    public static List<Finding> run(Check check, Resource object) {
        return run(check, object, null, Resolver.NONE);
    }

    public static List<Finding> run(Check check, Resource object, Resolver resolver) {
        return run(check, object, null, resolver);
    }

    /** {@code old} is the object before an UPDATE, or null; a null resolver knows nothing. */
    public static List<Finding> run(Check check, Resource object, Resource old, Resolver resolver) {
        RuleContext ctx = RuleContext.forTest(object, old, resolver == null ? Resolver.NONE : resolver, check);
        check.check(ctx);
        return ctx.reported();
    }

    /** The rule IDs of the findings, in order. */
    public static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    /** The rule IDs of the error findings, in order. */
    public static List<String> errorIds(List<Finding> findings) {
        return ids(findings.stream().filter(f -> f.severity() == Severity.ERROR).toList());
    }
}
