package io.neo4jguard.webhook.guides;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scratch directory where a guide's shell commands run as a user would type them: bash, with
 * {@code neo4j-guard} on the PATH being this build's distribution (the class path of the test JVM).
 */
final class GuideShell {
    /** Blocks start a few JVMs of about a second each, or wait for a server; five minutes is a hang. */
    private static final long MINUTES = 5;

    record Result(int exit, String output) {
    }

    private final Path dir;

    GuideShell(Path dir) throws IOException {
        this.dir = dir;
        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Path cli = bin.resolve("neo4j-guard");
        Files.writeString(cli, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' io.neo4jguard.webhook.Main \"$@\"\n");
        assertThat(cli.toFile().setExecutable(true)).isTrue();
    }

    Result run(String script) throws IOException, InterruptedException {
        return run(script, Map.of());
    }

    Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PATH", dir.resolve(".bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("did not finish within " + MINUTES + " minutes: " + script);
        }
        return new Result(p.exitValue(), out);
    }
}
