package io.neo4jguard.core.cli;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.rules.Catalog;
import picocli.CommandLine;

import java.util.List;
import java.util.function.Supplier;

/** validation-core's commands: {@code check}, {@code mutate}, {@code explain}, {@code rules}. */
public final class Commands {
    private Commands() {
    }

    /** Adds the commands with every shipped rule ({@link Catalog#standard()}, built only when a command runs). */
    public static void register(CommandLine root, Streams io) {
        register(root, io, Catalog::standard);
    }

    /** Adds the commands judging with {@code checks} (tests, builds with extra rules). */
    public static void register(CommandLine root, Streams io, Supplier<List<Check>> checks) {
        Invocation invocation = new Invocation(checks, io);
        root.addSubcommand(new CheckCommand(invocation));
        root.addSubcommand(new MutateCommand(invocation));
        root.addSubcommand(new ExplainCommand(invocation));
        root.addSubcommand(new RulesCommand(invocation));
    }
}
