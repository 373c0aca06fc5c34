package io.neo4jguard.webhook.sarif;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's SARIF Multitool, the validator behind GitHub code scanning's SARIF checks, provisioned from
 * npm into the test bed's cache (~/.cache/neo4j-guard/sarif-multitool) on first use, like kube-testenv's
 * binaries: nothing is committed. It is a self-contained .NET program that validates without network (the
 * test runs it in its own network namespace when it can).
 */
final class SarifMultitool {
    /** Pinned: a new release may add rules, which should be a deliberate update. */
    static final String PACKAGE = "@microsoft/sarif-multitool@5.7.0";

    private final Path binary;

    private SarifMultitool(Path binary) {
        this.binary = binary;
    }

    static Path cache() {
        String base = System.getenv("NEO4J_GUARD_CACHE");
        return (base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache", "neo4j-guard"))
                .resolve("sarif-multitool");
    }

    /** The installed tool, installing it first if needed; empty when npm is not available to install it. */
    static Optional<SarifMultitool> provision() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(cache());
        Path exe = dir.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        try (RandomAccessFile lockFile = new RandomAccessFile(dir.resolve(".lock").toFile(), "rw");
             FileLock lock = lockFile.getChannel().lock()) {
            if (!Files.exists(exe)) {
                if (!onPath("npm")) {
                    return Optional.empty();
                }
                System.out.println("[sarif-multitool] npm install " + PACKAGE + " into " + dir + " (first use)");
                run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), PACKAGE), 600);
            }
            // The package's postinstall does this; npm may be configured not to run install scripts.
            if (!Files.isExecutable(exe) && !exe.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + exe + " executable");
            }
        }
        return Optional.of(new SarifMultitool(exe));
    }

    /** Runs {@code validate} on {@code log}; writes the tool's findings as SARIF to {@code result}. */
    void validate(Path log, Path result) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && onPath("unshare")) {
            cmd.addAll(List.of("unshare", "--net")); // no network at all: proves it needs none
        }
        cmd.addAll(List.of(binary.toString(), "validate", log.toString(), "--output", result.toString(),
                "--log", "ForceOverwrite"));
        run(cmd, 300);
    }

    private static String run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
