package io.neo4jguard.reconciler.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A de-duplicating, rate-limited work queue with client-go's semantics:
 * <ul>
 *   <li>a key waiting in the queue is there once, however often it is added;</li>
 *   <li>a key is processed by one worker at a time: added while a worker holds it, it is marked dirty and queued
 *       again when that worker calls {@link #done} (so the newest state is always reconciled once more);</li>
 *   <li>{@link #addAfter} and {@link #addRateLimited} park a key and queue it when its time comes;
 *       {@link #forget} clears its failure count.</li>
 * </ul>
 * Thread-safe; workers block in {@link #take} until a key is ready or the queue is shut down.
 */
public final class WorkQueue<K> {
    private final ArrayDeque<K> queue = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final DelayQueue<Parked<K>> parked = new DelayQueue<>();
    private final ExponentialBackoff<K> backoff;
    private final Thread waker;
    private boolean shutDown;

    public WorkQueue(ExponentialBackoff<K> backoff) {
        this.backoff = backoff;
        this.waker = new Thread(this::unpark, "workqueue-delays");
        this.waker.setDaemon(true);
        this.waker.start();
    }

    /** Queues {@code key} now (a no-op if it is already waiting). */
    public synchronized void add(K key) {
        if (shutDown || dirty.contains(key)) {
            return;
        }
        dirty.add(key);
        if (processing.contains(key)) {
            return; // queued again by done()
        }
        queue.addLast(key);
        notifyAll();
    }

    /** Queues {@code key} once {@code delay} has passed. */
    public void addAfter(K key, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        synchronized (this) {
            if (shutDown) {
                return;
            }
        }
        parked.put(new Parked<>(key, System.nanoTime() + delay.toNanos()));
    }

    /** Queues {@code key} after its backoff: one more failure recorded. Returns the delay chosen. */
    public Duration addRateLimited(K key) {
        Duration d = backoff.next(key);
        addAfter(key, d);
        return d;
    }

    /** Clears {@code key}'s failure count (after a successful reconcile). */
    public void forget(K key) {
        backoff.forget(key);
    }

    public int failures(K key) {
        return backoff.failures(key);
    }

    /** The next key, blocking; empty once the queue is shut down. The caller must call {@link #done} with it. */
    public synchronized Optional<K> take() throws InterruptedException {
        while (queue.isEmpty() && !shutDown) {
            wait();
        }
        if (shutDown) {
            return Optional.empty();
        }
        K key = queue.removeFirst();
        processing.add(key);
        dirty.remove(key);
        return Optional.of(key);
    }

    /** Marks {@code key} processed; if it was added meanwhile it goes back on the queue. */
    public synchronized void done(K key) {
        processing.remove(key);
        if (dirty.contains(key) && !shutDown) {
            queue.addLast(key);
            notifyAll();
        }
    }

    /** Keys waiting to be taken now (parked ones not counted): the queue-depth metric. */
    public synchronized int depth() {
        return queue.size();
    }

    /** Keys waiting for their delay to pass. */
    public int parked() {
        return parked.size();
    }

    /** Wakes every blocked worker with an empty answer; keys still queued are dropped. */
    public void shutDown() {
        synchronized (this) {
            shutDown = true;
            queue.clear();
            dirty.clear();
            notifyAll();
        }
        waker.interrupt();
        parked.clear();
    }

    public synchronized boolean isShutDown() {
        return shutDown;
    }

    private void unpark() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                add(parked.take().key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Parked<K>(K key, long readyAtNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
