package io.neo4jguard.webhook.admission;

import java.io.IOException;
import java.io.InputStream;

/**
 * What the admission path needs of an HTTP request, whatever server carries it.
 *
 * @param method            the HTTP method
 * @param contentLength     the declared Content-Length, -1 when the body is chunked or absent
 * @param body              opens the body stream (read at most once)
 * @param clientCertificate whether the TLS client presented a certificate the server trusts
 * @param startNanos        {@link System#nanoTime()} when the request arrived; the body-read budget counts from there
 */
public record Request(String method, long contentLength, Body body, boolean clientCertificate, long startNanos) {
    /** The request body, opened on demand: a refused request never touches it. */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }
}
