package io.neo4jguard.core.api;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity of a rule, kept as data beside the code that checks it (kube-linter style): the rule
 * reference in {@code docs/rules.md} and {@code neo4j-guard explain} are generated from it.
 *
 * @param id           stable ID, {@code <concern>.<name>} in lower-case kebab, e.g. {@code topology.min-servers}
 * @param title        one line
 * @param severity     default severity (a policy may change it)
 * @param kinds        the kinds it applies to ({@link Kinds})
 * @param rationale    one paragraph: why this breaks Neo4j on Kubernetes
 * @param remediation  what to do instead
 * @param example      a short YAML fragment that passes the rule
 * @param operatorOnly the rule is an error because the reference operator refuses the object at reconcile, not
 *                     because Neo4j or Kubernetes would (DESIGN §3 "Verdict authority"); a policy can relax every
 *                     such rule at once with the selector {@code operator-only} (policies/reconciler-lite.yaml)
 */
public record RuleMeta(String id, String title, Severity severity, Set<String> kinds,
                       String rationale, String remediation, String example, boolean operatorOnly) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");

    public RuleMeta {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be <concern>.<name> in kebab case: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
        example = example == null ? "" : example;
    }

    /** A rule that Neo4j or Kubernetes itself motivates (not {@link #operatorOnly()}). */
    public RuleMeta(String id, String title, Severity severity, Set<String> kinds,
                    String rationale, String remediation, String example) {
        this(id, title, severity, kinds, rationale, remediation, example, false);
    }

    public String concern() {
        return id.substring(0, id.indexOf('.'));
    }

    public boolean appliesTo(String kind) {
        return kinds.contains(kind);
    }
}
