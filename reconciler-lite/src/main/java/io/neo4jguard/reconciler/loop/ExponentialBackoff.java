package io.neo4jguard.reconciler.loop;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key exponential backoff for failed reconciles: {@code base * 2^(failures-1)}, capped. The defaults are
 * client-go's {@code DefaultControllerRateLimiter} item limiter (5 ms doubling to at most 1000 s): a transient
 * conflict is retried almost at once, while an object that keeps failing settles at one try per ~17 minutes
 * instead of a hot loop. The 18th failure already reaches the cap (5 ms * 2^17 = 655 s; 2^18 = 1311 s > 1000 s).
 * {@link #forget} resets a key after a success.
 */
public final class ExponentialBackoff<K> {
    public static final Duration BASE = Duration.ofMillis(5);
    public static final Duration CAP = Duration.ofSeconds(1000);

    private final Duration base;
    private final Duration cap;
    private final Map<K, Integer> failures = new ConcurrentHashMap<>();

    public ExponentialBackoff(Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got " + base + ", " + cap);
        }
        this.base = base;
        this.cap = cap;
    }

    public static <K> ExponentialBackoff<K> standard() {
        return new ExponentialBackoff<>(BASE, CAP);
    }

    /** Records one more failure of {@code key} and returns how long to wait before its next try. */
    public Duration next(K key) {
        int n = failures.merge(key, 1, Integer::sum);
        // 2^62 nanoseconds overflow a long: past 62 doublings every realistic base is far above any cap.
        int shift = Math.min(n - 1, 62);
        long nanos = base.toNanos();
        if (shift > 0 && nanos > (cap.toNanos() >> shift)) {
            return cap;
        }
        return Duration.ofNanos(Math.min(nanos << shift, cap.toNanos()));
    }

    /** Failures recorded for {@code key} since it last succeeded. */
    public int failures(K key) {
        return failures.getOrDefault(key, 0);
    }

    public void forget(K key) {
        failures.remove(key);
    }
}
