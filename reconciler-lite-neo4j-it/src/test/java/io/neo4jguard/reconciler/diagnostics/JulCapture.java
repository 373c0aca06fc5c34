package io.neo4jguard.reconciler.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging record of the JVM, formatted, while installed: where neo4j-java-driver logs
 * ({@code Logging.javaUtilLogging}), so the tests can show the admin password never reaches it.
 */
final class JulCapture extends Handler {
    private final SimpleFormatter format = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();

    /** A capture on the root logger, every level. */
    static JulCapture install() {
        JulCapture c = new JulCapture();
        c.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(c);
        return c;
    }

    void remove() {
        Logger.getLogger("").removeHandler(this);
    }

    /** Everything captured so far, one record after the other. */
    synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        lines.add(format.format(r));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
