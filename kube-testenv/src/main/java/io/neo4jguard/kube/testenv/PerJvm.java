package io.neo4jguard.kube.testenv;

import java.util.function.Supplier;

/**
 * The one instance per JVM of a set of test processes ({@link ControlPlane}, {@link SimulatedCluster}): started on
 * first use, stopped with the JVM (shutdown hook) or earlier by {@link #stop()}, started again if used after
 * that. A failed start is remembered: every later call fails at once with the same message instead of building
 * or starting again, so one missing binary costs one failure per test class, not one build attempt each.
 */
final class PerJvm<T extends PerJvm.Processes> {
    /** What {@link PerJvm} needs of the instance. */
    interface Processes extends AutoCloseable {
        boolean isClosed();

        /** Fails with the exit report of a process that has died. */
        void ensureRunning();

        @Override
        void close();
    }

    private final String name;
    private final Supplier<T> start;
    private T instance;
    private KubeTestEnvException failure;

    PerJvm(String name, Supplier<T> start) {
        this.name = name;
        this.start = start;
    }

    synchronized T get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null || instance.isClosed()) {
            try {
                instance = start.get();
            } catch (KubeTestEnvException e) {
                failure = e;
                throw e;
            }
            T started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, name + "-stop"));
        }
        instance.ensureRunning();
        return instance;
    }

    /** Stops the instance if one runs (the extensions call this when the test run ends). */
    synchronized void stop() {
        if (instance != null) {
            instance.close();
        }
    }
}
