package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.policy.Policy;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What one CLI invocation works with: the checks, the standard streams, colour, the working directory. */
record Invocation(List<Check> checks, InputStream in, PrintStream out, PrintStream err, boolean colour, Path cwd) {
    Validator validator() {
        return Validator.of(checks, Policy.defaults());
    }

    Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    /** Prints an error in the one format the CLI uses for them: {@code neo4j-guard: <what>}. */
    void error(String message) {
        err.println("neo4j-guard: " + message);
    }
}
