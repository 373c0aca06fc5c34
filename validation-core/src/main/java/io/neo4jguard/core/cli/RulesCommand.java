package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.RuleMeta;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every rule: ID, default severity, title. 'neo4j-guard explain <rule-id>' tells more.")
final class RulesCommand implements Callable<Integer> {
    private final Invocation invocation;

    RulesCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        List<RuleMeta> rules = invocation.validator().rules();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (RuleMeta r : rules) {
            b.append(String.format("%-" + width + "s  %-7s  %s\n", r.id(), r.severity().label(), r.title()));
        }
        invocation.out().print(b);
        return Main.OK;
    }
}
