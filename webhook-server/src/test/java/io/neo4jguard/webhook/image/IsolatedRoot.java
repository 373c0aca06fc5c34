package io.neo4jguard.webhook.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an unpacked image's entrypoint the way a container runtime with the chart's securityContext would:
 * in its own mount and PID namespaces, the root file system bind-mounted read-only, {@code /proc}, a
 * minimal {@code /dev} (null, zero, random, urandom) and an empty writable {@code /tmp} (the chart's
 * emptyDir), as the image's user, with only the image's environment. Needs root (unshare, mount, chroot);
 * the network namespace is the host's, so servers in the image answer on loopback.
 */
final class IsolatedRoot {
    /** Runs in the new namespaces as root, before dropping to the image's user inside chroot. */
    private static final String SETUP = String.join("\n",
            "set -eu",
            "root=$1; user=$2; shift 2",
            "mount --bind \"$root\" \"$root\"",
            "mount -o remount,bind,ro \"$root\"",
            "mount -t proc proc \"$root/proc\"",
            "mount -t tmpfs -o mode=755,size=1m dev \"$root/dev\"",
            "for d in null zero random urandom; do",
            "  touch \"$root/dev/$d\"; mount --bind \"/dev/$d\" \"$root/dev/$d\"",
            "done",
            "mount -t tmpfs -o mode=1777,size=64m tmp \"$root/tmp\"",
            "exec env -i \"$@\"");

    private final Path root;
    private final String user;
    private final List<String> env;

    /** @param env the image's Env ("KEY=value") */
    IsolatedRoot(Path root, String user, List<String> env) throws IOException {
        this.root = root;
        this.user = user;
        this.env = List.copyOf(env);
        // A runtime creates the mount points it needs; the image has none for /proc and /dev.
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    /** The same root with more environment variables (e.g. JDK_JAVA_OPTIONS, as a pod spec would add). */
    IsolatedRoot withEnv(String... more) throws IOException {
        List<String> all = new ArrayList<>(env);
        all.addAll(List.of(more));
        return new IsolatedRoot(root, user, all);
    }

    static boolean possible() {
        return "root".equals(System.getProperty("user.name"));
    }

    record Result(int exit, String out, String err, Duration elapsed) {
    }

    Result run(List<String> argv, String stdin, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "sh", "-c", SETUP, "setup", root.toString(), user));
        cmd.addAll(env);
        cmd.addAll(List.of(chroot(), "--userspec=" + user, root.toString()));
        cmd.addAll(argv);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(); // --kill-child takes everything in the PID namespace with it
            throw new AssertionError(argv + " did not finish within " + timeout + "; stderr: "
                    + new String(err.join(), StandardCharsets.UTF_8));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8), elapsed);
    }

    /** chroot's absolute path: env -i leaves no PATH to find it by. */
    private static String chroot() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            Path p = Path.of(dir, "chroot");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException("no chroot binary");
    }

    private static byte[] drain(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
