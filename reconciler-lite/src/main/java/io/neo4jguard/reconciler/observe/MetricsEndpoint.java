package io.neo4jguard.reconciler.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The controller's plain-HTTP port: {@code /metrics} (Prometheus text), {@code /healthz} (the process answers),
 * {@code /readyz} (the informer caches have synced). The JDK's own HTTP server: three fixed GET routes do not
 * justify a web framework in the controller.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    public static MetricsEndpoint start(String host, int port, Supplier<String> scrape, BooleanSupplier ready)
            throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
        s.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get()));
        s.createContext("/healthz", ex -> send(ex, 200, "text/plain", "ok\n"));
        s.createContext("/readyz", ex -> {
            boolean ok = ready.getAsBoolean();
            send(ex, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "caches not synced\n");
        });
        s.start();
        return new MetricsEndpoint(s);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
