package io.neo4jguard.webhook.observe;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes the libraries' SLF4J logging (Jetty, Javalin, the fabric8 client) into our JSON lines on
 * standard error, warnings and errors only: their info chatter is not what an operator of an
 * admission webhook needs, and without a provider SLF4J would print a warning of its own at startup.
 * Registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 */
public final class Slf4jJsonProvider implements SLF4JServiceProvider {
    private static final JsonLog LOG = JsonLog.to(System.err);

    private final ILoggerFactory loggers = new Loggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class Loggers implements ILoggerFactory {
        private final Map<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, JsonLogger::new);
        }
    }

    private static final class JsonLogger extends LegacyAbstractLogger {
        JsonLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            // fabric8 warns once per informer that v1beta1 is "unstable": it is simply our CRDs' version.
            return !name.endsWith("VersionUsageUtils");
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable t) {
            if (level == Level.WARN && !isWarnEnabled()) {
                return;
            }
            var line = LOG.line(level.name().toLowerCase(java.util.Locale.ROOT),
                    MessageFormatter.basicArrayFormat(pattern, args));
            line.put(LogKeys.LOGGER, name);
            if (t != null) {
                line.put(LogKeys.ERROR, t.toString());
            }
            LOG.write(line);
        }
    }
}
