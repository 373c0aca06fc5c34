package io.neo4jguard.webhook.tls;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps the serving key material current with a cert directory, like controller-runtime's certwatcher:
 * a directory watch for prompt reloads plus a periodic re-read, because a Kubernetes Secret volume
 * swaps a {@code ..data} symlink, which a watch may report as events on other names or not at all.
 * A new pair is handed on only once it reads whole and the key matches the certificate; until then
 * the old pair keeps serving (a half-rotated directory never breaks TLS).
 */
public final class CertWatcher implements AutoCloseable {
    /**
     * controller-runtime's re-read interval. The kubelet refreshes Secret volumes about once a minute,
     * and a serving certificate is renewed with a third of its life (30 days for 90-day certificates)
     * left, so 10 s of delay costs nothing, and reading three small files every 10 s costs nothing
     * either.
     */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);

    /** Listener of reload attempts (metrics). */
    public interface Listener {
        void reloaded(KeyMaterial material);

        void failed(String why);
    }

    private final Path dir;
    private final Duration poll;
    private final Consumer<KeyMaterial> apply;
    private final Listener listener;
    private final AtomicReference<KeyMaterial> current = new AtomicReference<>();
    private volatile boolean closed;
    private WatchService watch;
    private Thread thread;

    /**
     * @param apply receives every new material after the first (the first is {@link #load()}'s return)
     */
    public CertWatcher(Path dir, Duration poll, Consumer<KeyMaterial> apply, Listener listener) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Reads the directory once; throws when there is no usable pair to start with. */
    public KeyMaterial load() throws IOException {
        KeyMaterial m = KeyMaterial.read(dir);
        current.set(m);
        listener.reloaded(m);
        return m;
    }

    public KeyMaterial current() {
        return current.get();
    }

    /** Starts watching (after {@link #load()}). */
    public void start() {
        try {
            watch = FileSystems.getDefault().newWatchService();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            // Polling alone still picks up every change, only later.
            listener.failed("cannot watch " + dir + " (" + e.getMessage() + "); re-reading every "
                    + poll.toSeconds() + " s instead");
            watch = null;
        }
        thread = new Thread(this::run, "cert-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                if (watch != null) {
                    WatchKey key = watch.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                } else {
                    Thread.sleep(poll.toMillis());
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (!closed) {
                check();
            }
        }
    }

    /** Reloads if the files changed; public so a caller can force a check (tests, SIGHUP). */
    public synchronized void check() {
        KeyMaterial old = current.get();
        try {
            if (old != null && KeyMaterial.fingerprintOf(dir).equals(old.fingerprint())) {
                return;
            }
            KeyMaterial fresh = KeyMaterial.read(dir);
            if (old != null && fresh.fingerprint().equals(old.fingerprint())) {
                return;
            }
            apply.accept(fresh);
            current.set(fresh);
            listener.reloaded(fresh);
        } catch (IOException | RuntimeException e) {
            // Half-written or mismatched files: the old pair keeps serving; the next event or poll retries.
            listener.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
