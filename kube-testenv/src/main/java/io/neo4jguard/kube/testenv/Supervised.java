package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running server process (etcd, kube-apiserver) that cannot outlive the JVM that started it.
 *
 * <p>The binary runs under a small {@code sh} watchdog that holds the read end of a pipe from the JVM: when the
 * JVM closes it ({@link #stop()}) or dies in any way, including {@code kill -9} of a test fork, the pipe reaches
 * end-of-file and the watchdog kills the binary. A shutdown hook alone would miss the hard kills, and orphaned
 * API servers on a shared CI machine keep ports and memory until someone notices. The watchdog exits with the
 * binary's status, so an unexpected exit of the binary is seen as the exit of this process.
 */
final class Supervised {
    /**
     * fd 3 keeps the JVM's pipe: a background job's stdin is /dev/null in a non-interactive shell, so the
     * watcher reads the duplicate. SIGKILL: a test control plane has nothing worth a graceful shutdown, and
     * kube-apiserver's graceful drain would add seconds to every run.
     */
    private static final String WATCHDOG = "exec 3<&0\n"
            + "\"$@\" </dev/null &\n"
            + "child=$!\n"
            + "{ cat <&3 >/dev/null; kill -KILL \"$child\" 2>/dev/null; } &\n"
            + "wait \"$child\"\n";

    private final String name;
    private final Process process;
    private final Path log;

    private Supervised(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code argv} with stdout and stderr appended to {@code log}. */
    static Supervised start(String name, List<String> argv, Path dir, Path log) {
        return start(name, argv, dir, log, Map.of());
    }

    /** Same, with {@code env} added to the JVM's environment. */
    static Supervised start(String name, List<String> argv, Path dir, Path log, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, name));
        command.addAll(argv);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            return new Supervised(name, p, log);
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot start " + name + ": " + e.getMessage());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the exit report of the first of {@code processes} that has died; {@code what} names the set. */
    static void ensureAlive(String what, List<Supervised> processes) {
        for (Supervised p : processes) {
            if (!p.isAlive()) {
                throw new KubeTestEnvException(what + " is down: " + p.exitReport());
            }
        }
    }

    Path log() {
        return log;
    }

    /** A readable reason when the process is gone: its exit code and the end of its log. */
    String exitReport() {
        return name + " exited with status " + process.exitValue() + "; last lines of " + log + ":\n"
                + Command.tail(log, 20);
    }

    /** Closes the pipe (the watchdog kills the binary) and waits; forcibly kills whatever is left after 10 s. */
    void stop() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the watchdog has its end-of-file either way.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Process ids of the watchdog and everything under it (for tests). */
    List<Long> pids() {
        List<Long> out = new ArrayList<>();
        out.add(process.pid());
        process.descendants().forEach(h -> out.add(h.pid()));
        return out;
    }
}
