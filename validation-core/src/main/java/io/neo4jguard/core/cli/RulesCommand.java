package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.report.RuleSources;
import io.neo4jguard.core.report.RulesDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every rule: ID, default severity, title. 'neo4j-guard explain <rule-id>' tells more.")
final class RulesCommand implements Callable<Integer> {
    /** Lower case because they are typed as written. */
    enum Format {
        text, markdown
    }

    private final Invocation invocation;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per rule) or markdown (the whole rule reference, as in docs/rules.md). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    RulesCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        List<RuleMeta> rules = invocation.validator().rules();
        if (format == Format.markdown) {
            invocation.out().print(RulesDoc.render(rules, RuleSources.of(invocation.checks())));
            return Main.OK;
        }
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (RuleMeta r : rules) {
            b.append(String.format("%-" + width + "s  %-7s  %s\n", r.id(), r.severity().label(), r.title()));
        }
        invocation.out().print(b);
        return Main.OK;
    }
}
