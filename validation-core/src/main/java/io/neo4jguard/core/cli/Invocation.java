package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.policy.Policy;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What validation-core's commands work with: the checks (made on first use) and the run's {@link Streams}.
 * Made for every run, {@code --version} included, so it names no picocli type: the JVM's verifier would load
 * picocli's classes (and open the jars before picocli's on the class path) just to link it.
 */
final class Invocation {
    private final Supplier<List<Check>> checks;
    private final Streams io;
    private List<Check> made;
    private Validator validator;

    Invocation(Supplier<List<Check>> checks, Streams io) {
        this.checks = checks;
        this.io = io;
    }

    /** The checks; made once, on first use (not for --help or --version). */
    synchronized List<Check> checks() {
        if (made == null) {
            made = List.copyOf(checks.get());
        }
        return made;
    }

    /** Every check under the default policy. */
    synchronized Validator validator() {
        if (validator == null) {
            validator = Validator.of(checks(), Policy.defaults());
        }
        return validator;
    }

    InputStream in() {
        return io.in();
    }

    PrintStream out() {
        return io.out();
    }

    PrintStream err() {
        return io.err();
    }

    boolean colour() {
        return io.colour();
    }

    Path cwd() {
        return io.cwd();
    }

    /** Prints an error in the one format the CLI uses for them: {@code neo4j-guard: <what>}. */
    void error(String message) {
        io.error(message);
    }
}
