package io.neo4jguard.core.rules.refs;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Objects of one kind that claim the same thing on the same server: {@code (spec.clusterRef, spec.name)},
 * with the name compared as the operator compares it (Neo4j database names case-insensitively, plugin names
 * likewise). The operator lets the older object keep the claim, so {@link #rivals} leaves out the objects
 * this one predates; when neither creation time is known (a CLI run) both objects see each other.
 */
public final class SameTarget {
    private SameTarget() {
    }

    /** The claim of an object: its trimmed {@code clusterRef} and its normalised {@code name}. */
    public record Claim(String clusterRef, String name) {
        /** The claim of {@code spec}, or empty when it lacks a {@code clusterRef} or a {@code name}. */
        public static Optional<Claim> of(Node spec, UnaryOperator<String> normaliseName) {
            Optional<String> ref = trimmed(spec.get("clusterRef"));
            Optional<String> name = trimmed(spec.get("name")).map(normaliseName);
            return ref.isEmpty() || name.isEmpty() ? Optional.empty() : Optional.of(new Claim(ref.get(), name.get()));
        }
    }

    /**
     * The other objects of {@code kind} in the checked object's namespace with the same claim, except those
     * the checked object is older than.
     */
    public static List<Resource> rivals(RuleContext ctx, String kind, Claim claim,
            UnaryOperator<String> normaliseName) {
        String self = ctx.resource().name();
        List<Resource> out = new ArrayList<>();
        for (Resource other : ctx.resolver().list(kind, ctx.namespace())) {
            if (other == null || other.name().equals(self)) {
                continue;
            }
            if (!Claim.of(Node.root(other.tree()).get("spec"), normaliseName).equals(Optional.of(claim))) {
                continue;
            }
            if (!ctx.resource().createdBefore(other)) {
                out.add(other);
            }
        }
        return out;
    }

    private static Optional<String> trimmed(Node n) {
        return n.text().map(String::trim).filter(s -> !s.isEmpty());
    }
}
