package io.neo4jguard.core.cli;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.rules.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neo4j-guard}: {@code check} manifests in CI, {@code mutate} them with the defaults, {@code explain} a
 * rule, list the {@code rules}. Exit codes: 0 clean, 1 findings at or above {@code --fail-on} ({@code check}),
 * 2 usage, I/O, parse or policy error (a message naming file and line, never a stack trace).
 */
public final class Main {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    private final Invocation invocation;

    /**
     * @param checks the checks to run ({@link Catalog#standard()} in production)
     * @param colour colour the text output (the caller decides: terminal and no {@code NO_COLOR})
     * @param cwd    relative paths are read from here and SARIF locations are relative to it
     */
    public Main(List<Check> checks, InputStream in, PrintStream out, PrintStream err, boolean colour, Path cwd) {
        this.invocation = new Invocation(List.copyOf(checks), in, out, err, colour, cwd.toAbsolutePath());
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(Catalog.standard(), System.in, out, err, Terminal.colour(System.getenv()), Path.of(""))
                .run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never throws, never calls System.exit. */
    public int run(String... args) {
        PrintWriter out = new PrintWriter(invocation.out(), true);
        PrintWriter err = new PrintWriter(invocation.err(), true);
        CommandLine cl = new CommandLine(new Root(invocation));
        cl.addSubcommand(new CommandLine(new CheckCommand(invocation)));
        cl.addSubcommand(new CommandLine(new MutateCommand(invocation)));
        cl.addSubcommand(new CommandLine(new ExplainCommand(invocation)));
        cl.addSubcommand(new CommandLine(new RulesCommand(invocation)));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, a) -> {
            invocation.error(e.getMessage());
            CommandLine cmd = e.getCommandLine();
            invocation.err().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A bug in neo4j-guard: say so in one line; a stack trace helps no CI log reader.
            invocation.error("internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return USAGE;
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            out.flush();
            err.flush();
            invocation.out().flush();
            invocation.err().flush();
        }
        return code;
    }

    @Command(name = "neo4j-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Checks Neo4j Enterprise Operator manifests (neo4j.neo4j.com/v1beta1) before they exist.",
            footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, I/O or parse error.",
                    "Run 'neo4j-guard check --help' for the options of check, 'neo4j-guard mutate --help' for mutate."})
    static final class Root implements Callable<Integer> {
        private final Invocation invocation;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Root(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            invocation.error("missing command (check, mutate, explain or rules)");
            spec.commandLine().usage(invocation.err());
            return USAGE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"neo4j-guard " + (v == null ? "development build" : v)};
        }
    }
}
