package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl against the control plane, for tests that must show what a user sees: the exact error
 * text of a denied apply, the warnings, {@code --dry-run=server}. Each call is a new process with the control
 * plane's kubeconfig and no other configuration of the machine ({@code KUBECONFIG} and {@code ~/.kube} are
 * not consulted).
 */
public final class Kubectl {
    /** A kubectl call against a local API server takes well under a second; a minute means it hangs. */
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final Path kubeconfig;
    private final Path workDir;

    Kubectl(Path binary, Path kubeconfig, Path workDir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.workDir = workDir;
    }

    /** What kubectl printed and its exit code. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code kubectl <args>} with no input. */
    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code kubectl <args>} with {@code stdin} as its input (for {@code apply -f -}). */
    public Result runWithInput(String stdin, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.add("--kubeconfig=" + kubeconfig);
        argv.addAll(List.of(args));
        return exec(argv, workDir, Map.of(), List.of("KUBECONFIG"), stdin, TIMEOUT_SECONDS);
    }

    /**
     * Runs a command-line tool to completion in {@code workDir} with {@code HOME} there (so no configuration of
     * the machine's user is read), {@code env} added and {@code unset} removed from the environment.
     */
    static Result exec(List<String> argv, Path workDir, Map<String, String> env, List<String> unset, String stdin,
                       long timeoutSeconds) {
        String tool = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String what = tool + " " + String.join(" ", argv.subList(1, argv.size()));
        try {
            Path out = Files.createTempFile(workDir, tool, ".out");
            Path err = Files.createTempFile(workDir, tool, ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                unset.forEach(pb.environment()::remove);
                pb.environment().put("HOME", workDir.toString());
                pb.environment().putAll(env);
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new KubeTestEnvException(what + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot run " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeTestEnvException("interrupted while running " + tool);
        }
    }
}
