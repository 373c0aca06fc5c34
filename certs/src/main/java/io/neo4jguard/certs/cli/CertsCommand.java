package io.neo4jguard.certs.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code neo4j-guard certs}: create, rotate and inject the webhook's certificates. Register it under the main
 * command with {@code commandLine.addSubcommand("certs", new CertsCommand(out, err, cwd, clock, clients))}, where
 * {@code clients} makes the API-server client of {@code inject} (the distribution passes kube's
 * {@code KubeClients.system()::client}).
 *
 * <p>Exit codes: 0 done (also "nothing to do"), 2 usage or I/O error, with a one-line message on the error
 * stream. Output names files, serials and dates; never key material.
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
        subcommands = {CreateCommand.class, RotateCommand.class, InjectCommand.class},
        description = "Certificates for the admission webhook: an ECDSA P-256 CA and a short-lived serving "
                + "certificate in a directory of PEM files (ca.crt, ca.key, tls.crt, tls.key, issued.crt).",
        footer = {"", "Exit codes: 0 done, 2 usage or I/O error.",
                "Examples:",
                "  neo4j-guard certs create --service neo4j-guard --namespace guard --out certs/",
                "  neo4j-guard certs rotate --out certs/",
                "  neo4j-guard certs inject --webhook neo4j-guard --ca-file certs/ca.crt"})
public final class CertsCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int ERROR = 2;

    final PrintStream out;
    final PrintStream err;
    final Path cwd;
    final Clock clock;
    final Supplier<KubernetesClient> kubernetes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param cwd        relative paths are resolved against it
     * @param clock      the time certificates are issued and judged at
     * @param kubernetes makes the client {@code inject} uses (closed after use); called only by {@code inject}
     */
    public CertsCommand(PrintStream out, PrintStream err, Path cwd, Clock clock, Supplier<KubernetesClient> kubernetes) {
        this.out = out;
        this.err = err;
        this.cwd = cwd.toAbsolutePath();
        this.clock = clock;
        this.kubernetes = kubernetes;
    }

    @Override
    public Integer call() {
        error("missing command (create, rotate or inject)");
        spec.commandLine().usage(err);
        return ERROR;
    }

    Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    /**
     * Exit 2 with a one-line message for what a user can fix (bad input, I/O, the API server's answer); a
     * bug still gets one line, named as internal, never a stack trace.
     */
    int fail(Exception e) {
        if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
            return error(e.getMessage());
        }
        if (e instanceof io.fabric8.kubernetes.client.KubernetesClientException k) {
            return error("Kubernetes API: " + k.getMessage());
        }
        return error("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** The CLI's one error format: {@code neo4j-guard: <what>}. */
    int error(String message) {
        err.println("neo4j-guard: " + message);
        err.flush();
        return ERROR;
    }
}
