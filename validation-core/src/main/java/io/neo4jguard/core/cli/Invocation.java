package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.read.ManifestSource;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** What validation-core's commands work with: the checks (made on first use) and the run's {@link Streams}. */
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

    /** Standard input can be read once per run, whichever operand lists name {@code -}. */
    static void readStdinOnce(CommandLine.Model.CommandSpec spec, List<List<String>> operandLists) {
        long stdin = operandLists.stream().flatMap(List::stream).filter(ManifestSource.STDIN::equals).count();
        if (stdin > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be read only once");
        }
    }

    /** Prints an error in the one format the CLI uses for them: {@code neo4j-guard: <what>}. */
    void error(String message) {
        io.error(message);
    }
}
