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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neo4j-guard}, the runnable distribution: one command line ({@link Cli}: one root, version, error
 * handling and exit codes) with every module's commands registered natively. Registering a module's
 * commands is one line in {@link #commands}.
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
        return Cli.run(DESCRIPTION, commands(io), io, args);
    }

    private static final String DESCRIPTION = "Validates and defaults Neo4j Enterprise Operator objects "
            + "(neo4j.neo4j.com/v1beta1): in CI, and as admission webhooks.";

    /** Every module's commands, each made only when a run needs it ({@link Cli#run(String, List, Streams, String...)}). */
    static List<Cli.Subcommand> commands(Streams io) {
        List<Cli.Subcommand> commands = new ArrayList<>(Commands.of(io));          // check, mutate, explain, rules
        commands.add(new Cli.Subcommand("serve", () -> new ServeCommand(io.out(), io.err(), io.cwd())));
        commands.add(new Cli.Subcommand("certs", () -> new CertsCommand(io.out(), io.err(), io.cwd(),
                Clock.systemUTC(), KubeClients.system()::client)));
        commands.add(new Cli.Subcommand("render", () -> new RenderCommand(io.in(), io.out(), io.err(), io.cwd())));
        commands.add(new Cli.Subcommand("reconcile", () -> new ReconcileCommand(io.out(), io.err(), io.cwd())));
        commands.add(new Cli.Subcommand("playground", () -> new PlaygroundCommand(io.out(), io.err(), io.cwd())));
        return commands;
    }

    /** The root command with every module's commands (what a run that names none gets). */
    static CommandLine commandLine(Streams io) {
        return Cli.root(DESCRIPTION, commands(io));
    }
}
