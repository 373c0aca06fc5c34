package io.neo4jguard.core.cli;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.rules.Catalog;

import java.util.List;
import java.util.function.Supplier;

/** validation-core's commands: {@code check}, {@code mutate}, {@code explain}, {@code rules}. */
public final class Commands {
    private Commands() {
    }

    /** The commands with every shipped rule, made when a run needs them ({@link Cli#run(String, List, Streams, String...)}). */
    public static List<Cli.Subcommand> of(Streams io) {
        return of(io, Catalog::standard);
    }

    /** The commands judging with {@code checks}, made when a run needs them. */
    public static List<Cli.Subcommand> of(Streams io, Supplier<List<Check>> checks) {
        Invocation invocation = new Invocation(checks, io);
        return List.of(new Cli.Subcommand("check", () -> new CheckCommand(invocation)),
                new Cli.Subcommand("mutate", () -> new MutateCommand(invocation)),
                new Cli.Subcommand("explain", () -> new ExplainCommand(invocation)),
                new Cli.Subcommand("rules", () -> new RulesCommand(invocation)));
    }
}
