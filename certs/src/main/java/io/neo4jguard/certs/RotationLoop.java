package io.neo4jguard.certs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * In-process rotation for {@code serve --self-signed-secret NS/NAME}: every {@link #DEFAULT_PERIOD} it runs
 * {@link Rotation#run} against a store (the Secret), publishes the CA bundle (optional: the caBundle of our
 * webhook configurations), and tells the server when the serving pair differs from the one it has. Several
 * replicas may run it against one Secret: writes are optimistic, so one wins and the others find the work
 * done; every replica picks up the winner's pair on its own next run.
 *
 * <p>Usage: {@link #runOnce()} before the server starts (so there is a certificate to serve), then
 * {@link #start()}; {@link #close()} on shutdown.
 */
public final class RotationLoop implements AutoCloseable {
    /**
     * Hourly: the narrowest window rotation must not miss is the renewal window of a serving certificate, a
     * third of its life (30 days for 90); the publish grace is 7 days. An hour is far inside both, and bounds
     * how long a replica serves a pair another replica has already replaced (the old one stays valid).
     */
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);
    /** Up to a tenth of the period added to the first delay, so replicas started together do not collide. */
    private static final int JITTER_DIVISOR = 10;

    /** What the server hears. Implementations must not log key material. */
    public interface Listener {
        /**
         * The serving pair or bundle differs from the last one delivered (always called after the first run).
         * If this throws, the same state is delivered again after the next run.
         */
        void changed(CertState state) throws IOException;

        /** A run failed; the loop goes on and tries again next period. */
        default void failed(Exception e) {
        }
    }

    private final CertStore store;
    private final CertRequest request;
    private final RotationPolicy policy;
    private final Clock clock;
    private final Duration period;
    private final Optional<BundlePublisher> publisher;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private byte[] delivered;
    private ScheduledFuture<?> task;

    public RotationLoop(CertStore store, CertRequest request, RotationPolicy policy, Clock clock, Duration period,
                        Optional<BundlePublisher> publisher, Listener listener) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the rotation period must be positive");
        }
        this.store = store;
        this.request = request;
        this.policy = policy;
        this.clock = clock;
        this.period = period;
        this.publisher = publisher;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "neo4j-guard-cert-rotation");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One rotation: read, plan, write if needed, publish the bundle, and notify the listener if the pair or
     * bundle changed. Publishing every run (not only after a change) heals a caBundle that someone reset.
     */
    public synchronized Rotation.Result runOnce() throws IOException {
        Rotation.Result r = Rotation.run(store, request, policy, clock);
        CertState now = r.after();
        byte[] fingerprint = servingFingerprint(now);
        if (!Arrays.equals(fingerprint, delivered) && now.serving().isPresent()) {
            listener.changed(now);
            delivered = fingerprint;
        }
        // After the listener: a publishing failure must not keep a renewed pair from the server. Order is
        // safe either way, because a new CA signs nothing until its publish grace has passed.
        if (publisher.isPresent() && !now.bundle().isEmpty()) {
            publisher.get().publish(now.bundle());
        }
        return r;
    }

    /** Schedules {@link #runOnce()} every period (first run after one period plus jitter). */
    public synchronized void start() {
        if (task != null) {
            return;
        }
        long periodMillis = period.toMillis();
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, periodMillis / JITTER_DIVISOR));
        task = scheduler.scheduleWithFixedDelay(this::runQuietly, periodMillis + jitter, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (Exception e) {
            listener.failed(e); // never let an exception cancel the schedule
        }
    }

    /** A digest of what the server serves and trusts (tls.crt, tls.key, ca.crt); no key bytes are kept. */
    private static byte[] servingFingerprint(CertState s) {
        var files = s.encode();
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (String name : new String[] {CertDir.TLS_CERT, CertDir.TLS_KEY, CertDir.CA_CERT}) {
                byte[] b = files.get(name);
                d.update(b == null ? new byte[0] : b);
                d.update((byte) 0);
            }
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
