package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try {
            Path out = Files.createTempFile(workDir, "kubectl", ".out");
            Path err = Files.createTempFile(workDir, "kubectl", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().remove("KUBECONFIG");
                pb.environment().put("HOME", workDir.toString());
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new KubeTestEnvException("kubectl " + String.join(" ", args) + " did not finish in "
                            + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot run kubectl: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeTestEnvException("interrupted while running kubectl");
        }
    }
}
