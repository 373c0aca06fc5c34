package io.neo4jguard.webhook;

import io.neo4jguard.core.rules.Catalog;
import io.neo4jguard.certs.cli.CertsCommand;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.reconciler.cli.RenderCommand;
import io.neo4jguard.webhook.playground.PlaygroundCommand;
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
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code neo4j-guard}, the runnable distribution: validation-core's commands ({@code check},
 * {@code explain}, {@code rules}, and {@code mutate} when core has it) plus {@code serve} (the admission
 * webhooks) and later {@code certs}.
 *
 * <p>core's commands are package-private, built inside {@link io.neo4jguard.core.cli.Main}; until core
 * exposes its command line (see the integrator note in the report), their invocations are handed to
 * core's {@code Main.run} unchanged, so they behave exactly as in validation-core.
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 2;

    /** Commands owned by validation-core's CLI; anything else that is not ours is reported by core too. */
    static final Set<String> CORE_COMMANDS = Set.of("check", "explain", "rules", "mutate");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    public Main(InputStream in, PrintStream out, PrintStream err, Path cwd) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.cwd = cwd.toAbsolutePath();
    }

    public static void main(String[] args) {
        if (args.length > 0 && CORE_COMMANDS.contains(args[0])) {
            io.neo4jguard.core.cli.Main.main(args); // core's own streams, colour detection and exit
            return;
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(System.in, out, err, Path.of("")).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; {@code serve} returns only when the server has stopped. */
    public int run(String... args) {
        if (args.length > 0 && CORE_COMMANDS.contains(args[0])) {
            return new io.neo4jguard.core.cli.Main(Catalog.standard(), in, out, err, false, cwd).run(args);
        }
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand(new CommandLine(new ServeCommand(out, err, cwd)));
        // Listed for --help only: their invocations never get here (handed to core above).
        listed(cl, "check", "Checks manifests (YAML/JSON files, directories, stdin): for CI");
        listed(cl, "explain", "Explains a rule: rationale, remediation, example");
        listed(cl, "rules", "Lists the rules");
        listed(cl, "mutate", "Prints manifests with the safe defaults filled in, or the JSON Patch per object");
        cl.addSubcommand("certs", new CertsCommand(out, err, cwd, Clock.systemUTC(), KubeClients.system()::client));
        cl.addSubcommand(new CommandLine(new RenderCommand(in, out, err, cwd)));
        cl.addSubcommand(new CommandLine(new PlaygroundCommand(out, err, cwd)));
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("neo4j-guard: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("neo4j-guard: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return USAGE;
        });
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
            out.flush();
        }
    }

    private static void listed(CommandLine root, String name, String description) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(
                (Runnable) () -> { });
        spec.name(name).usageMessage().description(description);
        root.addSubcommand(name, new CommandLine(spec));
    }

    @Command(name = "neo4j-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Validates and defaults Neo4j Enterprise Operator objects (neo4j.neo4j.com/v1beta1): "
                    + "in CI, and as admission webhooks.",
            commandListHeading = "%nCommands:%n",
            footer = {"", "Run 'neo4j-guard COMMAND --help' for a command's options.",
                    "Exit codes: 0 clean, 1 findings at or above --fail-on (check), 2 usage, I/O or start-up error."})
    static final class Root implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("neo4j-guard: missing command (serve, check, explain or rules)");
            spec.commandLine().usage(spec.commandLine().getErr());
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
