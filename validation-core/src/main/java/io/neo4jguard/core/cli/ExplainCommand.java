package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.policy.RuleSelectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a rule's title, severity, kinds, rationale, remediation and example. "
                + "Given a concern (e.g. memory), lists its rules.")
final class ExplainCommand implements Callable<Integer> {
    /** Text is wrapped to fit an 80-column terminal with a 2-space indent. */
    private static final int WIDTH = 78;

    private final Invocation invocation;

    @Parameters(index = "0", paramLabel = "RULE-ID", description = "a rule ID such as topology.min-servers")
    String id;

    ExplainCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Validator validator = invocation.validator();
        String wanted = id.trim();
        Optional<RuleMeta> rule = validator.rule(wanted);
        if (rule.isPresent()) {
            invocation.out().print(explain(rule.get()));
            return Main.OK;
        }
        List<RuleMeta> group = validator.rules().stream().filter(r -> r.concern().equals(wanted)).toList();
        if (!group.isEmpty()) {
            StringBuilder b = new StringBuilder(wanted).append(" is a concern with ").append(group.size())
                    .append(group.size() == 1 ? " rule" : " rules").append(":\n");
            group.forEach(r -> b.append("  ").append(r.id()).append("  ").append(r.severity().label())
                    .append("  ").append(r.title()).append('\n'));
            invocation.out().print(b);
            return Main.OK;
        }
        List<String> close = RuleSelectors.closest(wanted, validator.rules());
        invocation.error("unknown rule " + io.neo4jguard.core.api.Messages.quote(wanted)
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        invocation.err().println("'neo4j-guard rules' lists every rule.");
        return Main.USAGE;
    }

    static String explain(RuleMeta r) {
        StringBuilder b = new StringBuilder();
        b.append(r.id()).append(" (").append(r.severity().label()).append(")\n");
        b.append(r.title()).append("\n\n");
        String kinds = r.kinds().containsAll(Kinds.ALL) ? "all ten kinds"
                : Kinds.ALL.stream().filter(r::appliesTo).collect(Collectors.joining(", "));
        b.append("Kinds:\n").append(wrap(kinds)).append('\n');
        b.append("Why:\n").append(wrap(r.rationale())).append('\n');
        b.append("Remediation:\n").append(wrap(r.remediation()));
        if (!r.example().isBlank()) {
            b.append("\nExample:\n");
            r.example().stripTrailing().lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.toString();
    }

    /** Greedy word wrap with a 2-space indent; words longer than the line stay whole. */
    static String wrap(String text) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            StringBuilder line = new StringBuilder("  ");
            for (String word : paragraph.trim().split("\\s+")) {
                if (line.length() > 2 && line.length() + 1 + word.length() > WIDTH) {
                    b.append(line).append('\n');
                    line = new StringBuilder("  ");
                }
                if (line.length() > 2) {
                    line.append(' ');
                }
                line.append(word);
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
