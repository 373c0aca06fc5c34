package io.neo4jguard.core.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What every command of one run works with: the standard streams, the working directory (relative
 * paths are read from it, SARIF locations are relative to it) and whether text output is coloured.
 */
public record Streams(InputStream in, PrintStream out, PrintStream err, Path cwd, boolean colour) {
    public Streams {
        cwd = cwd.toAbsolutePath();
    }

    /**
     * The process's own: standard output buffered (a report can be megabytes; one write per 64 KiB, flushed
     * by {@link Cli#run}), standard error unbuffered, colour on an interactive terminal without NO_COLOR.
     */
    public static Streams system() {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Streams(System.in, out, err, Path.of(""), Terminal.colour(System.getenv()));
    }

    /** A path as the user wrote it, relative to {@link #cwd()}. */
    public Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    /** Prints an error in the one format the CLI uses for them: {@code neo4j-guard: <what>}. */
    public void error(String message) {
        err.println("neo4j-guard: " + message);
    }
}
