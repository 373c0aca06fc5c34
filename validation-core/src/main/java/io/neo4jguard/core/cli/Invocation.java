package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.policy.PolicyException;
import io.neo4jguard.core.read.ManifestSource;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What one CLI invocation works with: the checks, the standard streams, colour, the working directory. */
record Invocation(List<Check> checks, InputStream in, PrintStream out, PrintStream err, boolean colour, Path cwd) {
    Validator validator() {
        return Validator.of(checks, Policy.defaults());
    }

    Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    /**
     * The policy file named by {@code --policy}, checked against the rules; the default policy when none was
     * named. Empty after the problems were printed: the command then exits {@link Main#USAGE}.
     */
    Optional<Policy> policy(String file) {
        if (file == null) {
            return Optional.of(Policy.defaults());
        }
        try {
            return Optional.of(Policy.load(resolve(file), file, validator().rules()));
        } catch (PolicyException e) {
            e.problems().forEach(p -> error("policy " + p));
        } catch (java.nio.file.InvalidPathException e) {
            error(file + ": not a valid path");
        }
        return Optional.empty();
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
        err.println("neo4j-guard: " + message);
    }
}
