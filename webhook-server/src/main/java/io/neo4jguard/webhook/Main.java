package io.neo4jguard.webhook;

import io.neo4jguard.certs.cli.CertsCommand;
import io.neo4jguard.core.cli.Cli;
import io.neo4jguard.core.cli.Commands;
import io.neo4jguard.core.cli.Streams;
import io.neo4jguard.kube.KubeClients;
import io.neo4jguard.reconciler.cli.ReconcileCommand;
import io.neo4jguard.reconciler.cli.RenderCommand;
import io.neo4jguard.webhook.playground.PlaygroundCommand;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code neo4j-guard}, the runnable distribution: one command line ({@link Cli}: one root, version, error
 * handling and exit codes) with every module's commands registered natively. Registering a module's
 * commands is one line in {@link #commandLine}.
 */
public final class Main {
    static final int OK = Cli.OK;
    static final int USAGE = Cli.USAGE;

    private final Streams io;

    public Main(InputStream in, PrintStream out, PrintStream err, Path cwd) {
        this(new Streams(in, out, err, cwd, false));
    }

    Main(Streams io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(new Main(Streams.system()).run(args));
    }

    /** Runs one command line and returns its exit code; {@code serve} returns only when the server has stopped. */
    public int run(String... args) {
        return Cli.run(commandLine(io), io, args);
    }

    /** The root command with every module's commands. */
    static CommandLine commandLine(Streams io) {
        CommandLine root = Cli.root("Validates and defaults Neo4j Enterprise Operator objects "
                + "(neo4j.neo4j.com/v1beta1): in CI, and as admission webhooks.");
        Commands.register(root, io);                                          // check, mutate, explain, rules
        root.addSubcommand(new ServeCommand(io.out(), io.err(), io.cwd()));  // serve
        root.addSubcommand(new CertsCommand(io.out(), io.err(), io.cwd(), Clock.systemUTC(),
                KubeClients.system()::client));                               // certs
        root.addSubcommand(new RenderCommand(io.in(), io.out(), io.err(), io.cwd()));  // render (reconciler-lite)
        root.addSubcommand(new ReconcileCommand(io.out(), io.err(), io.cwd()));         // reconcile (reconciler-lite)
        root.addSubcommand(new PlaygroundCommand(io.out(), io.err(), io.cwd()));       // playground (kube-testenv)
        return root;
    }
}
