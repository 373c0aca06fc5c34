package io.neo4jguard.core.cli;

import io.neo4jguard.core.engine.Check;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * validation-core's standalone {@code neo4j-guard}: {@code check} manifests in CI, {@code mutate} them with
 * the defaults, {@code explain} a rule, list the {@code rules}. The same root and commands as the
 * distribution's, which adds the other modules' (see {@link Cli}).
 */
public final class Main {
    static final int OK = Cli.OK;
    static final int FINDINGS = Cli.FINDINGS;
    static final int USAGE = Cli.USAGE;

    private static final String DESCRIPTION =
            "Checks Neo4j Enterprise Operator manifests (neo4j.neo4j.com/v1beta1) before they exist.";

    private final List<Check> checks;
    private final Streams io;

    /**
     * @param checks the checks to run ({@link io.neo4jguard.core.rules.Catalog#standard()} in production)
     * @param colour colour the text output (the caller decides: terminal and no {@code NO_COLOR})
     * @param cwd    relative paths are read from here and SARIF locations are relative to it
     */
    public Main(List<Check> checks, InputStream in, PrintStream out, PrintStream err, boolean colour, Path cwd) {
        this.checks = List.copyOf(checks);
        this.io = new Streams(in, out, err, cwd, colour);
    }

    public static void main(String[] args) {
        Streams io = Streams.system();
        System.exit(Cli.run(DESCRIPTION, Commands.of(io), io, args));
    }

    /** Runs one command line and returns its exit code; never throws, never calls System.exit. */
    public int run(String... args) {
        return Cli.run(DESCRIPTION, Commands.of(io, () -> checks), io, args);
    }
}
