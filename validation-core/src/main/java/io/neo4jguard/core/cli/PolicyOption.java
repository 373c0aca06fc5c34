package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.policy.PolicyException;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --policy FILE} for every command that judges or defaults objects ({@code @Mixin}), read the one
 * way: {@link Validator#withPolicyFile}. {@code NEO4J_GUARD_POLICY} sets it too, for the webhook's
 * Deployment and for CI alike.
 */
public final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE", defaultValue = "${env:NEO4J_GUARD_POLICY}",
            description = "policy file: rules off, severities, exemptions, defaults, enforce or warn per namespace "
                    + "(see policies/default.yaml) (NEO4J_GUARD_POLICY; default: every rule at its own severity)")
    String file;

    /** The file as given, if one was. */
    public Optional<String> file() {
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(file.trim());
    }

    /**
     * {@code base} under the named policy file (relative to {@code cwd}), checked against its rules; {@code base}
     * itself when none was named. Empty after every problem was printed to {@code err} as
     * {@code neo4j-guard: policy FILE:LINE:COL: ...}: the command then exits {@link Cli#USAGE}.
     */
    public Optional<Validator> apply(Validator base, Path cwd, PrintStream err) {
        if (file().isEmpty()) {
            return Optional.of(base);
        }
        String name = file().get();
        try {
            Path p = Path.of(name);
            return Optional.of(base.withPolicyFile(p.isAbsolute() ? p : cwd.resolve(p), name));
        } catch (PolicyException e) {
            e.problems().forEach(problem -> err.println("neo4j-guard: policy " + problem));
        } catch (InvalidPathException e) {
            err.println("neo4j-guard: --policy " + name + ": not a valid path");
        }
        return Optional.empty();
    }
}
