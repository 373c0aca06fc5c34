package io.neo4jguard.webhook;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code serve} as Main runs it, in a background thread, with the API server client supplied by the test: for
 * end-to-end tests outside this package. {@link #close()} stops it the way SIGTERM does.
 */
public final class ServeHarness implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<WebhookServer> started = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ServeHarness(Supplier<KubernetesClient> kube, Path cwd, String... args) {
        ServeCommand command = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
        command.kube = kube;
        command.onStarted = started::complete;
        Thread t = new Thread(() -> {
            try {
                exit.complete(new CommandLine(command).execute(args));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("serve exited: " + stderr()));
        }, "serve-harness");
        t.setDaemon(true);
        t.start();
    }

    public static ServeHarness start(Supplier<KubernetesClient> kube, Path cwd, String... args) {
        return new ServeHarness(kube, cwd, args);
    }

    /** The HTTPS port, once the server has started. */
    public int awaitStarted(Duration timeout) throws Exception {
        return started.get(timeout.toMillis(), TimeUnit.MILLISECONDS).port();
    }

    /** Graceful stop; returns the exit code. */
    public int stop(Duration timeout) throws Exception {
        if (started.isDone() && !started.isCompletedExceptionally()) {
            started.get().shutdown();
        }
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        stop(Duration.ofSeconds(30));
    }
}
