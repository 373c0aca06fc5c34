package io.neo4jguard.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The one {@code neo4j-guard} command line, whichever modules it is built from: the root command, the
 * version, the error handling and the exit codes. Modules add their commands to the root
 * ({@link Commands#register} for validation-core's); the distribution registers every module's, and
 * validation-core's own {@link Main} only its own.
 *
 * <pre>{@code
 * CommandLine root = Cli.root("what this build does");
 * Commands.register(root, streams);          // check, mutate, explain, rules
 * root.addSubcommand(new ServeCommand(...)); // any module's picocli command
 * int code = Cli.run(root, streams, args);
 * }</pre>
 *
 * Exit codes: {@value #OK} clean, {@value #FINDINGS} findings at or above {@code --fail-on}, {@value #USAGE}
 * usage, I/O, parse, policy or start-up error (a message naming file and line, never a stack trace).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** The root command, without subcommands yet; {@code description} says what this build does. */
    public static CommandLine root(String description) {
        CommandLine root = new CommandLine(new Root());
        root.getCommandSpec().usageMessage().description(description);
        return root;
    }

    /**
     * Runs one command line on {@code root} (with every module's commands registered) and returns its exit
     * code; never throws, never calls System.exit. Output settings and handlers are applied here, after
     * registration, because picocli hands them only to the subcommands present when they are set.
     */
    public static int run(CommandLine root, Streams io, String... args) {
        PrintWriter out = new PrintWriter(io.out(), true);
        PrintWriter err = new PrintWriter(io.err(), true);
        root.setOut(out);
        root.setErr(err);
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setParameterExceptionHandler((e, a) -> {
            io.error(e.getMessage());
            io.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        root.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A bug in neo4j-guard: say so in one line; a stack trace helps no CI log reader.
            io.error("internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return USAGE;
        });
        try {
            return root.execute(args);
        } finally {
            out.flush();
            err.flush();
            io.out().flush();
            io.err().flush();
        }
    }

    @Command(name = "neo4j-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
            commandListHeading = "%nCommands:%n",
            footer = {"", "Run 'neo4j-guard COMMAND --help' for a command's options.",
                    "Exit codes: 0 clean, 1 findings at or above --fail-on (check), 2 usage, I/O, parse, policy "
                            + "or start-up error."})
    static final class Root implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> names = new ArrayList<>(spec.subcommands().keySet());
            String list = names.size() < 2 ? String.join("", names)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
            spec.commandLine().getErr().println("neo4j-guard: missing command (" + list + ")");
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"neo4j-guard " + (v == null ? "development build" : v)};
        }
    }
}
