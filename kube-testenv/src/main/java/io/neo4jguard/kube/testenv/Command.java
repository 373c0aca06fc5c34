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
 * One finite command (a {@code go} invocation) with its output appended to a log file. While it runs, a
 * heartbeat line every {@link #HEARTBEAT_SECONDS} tells how far it got, so a ten-minute compile in CI does not
 * look like a hang.
 */
final class Command {
    /** Often enough to show life in a CI log, rare enough to stay a handful of lines per build. */
    static final long HEARTBEAT_SECONDS = 60;

    private final List<String> argv;
    private final Path dir;
    private final Map<String, String> env;
    private final Path log;

    Command(List<String> argv, Path dir, Map<String, String> env, Path log) {
        this.argv = List.copyOf(argv);
        this.dir = dir;
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** Runs to completion; returns stdout (stderr goes to the log). Fails with the log's tail on a non-zero exit. */
    String run(String what) {
        try {
            Files.createDirectories(log.getParent());
            Path out = Files.createTempFile(log.getParent(), "stdout", ".txt");
            try {
                Files.writeString(log, "$ " + String.join(" ", argv) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
                pb.environment().putAll(env);
                long start = System.nanoTime();
                Process p = pb.start();
                p.getOutputStream().close();
                long linesBefore = lines(log);
                while (!p.waitFor(HEARTBEAT_SECONDS, TimeUnit.SECONDS)) {
                    Progress.log(what + ": " + Progress.seconds(System.nanoTime() - start) + ", "
                            + (lines(log) - linesBefore) + " lines of go output so far");
                }
                if (p.exitValue() != 0) {
                    throw new KubeTestEnvException(what + " failed (exit " + p.exitValue() + "); last lines of "
                            + log + ":\n" + tail(log, 25));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new KubeTestEnvException(what + ": cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeTestEnvException(what + " interrupted");
        }
    }

    private static long lines(Path file) {
        try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    static String tail(Path file, int n) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size())));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
