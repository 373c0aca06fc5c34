package io.neo4jguard.webhook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.neo4jguard.webhook.admission.AdmissionController;
import io.neo4jguard.webhook.admission.AdmissionHandler;
import io.neo4jguard.webhook.admission.Answer;
import io.neo4jguard.webhook.admission.Request;
import io.neo4jguard.webhook.admission.Status;
import io.neo4jguard.webhook.admission.Webhook;
import io.neo4jguard.webhook.observe.AdmissionMetrics;
import io.neo4jguard.webhook.observe.DecisionLog;
import io.neo4jguard.webhook.tls.CertWatcher;
import io.neo4jguard.webhook.tls.KeyMaterial;
import io.neo4jguard.webhook.tls.TlsProbe;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The admission webhook server: {@code POST /validate} and {@code /mutate} over HTTPS (TLS 1.2/1.3,
 * key material reloaded from the cert dir without a restart), {@code /healthz} and {@code /readyz} on
 * both ports, {@code /metrics} on the plain port. Start with {@link #start(ServerConfig)}; stop
 * with {@link #shutdown()} (readiness off, wait, close the port, drain in-flight, stop).
 */
public final class WebhookServer implements AutoCloseable {
    /**
     * HTTP threads. Each in-flight review holds one while its check runs (milliseconds; at most the 1 s
     * answer budget when an API-server lookup is slow). At 64, a burst of 64 slow lookups still leaves
     * the port accepting (further connections queue in Jetty), and 64 mostly idle stacks cost a few MiB.
     */
    static final int MAX_THREADS = 64;
    /** Jetty's own acceptor and selector threads plus a few request threads ready without a spawn. */
    static final int MIN_THREADS = 8;
    /**
     * Check workers. The checks are CPU-bound (2 cores here), but a request may wait on an API-server
     * round trip (a Secret GET), so more workers than cores keep one slow lookup from stalling others.
     */
    static final int WORKERS = 16;
    /** Queued checks beyond the workers; every HTTP thread can have one queued. */
    static final int WORK_QUEUE = MAX_THREADS;
    /**
     * Open connections at most. The API server keeps a handful per webhook; each TLS connection holds
     * about 70 KiB of buffers, so 256 bound them to some 18 MiB, inside our memory target. This bound,
     * not a short idle timeout, is what keeps idle keep-alive connections in check
     * ({@link ServerConfig#KEEP_ALIVE_IDLE}): at the limit, idle ones are shed after the body-read budget.
     */
    static final int MAX_CONNECTIONS = 256;
    /** A readiness answer older than this is re-checked with a new handshake. */
    static final Duration PROBE_REUSE = Duration.ofSeconds(5);

    private static final String CLIENT_CERT_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final ServerConfig config;
    private final AdmissionMetrics metrics = new AdmissionMetrics();
    private final DecisionLog decisions;
    private final AdmissionHandler handler;
    private final ThreadPoolExecutor workers;
    private final SslContextFactory.Server ssl = new SslContextFactory.Server();
    private final CertWatcher certs;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicLong lastGoodProbe = new AtomicLong(Long.MIN_VALUE);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean tlsVerified;
    private Javalin app;
    private PlainEndpoints plain;
    private ServerConnector httpsConnector;

    private WebhookServer(ServerConfig config) {
        this.config = config;
        this.decisions = new DecisionLog(config.log);
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORK_QUEUE), r -> {
                    Thread t = new Thread(r, "admission-check");
                    t.setDaemon(true);
                    return t;
                });
        this.handler = new AdmissionHandler(new AdmissionController(config.validator, config.defaults,
                config.resolvers, workers, config.answerBudget, config.lookupBudget), config.maxBodyBytes,
                config.bodyReadBudget, config.clientCa != null);
        this.certs = new CertWatcher(config.certDir, config.certPoll, this::install, new CertWatcher.Listener() {
            @Override
            public void reloaded(KeyMaterial m) {
                metrics.certificateReload(true);
                exportExpiry(m);
                config.log.info("serving certificate loaded", Map.of("serial", m.certificate().getSerialNumber().toString(16),
                        "not_after", m.notAfter().toString()));
            }

            @Override
            public void failed(String why) {
                metrics.certificateReload(false);
                config.log.warn("serving certificate not reloaded; the previous one keeps serving", Map.of("reason", why));
            }
        });
    }

    /**
     * Loads the key material, binds both ports, and returns once TLS answers a handshake with the loaded
     * certificate (so a caller, or {@code /readyz}, can rely on it).
     *
     * @throws IOException when the cert dir or client CA cannot be read, or a port cannot be bound
     */
    public static WebhookServer start(ServerConfig config) throws IOException {
        WebhookServer s = new WebhookServer(config);
        try {
            s.startServing();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startServing() throws IOException {
        // Rules and schemas load beside the TLS start-up (two cores: about half the wall time).
        java.util.concurrent.CompletableFuture<Void> warm = java.util.concurrent.CompletableFuture.runAsync(
                () -> WarmUp.run(config.validator, config.defaults), workers);
        KeyMaterial material = certs.load();
        ssl.setKeyStore(material.keyStore());
        ssl.setKeyStorePassword(KeyMaterial.STORE_PASSWORD);
        // TLS 1.2 and 1.3 only: 1.0 and 1.1 are deprecated (RFC 8996); the API server speaks 1.2+.
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setExcludeProtocols("SSL", "SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");
        ssl.setRenegotiationAllowed(false);
        ssl.setSniRequired(false);
        if (config.clientCa != null) {
            KeyStore trust = KeyMaterial.trustStore(config.clientCa);
            ssl.setTrustStore(trust);
            // "want", not "need": the kubelet's probes of /healthz and /readyz on this port carry no
            // certificate; the admission paths refuse requests without one (see admission()).
            ssl.setWantClientAuth(true);
            exportClientCaExpiry(trust);
        }

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
        threads.setName("webhook-http");
        threads.setDaemon(true);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.disableCompression();
            c.http.maxRequestSize = config.maxBodyBytes;
            c.jetty.threadPool = threads;
            c.jetty.modifyServer(server -> server.addBean(connectionLimit(server)));
            c.jetty.addConnector((server, httpConfig) -> httpsConnector = connector(server, httpConfig));
        });
        for (Webhook w : Webhook.values()) {
            // Every method reaches the handler, which answers all but POST with 405 (not 404: the path exists).
            for (HandlerType method : HandlerType.values()) {
                if (method.isHttpMethod()) {
                    app.addHttpHandler(method, w.path(), ctx -> admission(ctx, w));
                }
            }
        }
        app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
        app.get("/readyz", ctx -> {
            boolean ok = ready();
            ctx.status(ok ? 200 : 503).contentType("text/plain").result(ok ? "ok\n" : "not ready\n");
        });
        app.exception(Exception.class, (e, ctx) -> ctx.status(500).contentType("application/json")
                .result(Status.error(500, "internal error (" + e.getClass().getSimpleName() + ")").body()));
        app.start();

        if (config.metricsPort >= 0) {
            plain = new PlainEndpoints(config.bind, config.metricsPort, metrics::scrape, this::ready);
        }
        certs.start();
        try {
            warm.get(config.warmUpLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // A rule that throws on the sample is reported per request by the engine; serve anyway.
        } catch (java.util.concurrent.TimeoutException e) {
            if (!config.warmUpLimit.isZero()) {
                config.log.warn("rules not warmed up in time; serving anyway (first requests may be slow)",
                        Map.of("limit_ms", config.warmUpLimit.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading the rules");
        }
        tlsVerified = probe();
        if (!tlsVerified) {
            throw new IOException("the HTTPS port " + port() + " does not serve the loaded certificate");
        }
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
        config.log.info("serving", Map.of("https", "https://" + ListenAddress.inUrl(config.bind) + ":" + port(), "ms_since_process_start", sinceStart,
                "metrics", plain == null ? "off" : "http://" + ListenAddress.inUrl(config.bind) + ":" + plain.port() + "/metrics",
                "client_certificates", config.clientCa == null ? "not required" : "required"));
    }

    /**
     * At {@link #MAX_CONNECTIONS}, Jetty stops accepting and gives every open connection the body-read
     * budget as idle timeout, so idle keep-alive connections make room; below it, the long keep-alive
     * idle timeout returns.
     */
    private ConnectionLimit connectionLimit(Server server) {
        ConnectionLimit limit = new ConnectionLimit(MAX_CONNECTIONS, server);
        limit.setIdleTimeout(config.bodyReadBudget.toMillis());
        return limit;
    }

    private ServerConnector connector(Server server, HttpConfiguration base) {
        HttpConfiguration https = new HttpConfiguration(base);
        // Two idle timeouts: between requests the connection is the client's to close (the connector's
        // keep-alive idle, far above any client's); from a request's first byte to its answer, Jetty
        // switches to this one, so a client stalled mid-request is cut after the body-read budget.
        https.setIdleTimeout(config.bodyReadBudget.toMillis());
        https.setSecureScheme("https");
        https.setSendServerVersion(false);
        https.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The API server dials an IP (clientConfig.url https://127.0.0.1:8443) or a Service name; SNI is
        // not ours to police, the certificate's SANs are.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        c.setHost(config.bind);
        c.setPort(config.port);
        c.setIdleTimeout(ServerConfig.KEEP_ALIVE_IDLE.toMillis());
        // Jetty cuts every connection's idle timeout to 1 s when the port closes; a request whose body
        // is still arriving then gets the drain time instead, as long as the API server waits for it.
        c.setShutdownIdleTimeout(config.drainTimeout.toMillis());
        return c;
    }

    /** Swaps the key material; connections in progress keep theirs, new handshakes get the new one. */
    private void install(KeyMaterial m) {
        try {
            ssl.reload(f -> f.setKeyStore(m.keyStore()));
        } catch (Exception e) {
            throw new IllegalStateException("TLS reload failed: " + e.getMessage(), e);
        }
        tlsVerified = probe();
    }

    private void exportExpiry(KeyMaterial m) {
        metrics.certificate("serving", m.certificate());
        m.issuingCa().ifPresent(ca -> metrics.certificate("ca", ca));
    }

    private void exportClientCaExpiry(KeyStore trust) {
        try {
            X509Certificate soonest = null;
            for (String alias : java.util.Collections.list(trust.aliases())) {
                X509Certificate c = (X509Certificate) trust.getCertificate(alias);
                if (soonest == null || c.getNotAfter().before(soonest.getNotAfter())) {
                    soonest = c;
                }
            }
            if (soonest != null) {
                metrics.certificate("client-ca", soonest);
            }
        } catch (java.security.KeyStoreException e) {
            // a store we just built is always initialised
        }
    }

    private void admission(Context ctx, Webhook webhook) throws IOException {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            Answer answer = handler.handle(webhook, new Request(ctx.method().name(), ctx.req().getContentLengthLong(),
                    () -> ctx.req().getInputStream(), ctx.req().getAttribute(CLIENT_CERT_ATTRIBUTE) != null, start));
            write(ctx, answer);
            long nanos = System.nanoTime() - start;
            metrics.record(webhook, answer, nanos);
            decisions.record(webhook, answer, nanos / 1e6);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void write(Context ctx, Answer answer) throws IOException {
        answer.headers().forEach(ctx::header);
        if (shuttingDown.get()) {
            ctx.header("Connection", "close"); // we are going away: no keep-alive
        }
        ctx.status(answer.httpStatus()).contentType("application/json");
        if (answer.closesConnection()) {
            // Commit the answer now, while the client may still be sending: it learns at once that the
            // rest of its body is not wanted, and Jetty closes the connection after it.
            ctx.res().setContentLength(answer.body().length);
            ctx.res().getOutputStream().write(answer.body());
            ctx.res().flushBuffer();
        } else {
            ctx.result(answer.body());
        }
    }

    /** True when policies are loaded (always, once started), TLS serves the loaded pair, and we are not stopping. */
    public boolean ready() {
        if (shuttingDown.get() || app == null || !tlsVerified) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastGoodProbe.get() < PROBE_REUSE.toNanos()) {
            return true;
        }
        return probe();
    }

    private boolean probe() {
        KeyMaterial loaded = certs.current();
        Optional<X509Certificate> served = TlsProbe.served(ListenAddress.dialable(config.bind), port());
        boolean ok = served.isPresent() && loaded != null && Arrays.equals(encoded(served.get()), encoded(loaded.certificate()));
        if (ok) {
            lastGoodProbe.set(System.nanoTime());
        }
        return ok;
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return new byte[0];
        }
    }

    public int port() {
        return httpsConnector.getLocalPort();
    }

    /** The plain port, or -1 when it is off. */
    public int metricsPort() {
        return plain == null ? -1 : plain.port();
    }

    public AdmissionMetrics metrics() {
        return metrics;
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Forces a re-read of the cert dir now (tests; the watcher does it on changes and every poll). */
    public void reloadCertificates() {
        certs.check();
    }

    /** The certificate currently loaded. */
    public X509Certificate certificate() {
        return certs.current().certificate();
    }

    /**
     * Graceful stop, for SIGTERM: readiness off at once; keep serving for the shutdown delay (the
     * endpoint removal travels meanwhile); close the port; let in-flight requests finish (at most the
     * drain timeout); stop. Idempotent; returns when stopped.
     */
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        config.log.info("shutting down: not ready, draining", Map.of("delay_ms", config.shutdownDelay.toMillis(),
                "in_flight", inFlight.get()));
        try {
            sleep(config.shutdownDelay);
            if (httpsConnector != null) {
                httpsConnector.shutdown();  // stop accepting; open connections finish what they have
            }
            long deadline = System.nanoTime() + config.drainTimeout.toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(10));
            }
            int left = inFlight.get();
            close();
            config.log.info("stopped", Map.of("abandoned_requests", left));
        } finally {
            terminated.countDown();
        }
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Immediate stop (tests, failed start); {@link #shutdown()} is the graceful one. */
    @Override
    public void close() {
        shuttingDown.set(true);
        certs.close();
        if (app != null) {
            app.stop();
        }
        if (plain != null) {
            plain.stop();
        }
        workers.shutdownNow();
        config.resolvers.close();
        terminated.countDown();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
