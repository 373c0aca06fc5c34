package io.neo4jguard.kube.resolve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fabric8-backed resolver against a stand-in for the API server's HTTP API (list, watch, get),
 * served by the JDK's HTTP server: what it answers once synced, and that it never waits past a
 * request's deadline when the API server is slow or unreachable. The real kube-apiserver end to end
 * is the kube-apiserver test environment's job.
 */
class ApiServerResolverIT {
    private HttpServer api;
    private ApiServerResolver resolver;
    private volatile long listDelayMillis;
    /** LISTs still to refuse with 429 "storage is (re)initializing", as the API server does after a CRD install. */
    private final AtomicInteger initializing = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();

    private static final String CLUSTER = """
            {"apiVersion":"neo4j.neo4j.com/v1beta1","kind":"Neo4jEnterpriseCluster",
             "metadata":{"name":"graph","namespace":"prod","resourceVersion":"7","uid":"u-1"},
             "spec":{"topology":{"servers":3},"image":{"repo":"neo4j","tag":"5.26.0-enterprise"}}}""";

    private void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        api.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-api");
            t.setDaemon(true);
            return t;
        }));
        api.createContext("/", this::handle);
        api.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        if (path.startsWith("/apis/neo4j.neo4j.com/v1beta1/")) {
            String plural = path.substring(path.lastIndexOf('/') + 1);
            if (query.contains("watch=true")) {
                // A watch that stays open and reports nothing: the list is the state.
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().flush(); // the headers go out now: the watch is established
                sleep(60_000);
                ex.close();
                return;
            }
            lists.incrementAndGet();
            if (initializing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 429, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"storage is (re)initializing\",\"reason\":\"TooManyRequests\","
                        + "\"details\":{\"retryAfterSeconds\":1},\"code\":429}");
                return;
            }
            sleep(listDelayMillis);
            String items = plural.equals("neo4jenterpriseclusters") ? CLUSTER : "";
            send(ex, 200, "{\"apiVersion\":\"neo4j.neo4j.com/v1beta1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"10\"},"
                    + "\"items\":[" + items + "]}");
        } else if (path.equals("/api/v1/namespaces/prod/secrets/neo4j-admin")) {
            send(ex, 200, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"neo4j-admin\",\"namespace\":\"prod\"},"
                    + "\"data\":{\"password\":\"c2VjcmV0\"}}");
        } else {
            send(ex, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private ApiServerResolver resolverFor(String url) {
        return new ApiServerResolver(() -> new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(url).withNamespace("default").withConnectionTimeout(2000).withRequestTimeout(2000)
                // The stand-in speaks HTTP watches only (the JDK server has no WebSocket); a real API
                // server is watched over WebSocket, fabric8's default.
                .withOnlyHttpWatches(true).withRequestRetryBackoffLimit(0).build()).build());
    }

    @AfterEach
    void stop() {
        if (resolver != null) {
            resolver.close();
        }
        if (api != null) {
            api.stop(0);
        }
    }

    private static long deadlineIn(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    @Test
    void answersFromTheSyncedCacheAndGetsSecretsByName() throws Exception {
        startApi();
        resolver = resolverFor("http://127.0.0.1:" + api.getAddress().getPort());
        Resolver r = resolver.forRequest(deadlineIn(Duration.ofSeconds(10)));
        Resolution found = r.resolve(Kinds.CLUSTER, "prod", "graph");
        assertThat(found.status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(found.resource().tree().path("spec").path("topology").path("servers").asInt()).isEqualTo(3);
        assertThat(r.resolve(Kinds.CLUSTER, "prod", "other").status()).isEqualTo(Resolution.Status.NOT_FOUND);
        assertThat(r.resolve(Kinds.CLUSTER, "staging", "graph").status()).isEqualTo(Resolution.Status.NOT_FOUND);
        assertThat(r.resolveServer("prod", "graph").status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(r.list(Kinds.CLUSTER, "prod")).hasSize(1);
        assertThat(r.list(Kinds.DATABASE, "prod")).isEmpty();
        assertThat(r.resolve("Secret", "prod", "neo4j-admin").status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(r.resolve("Secret", "prod", "missing").status()).isEqualTo(Resolution.Status.NOT_FOUND);
        assertThat(r.resolve("ConfigMap", "prod", "x").status()).isEqualTo(Resolution.Status.UNKNOWN);
        int listed = lists.get();
        resolver.forRequest(deadlineIn(Duration.ofSeconds(1))).resolve(Kinds.CLUSTER, "prod", "graph");
        assertThat(lists.get()).as("one LIST per kind, then the cache").isEqualTo(listed);
    }

    @Test
    void aSlowApiServerIsUnknownWithinTheDeadlineAndFoundOnceSynced() throws Exception {
        startApi();
        listDelayMillis = 1500;
        resolver = resolverFor("http://127.0.0.1:" + api.getAddress().getPort());
        long t0 = System.nanoTime();
        Resolution first = resolver.forRequest(deadlineIn(Duration.ofMillis(200))).resolve(Kinds.CLUSTER, "prod", "graph");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(first.status()).isEqualTo(Resolution.Status.UNKNOWN);
        assertThat(first.detail()).contains("not loaded yet");
        assertThat(ms).isLessThan(200 + 1000); // the deadline, plus a margin for a loaded CI machine
        Thread.sleep(2500);
        assertThat(resolver.forRequest(deadlineIn(Duration.ofMillis(200))).resolve(Kinds.CLUSTER, "prod", "graph").status())
                .isEqualTo(Resolution.Status.FOUND);
    }

    @Test
    void aStorageInitializingAnswerIsRetriedAfterTheSecondItAsksForNotTheDefaultTen() throws Exception {
        startApi();
        initializing.set(1);
        resolver = resolverFor("http://127.0.0.1:" + api.getAddress().getPort());
        Resolution first = resolver.forRequest(deadlineIn(Duration.ofSeconds(5))).resolve(Kinds.CLUSTER, "prod", "graph");
        assertThat(first.status()).isEqualTo(Resolution.Status.UNKNOWN);
        assertThat(first.detail()).contains("could not list");
        assertThat(ApiServerResolver.RETRY_AFTER).isGreaterThan(Duration.ofSeconds(4));
        // Retry-After is 1 s; 2.5 s later the cache has been restarted, far sooner than RETRY_AFTER (10 s).
        Thread.sleep(2500);
        Resolution again = resolver.forRequest(deadlineIn(Duration.ofSeconds(5))).resolve(Kinds.CLUSTER, "prod", "graph");
        assertThat(again.status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(lists.get()).isEqualTo(2);
    }

    @Test
    void anUnreachableApiServerIsUnknownWithinTheDeadline() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        resolver = resolverFor("http://127.0.0.1:" + closed);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Resolver r = resolver.forRequest(deadlineIn(Duration.ofMillis(300)));
            assertThat(r.resolve(Kinds.CLUSTER, "prod", "graph").status()).isEqualTo(Resolution.Status.UNKNOWN);
            assertThat(r.resolve("Secret", "prod", "neo4j-admin").status()).isEqualTo(Resolution.Status.UNKNOWN);
            assertThat(r.list(Kinds.DATABASE, "prod")).isEmpty();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(300 + 1000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
