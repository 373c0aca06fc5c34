package io.neo4jguard.core.engine;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a check sees of one validation: the object, the old object on UPDATE, the resolver, and a
 * sink for findings. Reported findings carry the rule's default severity; policy applies later.
 */
public final class RuleContext {
    private final Resource resource;
    private final Resource old;
    private final Resolver resolver;
    private final Set<String> allowedRules;
    private final List<Finding> findings = new ArrayList<>();

    RuleContext(Resource resource, Resource old, Resolver resolver, Set<String> allowedRules) {
        this.resource = resource;
        this.old = old;
        this.resolver = resolver;
        this.allowedRules = allowedRules;
    }

    /** For tests of a single check. */
    public static RuleContext forTest(Resource resource, Resource old, Resolver resolver, Check check) {
        return new RuleContext(resource, old, resolver == null ? Resolver.NONE : resolver,
                check.rules().stream().map(RuleMeta::id).collect(java.util.stream.Collectors.toSet()));
    }

    public Resource resource() {
        return resource;
    }

    public String kind() {
        return resource.kind();
    }

    /** The whole object. */
    public Node root() {
        return Node.root(resource.tree());
    }

    public Node spec() {
        return root().get("spec");
    }

    public Node metadata() {
        return root().get("metadata");
    }

    /** The object before an UPDATE; empty on CREATE and in a CLI run without {@code --old}. */
    public Optional<Resource> old() {
        return Optional.ofNullable(old);
    }

    public Optional<Node> oldSpec() {
        return old().map(o -> Node.root(o.tree()).get("spec"));
    }

    public Resolver resolver() {
        return resolver;
    }

    /** The namespace for references: the object's own, or {@code default} when the manifest has none. */
    public String namespace() {
        return resource.effectiveNamespace();
    }

    public void report(RuleMeta rule, String field, String message) {
        report(rule, field, message, "", List.of());
    }

    public void report(RuleMeta rule, String field, String message, String hint) {
        report(rule, field, message, hint, List.of());
    }

    public void report(RuleMeta rule, String field, String message, String hint, List<PatchOperation> fix) {
        if (!allowedRules.contains(rule.id())) {
            throw new IllegalStateException("check reported rule " + rule.id() + " that it does not declare");
        }
        if (!rule.appliesTo(resource.kind())) {
            throw new IllegalStateException("check reported rule " + rule.id() + " on a " + resource.kind()
                    + ", a kind the rule does not apply to");
        }
        findings.add(new Finding(rule.id(), rule.severity(), field, message, hint,
                resource.locate(field), fix));
    }

    List<Finding> findings() {
        return findings;
    }

    /** Findings reported so far (tests). */
    public List<Finding> reported() {
        return List.copyOf(findings);
    }
}
