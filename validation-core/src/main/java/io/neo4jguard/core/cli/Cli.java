package io.neo4jguard.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The one {@code neo4j-guard} command line, whichever modules it is built from: the root command, the
 * version, the error handling and the exit codes. Modules add their commands to the root
 * ({@link Commands#of} for validation-core's); the distribution registers every module's, and
 * validation-core's own {@link Main} only its own.
 *
 * <pre>{@code
 * List<Cli.Subcommand> commands = new ArrayList<>(Commands.of(streams)); // check, mutate, explain, rules
 * commands.add(new Cli.Subcommand("serve", () -> new ServeCommand(...)));   // any module's picocli command
 * int code = Cli.run("what this build does", commands, streams, args);
 * }</pre>
 *
 * <p>A run builds only what it needs, because a CLI run is short and most of it is start-up: picocli reads a
 * command's annotations by reflection when the command is added (all nine commands of the distribution took
 * about 60 ms of a 0.3 s {@code --version} run on a 2-core machine), and picocli's own classes are compiled
 * for Java 5, which class-data sharing cannot archive and the JVM verifies with its slow old verifier (about
 * 80 ms more). So {@code --version} alone is answered before picocli is loaded, and a command line naming its
 * command ({@code check ...}) gets a root with that one command; anything else (no command, {@code --help}, a
 * misspelt command) gets every command, so usage and suggestions list them all.
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

    /**
     * A command of the root, named as on the command line, made only when a run needs it (see above).
     *
     * @param make makes the picocli command object (annotated with {@code @Command(name = name)})
     */
    public record Subcommand(String name, Supplier<Object> make) {
    }

    /**
     * Runs one command line on a root described by {@code description} with the {@code commands} it needs
     * (see above) and returns its exit code; never throws, never calls System.exit.
     */
    public static int run(String description, List<Subcommand> commands, Streams io, String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // What picocli prints for the root's --version (mixinStandardHelpOptions, Version below).
            for (String line : versionLines()) {
                io.out().println(line);
            }
            io.out().flush();
            return OK;
        }
        return run(root(description, needed(commands, args)), io, args);
    }

    /** The root command with {@code commands}, each made now. */
    public static CommandLine root(String description, List<Subcommand> commands) {
        CommandLine root = root(description);
        for (Subcommand c : commands) {
            root.addSubcommand(c.name(), c.make().get());
        }
        return root;
    }

    /** The commands a command line needs: the one it names first, or every one when it names none. */
    static List<Subcommand> needed(List<Subcommand> commands, String... args) {
        if (args.length > 0) {
            for (Subcommand c : commands) {
                if (c.name().equals(args[0])) {
                    return List.of(c);
                }
            }
        }
        return commands;
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
            return versionLines();
        }
    }

    /** The version, as {@code --version} prints it (here, not in {@link Version}: that one loads picocli). */
    static String[] versionLines() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return new String[] {"neo4j-guard " + (v == null ? "development build" : v)};
    }
}
