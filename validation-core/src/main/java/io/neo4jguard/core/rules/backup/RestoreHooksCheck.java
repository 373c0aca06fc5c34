package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Restore hooks ({@code spec.options.preRestore}, {@code spec.options.postRestore}): Cypher statements the
 * operator runs against the target, and a Job it runs from a container template. A failing hook fails the
 * whole restore, after the target may already have been stopped, so hook mistakes are worth catching early.
 */
public final class RestoreHooksCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.RESTORE);
    private static final List<String> HOOKS = List.of("preRestore", "postRestore");

    public static final RuleMeta CYPHER = new RuleMeta("restore.hook-cypher",
            "Hook Cypher statements must not be blank", Severity.ERROR, KINDS,
            "Each cypherStatements item is sent to Neo4j as one query; an empty query is a syntax error, which "
                    + "fails the hook and with it the restore.",
            "Remove the empty item.",
            "postRestore:\n  cypherStatements:\n    - CALL db.awaitIndexes(600)");

    public static final RuleMeta CYPHER_MULTIPLE = new RuleMeta("restore.hook-cypher-multiple-statements",
            "Hook Cypher item holds more than one statement", Severity.WARNING, KINDS,
            "Each cypherStatements item is sent as one query, and Neo4j refuses a query string with several "
                    + "statements (\"Expected exactly one statement per query\"). A ';' followed by more Cypher "
                    + "(outside strings and comments) means several statements.",
            "Split the item into one list entry per statement.",
            "postRestore:\n  cypherStatements:\n    - CALL db.awaitIndexes(600)\n"
                    + "    - CALL dbms.security.clearAuthCache()");

    public static final RuleMeta JOB = new RuleMeta("restore.hook-job",
            "Hook Job template must be runnable", Severity.ERROR, KINDS,
            "The hook Job is built from job.template.container: the CRD requires template, container and image; "
                    + "Kubernetes refuses a negative backoffLimit, an env entry without a name (or with '=' in it), "
                    + "or one with both value and valueFrom; job.timeout is a Go duration (10m, 1h) and must be "
                    + "positive. Any of these fails the restore at the hook.",
            "Give the container an image, valid env entries, and a positive timeout such as 10m.",
            "postRestore:\n  job:\n    template:\n      container:\n        image: neo4j:5.26.0-enterprise\n"
                    + "        command: [\"/bin/sh\", \"-c\", \"echo done\"]\n    timeout: 10m");

    private static final List<RuleMeta> RULES = List.of(CYPHER, CYPHER_MULTIPLE, JOB);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.RESTORE.equals(ctx.kind())) {
            return;
        }
        Node options = ctx.spec().get("options");
        for (String hookName : HOOKS) {
            Node hook = options.get(hookName);
            if (!hook.isObject()) {
                continue;
            }
            for (Node statement : hook.get("cypherStatements").items()) {
                statement.text().ifPresent(s -> checkStatement(ctx, statement, s));
            }
            Node job = hook.get("job");
            if (job.isObject()) {
                checkJob(ctx, job);
            }
        }
    }

    private void checkStatement(RuleContext ctx, Node field, String cypher) {
        if (CypherStatements.isBlank(cypher)) {
            ctx.report(CYPHER, field.path(), Messages.required("a Cypher statement (this item is empty)"));
        } else if (CypherStatements.count(cypher) > 1) {
            ctx.report(CYPHER_MULTIPLE, field.path(),
                    "This item holds " + CypherStatements.count(cypher) + " statements separated by ';'; Neo4j runs "
                            + "one statement per query",
                    "split it into one cypherStatements entry per statement");
        }
    }

    private void checkJob(RuleContext ctx, Node job) {
        Node template = job.get("template");
        Node container = template.get("container");
        Node image = container.get("image");
        Optional<String> img = image.text().map(String::trim).filter(s -> !s.isEmpty());
        if (img.isEmpty()) {
            ctx.report(JOB, image.path(), Messages.required("the hook container's image"));
        } else if (!img.get().equals(image.textOr("")) || img.get().chars().anyMatch(c -> c <= ' ')) {
            ctx.report(JOB, image.path(), Messages.invalid(image.textOr(""),
                    "an image reference has no spaces or control characters"));
        }
        OptionalLong backoff = template.get("backoffLimit").integer();
        if (backoff.isPresent() && backoff.getAsLong() < 0) {
            ctx.report(JOB, template.get("backoffLimit").path(),
                    Messages.invalid(template.get("backoffLimit").json(), "must be greater than or equal to 0"));
        }
        for (Node env : container.get("env").items()) {
            Node name = env.get("name");
            Optional<String> n = name.text().filter(s -> !s.isEmpty());
            if (n.isEmpty()) {
                ctx.report(JOB, name.path(), Messages.required("the environment variable's name"));
            } else if (n.get().contains("=") || n.get().chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                ctx.report(JOB, name.path(), Messages.invalid(n.get(),
                        "an environment variable name is printable ASCII without '='"));
            }
            if (env.get("value").text().filter(s -> !s.isEmpty()).isPresent() && env.get("valueFrom").isObject()) {
                ctx.report(JOB, env.get("valueFrom").path(),
                        Messages.forbidden("may not be specified when value is not empty"));
            }
        }
        Node timeout = job.get("timeout");
        timeout.text().ifPresent(t -> {
            Parsed<Duration> d = GoDuration.parsePositive(t);
            if (!d.ok()) {
                ctx.report(JOB, timeout.path(), Messages.invalid(t, d.error()), "write e.g. 10m or 1h");
            }
        });
    }
}
