package io.neo4jguard.core.rules.refs;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a reference to a Neo4j cluster or standalone ({@code clusterRef}, {@code instanceRef}, ...)
 * the same way for every kind. Whether "not found" is an error depends on who asks: the webhook sees the
 * live cluster (authoritative); the CLI sees only the files of its run, where the target may already run
 * in the cluster the manifests are meant for, so by default it warns ({@code --strict-refs} makes it an
 * error). A check that resolves references lists {@link #RULES} among its own rules.
 */
public final class References {
    private static final Set<String> REFERRING = Set.of(Kinds.DATABASE, Kinds.PLUGIN, Kinds.BACKUP,
            Kinds.RESTORE, Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING, Kinds.AUTH_RULE);

    public static final RuleMeta TARGET_MISSING = new RuleMeta("refs.target-missing",
            "The referenced Neo4j cluster or standalone does not exist", Severity.ERROR, REFERRING,
            "The object names a Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone that does not exist in its "
                    + "namespace. The operator would retry forever and the object would never become ready.",
            "Create the cluster or standalone first, or fix the reference (same namespace, exact name).",
            "spec:\n  clusterRef: graph   # a Neo4jEnterpriseCluster named graph in the same namespace");

    public static final RuleMeta TARGET_NOT_IN_RUN = new RuleMeta("refs.target-not-in-run",
            "The referenced Neo4j cluster or standalone is not among the checked files", Severity.WARNING, REFERRING,
            "The CLI sees only the files it was given. The target may already run in the cluster the manifests are "
                    + "meant for, so this is a warning; version gates and capacity checks that need the target "
                    + "were skipped. Use --strict-refs to make it an error.",
            "Check the target's manifest in the same run, or pass --strict-refs in CI when all manifests are there.",
            "");

    public static final RuleMeta TARGET_UNKNOWN = new RuleMeta("refs.target-unresolved",
            "The referenced Neo4j cluster or standalone could not be looked up", Severity.WARNING, REFERRING,
            "The lookup of the target did not answer in time (for example the API server was slow). The object "
                    + "is admitted with this warning rather than holding the request; checks that need the target "
                    + "were skipped.",
            "Nothing to change in the object; if it persists, check neo4j-guard's access to the API server.",
            "");

    /** Declare these in {@code Check.rules()} of any check that calls {@link #server}. */
    public static final List<RuleMeta> RULES = List.of(TARGET_MISSING, TARGET_NOT_IN_RUN, TARGET_UNKNOWN);

    private References() {
    }

    /**
     * The cluster or standalone named by {@code ref}, looked up quietly: for checks that merely need the
     * target (its servers, its version) and skip that part when it is unknown. Only the kind's target check
     * calls {@link #server}, so one missing target yields one finding, not one per check.
     */
    public static Optional<Resource> lookup(RuleContext ctx, Node ref) {
        Optional<String> name = ref.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Resolution r = ctx.resolver().resolveServer(ctx.namespace(), name.get());
        return r.status() == Resolution.Status.FOUND ? r.object() : Optional.empty();
    }

    /**
     * The cluster or standalone named by {@code ref} in the object's namespace, reporting when it cannot be
     * found. Empty (and nothing reported) when the field is absent or blank: "required" is the caller's rule.
     */
    public static Optional<Resource> server(RuleContext ctx, Node ref) {
        Optional<String> name = ref.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Resolution r = ctx.resolver().resolveServer(ctx.namespace(), name.get());
        switch (r.status()) {
            case FOUND:
                return r.object();
            case NOT_FOUND:
                if (ctx.resolver().authoritative()) {
                    ctx.report(TARGET_MISSING, ref.path(), Messages.notFound(name.get(),
                            "no Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone of that name in namespace "
                                    + ctx.namespace()));
                } else {
                    ctx.report(TARGET_NOT_IN_RUN, ref.path(), Messages.notFound(name.get(),
                            "no Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone of that name in namespace "
                                    + ctx.namespace() + " among the checked files"),
                            "checks that need the target were skipped; --strict-refs makes this an error");
                }
                return Optional.empty();
            default:
                ctx.report(TARGET_UNKNOWN, ref.path(), "Could not resolve " + Messages.quote(name.get())
                        + (r.detail().isEmpty() ? "" : ": " + r.detail()));
                return Optional.empty();
        }
    }
}
