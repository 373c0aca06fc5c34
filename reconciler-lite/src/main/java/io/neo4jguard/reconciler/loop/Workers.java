package io.neo4jguard.reconciler.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads: each takes a key, runs the reconcile, and on an exception puts the key back with its
 * {@linkplain ExponentialBackoff backoff}; on success the key's failure count is cleared. Several workers never
 * hold the same key at once ({@link WorkQueue}), so one object is never reconciled twice concurrently.
 */
public final class Workers {
    /** One reconcile; throwing means "try again later". */
    @FunctionalInterface
    public interface Task {
        void run(ObjectRef ref) throws Exception;
    }

    /** Told of failures (for the log); the queue already holds the retry. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(ObjectRef ref, Exception e, Duration retryIn);
    }

    private final WorkQueue<ObjectRef> queue;
    private final Task task;
    private final FailureListener failures;
    private final List<Thread> threads = new ArrayList<>();

    public Workers(WorkQueue<ObjectRef> queue, Task task, FailureListener failures) {
        this.queue = queue;
        this.task = task;
        this.failures = failures;
    }

    public synchronized void start(int count) {
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::loop, "reconcile-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Shuts the queue down and waits up to {@code grace} for reconciles in flight to finish.
     *
     * @return true when every worker has ended
     */
    public boolean stop(Duration grace) {
        queue.shutDown();
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> ts;
        synchronized (this) {
            ts = List.copyOf(threads);
        }
        for (Thread t : ts) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ts.stream().noneMatch(Thread::isAlive);
    }

    private void loop() {
        try {
            while (true) {
                var next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                ObjectRef ref = next.get();
                try {
                    task.run(ref);
                    queue.forget(ref);
                } catch (Exception e) {
                    failures.failed(ref, e, queue.addRateLimited(ref));
                } finally {
                    queue.done(ref);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
