package io.neo4jguard.core;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.policy.PolicyException;
import io.neo4jguard.core.report.Report;
import io.neo4jguard.core.rules.Catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's front door: validates Neo4j operator objects with every rule neo4j-guard ships
 * ({@link Catalog#standard()}, which holds the structure check too) under a policy. The CLI and the
 * webhook both come through here, so they give identical verdicts. Immutable and thread-safe.
 *
 * <pre>{@code
 * Validator v = Validator.standard().withPolicyFile(Path.of("policies/production.yaml"));
 * List<Finding> findings = v.validate(resource, null, resolver);
 * }</pre>
 */
public final class Validator {
    private final List<Check> checks;
    private final Policy policy;
    private final Engine engine;

    private Validator(List<Check> checks, Policy policy) {
        this.checks = List.copyOf(checks);
        this.policy = policy;
        this.engine = new Engine(this.checks, policy);
    }

    /** Every shipped check under the default policy (every rule at its own severity). */
    public static Validator standard() {
        return new Validator(Catalog.standard(), Policy.defaults());
    }

    /** Other checks than the shipped ones (tests, embedding with extra rules). */
    public static Validator of(List<Check> checks, Policy policy) {
        return new Validator(checks, Objects.requireNonNull(policy, "policy"));
    }

    /** The same checks under another policy. */
    public Validator withPolicy(Policy policy) {
        return new Validator(checks, Objects.requireNonNull(policy, "policy"));
    }

    /**
     * The same checks under the policy in {@code file}, which is checked against {@link #rules()}.
     *
     * @throws PolicyException naming file:line of every problem in the file
     */
    public Validator withPolicyFile(Path file) throws PolicyException {
        return withPolicyFile(file, file.toString());
    }

    /** As {@link #withPolicyFile(Path)}; messages call the file {@code name} (as the user wrote it). */
    public Validator withPolicyFile(Path file, String name) throws PolicyException {
        return withPolicy(Policy.load(file, name, rules()));
    }

    public Policy policy() {
        return policy;
    }

    public Engine engine() {
        return engine;
    }

    /** Every rule this validator may report, sorted by ID. */
    public List<RuleMeta> rules() {
        return engine.rules();
    }

    public Optional<RuleMeta> rule(String id) {
        return engine.rule(id);
    }

    /**
     * Validates one object (the webhook's door).
     *
     * @param object   the object; one that is not of our ten kinds gets no findings
     * @param old      the object before an UPDATE, or null on CREATE
     * @param resolver answers cross-object references; null for none
     * @return findings after policy, errors first, deterministic
     */
    public List<Finding> validate(Resource object, Resource old, Resolver resolver) {
        return engine.validate(object, old, resolver == null ? Resolver.NONE : resolver);
    }

    /**
     * Validates a batch (the CLI's door): all {@code objects} are the context of cross-object rules
     * (a {@link RunResolver}); each of ours is validated, as an UPDATE when {@code old} holds an object of
     * the same kind/namespace/name (a missing namespace counts as {@code default}).
     *
     * @param strictRefs a reference to an object that is not in the run is an error rather than a warning
     * @return the report, the same whatever the order of {@code objects}
     */
    public Report check(List<Resource> objects, List<Resource> old, boolean strictRefs) {
        return BatchRun.run(engine, new ArrayList<>(objects), old == null ? List.of() : old, strictRefs);
    }
}
