package io.neo4jguard.reconciler.loop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTest {
    private final WorkQueue<String> q = new WorkQueue<>(ExponentialBackoff.standard());

    @AfterEach
    void stop() {
        q.shutDown();
    }

    @Test
    void aKeyAddedManyTimesWhileWaitingIsTakenOnce() throws Exception {
        q.add("a");
        q.add("b");
        q.add("a");
        q.add("a");
        assertThat(q.depth()).isEqualTo(2);
        assertThat(q.take()).contains("a");
        assertThat(q.take()).contains("b");
        assertThat(q.depth()).isZero();
    }

    @Test
    void aKeyAddedWhileBeingProcessedComesBackAfterDoneAndNotBefore() throws Exception {
        q.add("a");
        String taken = q.take().orElseThrow();
        q.add("a");
        assertThat(q.depth()).as("held by a worker: not handed to a second one").isZero();
        q.done(taken);
        assertThat(q.depth()).isEqualTo(1);
        assertThat(q.take()).contains("a");
        q.done("a");
        assertThat(q.depth()).isZero();
    }

    @Test
    void addAfterQueuesOnlyOnceTheDelayHasPassed() throws Exception {
        q.addAfter("late", Duration.ofMillis(300));
        assertThat(q.depth()).isZero();
        assertThat(q.parked()).isEqualTo(1);
        long t0 = System.nanoTime();
        assertThat(q.take()).contains("late");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(250);
    }

    @Test
    void rateLimitedRetriesBackOffPerKeyUntilForgotten() {
        assertThat(q.addRateLimited("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(q.addRateLimited("a")).isEqualTo(Duration.ofMillis(10));
        assertThat(q.failures("a")).isEqualTo(2);
        q.forget("a");
        assertThat(q.addRateLimited("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void shutDownReleasesBlockedWorkersWithNothing() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        List<Optional<String>> got = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try {
                got.add(q.take());
                released.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        q.shutDown();
        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly(Optional.empty());
        q.add("ignored");
        assertThat(q.depth()).isZero();
    }

    @Test
    void workersNeverHoldTheSameKeyAtOnce() throws Exception {
        int keys = 5;
        int rounds = 200;
        ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Optional<String> k = q.take();
                        if (k.isEmpty()) {
                            return;
                        }
                        if (inFlight.computeIfAbsent(k.get(), x -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.onSpinWait();
                        inFlight.get(k.get()).decrementAndGet();
                        processed.incrementAndGet();
                        q.done(k.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            workers.add(t);
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < keys; k++) {
                q.add("k" + k);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((q.depth() > 0 || inFlight.values().stream().anyMatch(a -> a.get() > 0)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        q.shutDown();
        for (Thread t : workers) {
            t.join(5000);
        }
        assertThat(overlaps.get()).isZero();
        // De-duplication: far fewer reconciles than adds, but every key at least once.
        assertThat(processed.get()).isBetween(keys, keys * rounds);
    }
}
