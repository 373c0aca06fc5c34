package io.neo4jguard.webhook.admission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a request body within its size and time budgets: a declared Content-Length over the limit is
 * refused unread (413); a chunked body is refused as soon as it passes the limit (never more than the
 * limit plus one chunk is held); a body still arriving after the read budget is cut off (408).
 */
final class BodyReader {
    private static final int CHUNK = 8 * 1024;

    private final int maxBytes;
    private final Duration budget;

    BodyReader(int maxBytes, Duration budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    /** The body, or the Status error that answers the request instead. */
    record Result(byte[] body, Answer refusal) {
        static Result refused(Answer a) {
            return new Result(null, a);
        }
    }

    /**
     * @param declared   the Content-Length, or -1 for a chunked body
     * @param startNanos {@link System#nanoTime()} when the request arrived; the budget counts from there
     */
    Result read(Request.Body source, long declared, long startNanos) {
        if (declared > maxBytes) {
            return Result.refused(Status.unreadBody(413, "request body of " + declared
                    + " bytes is over the limit of " + maxBytes + " bytes"));
        }
        long limit = budget.toNanos();
        byte[] body;
        try {
            InputStream in = source.open();
            if (declared >= 0) {
                // The usual case (the API server always sends Content-Length): one exact-size read,
                // no copying. A shorter body is an error of the client's.
                body = new byte[(int) declared];
                int read = readFully(in, body, startNanos, limit);
                if (read < declared) {
                    return Result.refused(Status.error(400, "request body ended after " + read
                            + " of " + declared + " bytes"));
                }
            } else {
                body = readChunked(in, startNanos, limit);
                if (body == null) {
                    return Result.refused(Status.unreadBody(413, "request body is over the limit of "
                            + maxBytes + " bytes"));
                }
            }
            if (System.nanoTime() - startNanos > limit) {
                return Result.refused(tooSlow());
            }
        } catch (SlowBody e) {
            return Result.refused(tooSlow());
        } catch (IOException | RuntimeException e) {
            // Silence past the budget while waiting for body bytes (the server's request idle timeout),
            // a broken chunk encoding, a reset connection.
            return Result.refused(Status.unreadBody(408, "request body could not be read ("
                    + e.getClass().getSimpleName() + ")"));
        }
        return new Result(body, null);
    }

    private Answer tooSlow() {
        return Status.unreadBody(408, "request body not received within " + budget.toSeconds() + " s");
    }

    /** Reads until {@code into} is full or the stream ends; the number of bytes read. */
    private static int readFully(InputStream in, byte[] into, long start, long limit) throws IOException {
        int off = 0;
        while (off < into.length) {
            int n = in.read(into, off, into.length - off);
            if (n < 0) {
                break;
            }
            off += n;
            if (off < into.length && System.nanoTime() - start > limit) {
                throw new SlowBody();
            }
        }
        return off;
    }

    /** A body without Content-Length, read in pieces; null once it passes {@link #maxBytes}. */
    private byte[] readChunked(InputStream in, long start, long limit) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (buf.size() + n > maxBytes) {
                return null;
            }
            buf.write(chunk, 0, n);
            if (System.nanoTime() - start > limit) {
                throw new SlowBody();
            }
        }
        return buf.toByteArray();
    }

    /** The body is still arriving after the read budget. */
    private static final class SlowBody extends IOException {
        SlowBody() {
            super(null, null);
        }
    }
}
