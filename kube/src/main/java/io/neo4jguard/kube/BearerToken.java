package io.neo4jguard.kube;

import io.fabric8.kubernetes.client.OAuthTokenProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The bearer token a client sends, given as a value or as a file that is re-read. fabric8 asks
 * {@link #getToken()} before every request, so a file token follows the kubelet's rotation without a restart.
 *
 * <p>{@link #toString()} names the source, never the token: these objects end up in log lines and exception
 * messages.
 */
public abstract sealed class BearerToken implements OAuthTokenProvider {
    /**
     * How long a token read from a file is reused. The kubelet renews a projected service-account token once 80%
     * of its lifetime has passed, and the shortest lifetime it accepts is 10 minutes, so the old token stays valid
     * at least 2 minutes after the file changes. Re-reading every minute (client-go's period for the same file)
     * therefore never sends an expired token, and costs one small file read a minute.
     */
    public static final Duration FILE_REREAD = Duration.ofMinutes(1);

    private BearerToken() {
    }

    /** A fixed token (e.g. from a flag or a Secret read elsewhere). */
    public static BearerToken of(String token) {
        return new Literal(token);
    }

    /** A token read from {@code file} now and again every {@link #FILE_REREAD}. */
    public static BearerToken file(Path file) {
        return new FromFile(file, System::nanoTime);
    }

    static BearerToken file(Path file, LongSupplier nanoClock) {
        return new FromFile(file, nanoClock);
    }

    private static final class Literal extends BearerToken {
        private final String token;

        Literal(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
            this.token = token.strip();
        }

        @Override
        public String getToken() {
            return token;
        }

        @Override
        public String toString() {
            return "bearer token (given)";
        }
    }

    private static final class FromFile extends BearerToken {
        private final Path file;
        private final LongSupplier nanoClock;
        private String token;
        private long readAt;

        FromFile(Path file, LongSupplier nanoClock) {
            this.file = Objects.requireNonNull(file);
            this.nanoClock = nanoClock;
        }

        @Override
        public synchronized String getToken() {
            long now = nanoClock.getAsLong();
            if (token == null || now - readAt >= FILE_REREAD.toNanos()) {
                try {
                    String read = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (!read.isEmpty()) {
                        token = read;
                    }
                    readAt = now;
                } catch (IOException e) {
                    if (token == null) {
                        // Only the path: the message may be logged.
                        throw new UncheckedIOException("cannot read the bearer token file " + file, e);
                    }
                    // Keep the last token: it is valid for minutes yet (see FILE_REREAD); try again next request.
                }
                if (token == null) {
                    throw new IllegalStateException("the bearer token file " + file + " is empty");
                }
            }
            return token;
        }

        @Override
        public String toString() {
            return "bearer token from " + file;
        }
    }
}
