package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.backup.AdminArgs;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges {@code options.additionalArgs}: extra neo4j-admin arguments. The operator single-quotes each item
 * before appending it to the shell command, so shell metacharacters are harmless; what breaks the Job is what
 * neo4j-admin (picocli) refuses: positional words, options removed in Neo4j 5, and options the operator
 * already passes ({@link AdminArgs}).
 */
final class AdditionalArgs {
    private AdditionalArgs() {
    }

    /**
     * @param owned options the operator passes in this configuration, mapped to the field that controls them
     * @param removed options neo4j-admin no longer knows
     */
    static void check(RuleContext ctx, Node args, RuleMeta rule, Map<String, String> owned, Set<String> removed) {
        for (Node arg : args.items()) {
            Optional<String> text = arg.text();
            if (text.isEmpty()) {
                continue;
            }
            String a = text.get();
            if (Names.hasControl(a)) {
                ctx.report(rule, arg.path(), Messages.invalid(a, "must not contain control characters"));
                continue;
            }
            if (!a.startsWith("-")) {
                ctx.report(rule, arg.path(), Messages.invalid(a,
                        "must be an option starting with '-': a bare word is read as a database name"),
                        "write options with their value in one item: --name=value");
                continue;
            }
            String name = AdminArgs.optionName(a);
            if (removed.contains(name)) {
                ctx.report(rule, arg.path(), Messages.invalid(a,
                        "neo4j-admin 5 and later no longer has " + name + " (a Neo4j 4 option)"));
            } else if (owned.containsKey(name)) {
                ctx.report(rule, arg.path(), Messages.forbidden(name + " is already passed by the operator ("
                        + owned.get(name) + "); neo4j-admin refuses an option given twice"),
                        "set " + owned.get(name) + " instead");
            }
        }
    }
}
