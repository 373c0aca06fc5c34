package io.neo4jguard.webhook;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.webhook.admission.Budget;
import io.neo4jguard.webhook.observe.JsonLog;
import io.neo4jguard.kube.resolve.ResolverProvider;
import io.neo4jguard.webhook.tls.CertWatcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Everything a {@link WebhookServer} is started with; defaults are the production values. */
public final class ServerConfig {
    /**
     * A keep-alive connection idle this long between requests is closed. The client must be the side
     * that closes an idle connection: a client that writes a request on a connection the server is just
     * closing gets EOF, and Go's http.Transport, kube-apiserver's webhook client, does not retry a POST
     * it has written, so under {@code failurePolicy: Fail} a user's change is refused for nothing.
     * Clients drop idle connections after 90 s (Go's and kube-apiserver's: apimachinery's
     * SetTransportDefaults applies http.DefaultTransport's IdleConnTimeout) or 20 min (the JDK's
     * HttpClient, jdk.httpclient.keepalive.timeout); an hour is three times the longest. Idle
     * connections stay bounded by count, not time: {@link WebhookServer#MAX_CONNECTIONS} of about 70 KiB
     * each, and at that limit every connection falls back to the body-read budget as idle timeout. This
     * timeout only reclaims connections whose client vanished without closing them.
     *
     * <p>Once a request has begun, silence is cut much sooner: {@link Budget#API_SERVER_TIMEOUT} (the
     * body-read budget), after which the API server has given up on that request anyway.
     */
    public static final Duration KEEP_ALIVE_IDLE = Duration.ofHours(1);

    /**
     * After SIGTERM we stay up, not ready, this long before closing the port: the time for the
     * EndpointSlice change to reach kube-proxy and the API server (about a second or two), with margin.
     * Together with {@link #DRAIN_TIMEOUT} well inside the default 30 s termination grace period.
     */
    public static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);

    /** In-flight requests get this long to finish: the API server stops waiting for them after 5 s anyway. */
    public static final Duration DRAIN_TIMEOUT = Budget.API_SERVER_TIMEOUT;

    /**
     * How long start-up waits for the warm-up (every kind validated once) before serving anyway. It
     * takes about a second; 30 s is well inside a kubelet startup probe's usual budget, and a server
     * that cannot load its rules in that time is better answering (slowly) than not starting.
     */
    public static final Duration WARM_UP_LIMIT = Duration.ofSeconds(30);

    String bind = "0.0.0.0";
    int port = 8443;
    int metricsPort = 8080;
    Path certDir;
    Path clientCa;
    Validator validator = Validator.standard();
    Defaults defaults = Defaults.standard();
    ResolverProvider resolvers = ResolverProvider.NONE;
    Duration certPoll = CertWatcher.DEFAULT_POLL;
    Duration shutdownDelay = SHUTDOWN_DELAY;
    Duration drainTimeout = DRAIN_TIMEOUT;
    Duration answerBudget = Budget.ANSWER;
    Duration lookupBudget = Budget.LOOKUPS;
    Duration bodyReadBudget = Budget.API_SERVER_TIMEOUT;
    int maxBodyBytes = Budget.MAX_BODY_BYTES;
    Duration warmUpLimit = WARM_UP_LIMIT;
    JsonLog log = JsonLog.to(System.out);

    public static ServerConfig create(Path certDir) {
        ServerConfig c = new ServerConfig();
        c.certDir = Objects.requireNonNull(certDir, "certDir");
        return c;
    }

    /** The address to listen on; 0.0.0.0 for all. */
    public ServerConfig bind(String v) {
        bind = v;
        return this;
    }

    /** The HTTPS port; 0 picks a free one (tests). */
    public ServerConfig port(int v) {
        port = v;
        return this;
    }

    /** The plain HTTP port of /metrics, /healthz, /readyz; 0 picks a free one, -1 turns it off. */
    public ServerConfig metricsPort(int v) {
        metricsPort = v;
        return this;
    }

    /** PEM bundle of the CA whose client certificates are required on the admission paths; null for none. */
    public ServerConfig clientCa(Path v) {
        clientCa = v;
        return this;
    }

    public ServerConfig validator(Validator v) {
        validator = Objects.requireNonNull(v);
        return this;
    }

    public ServerConfig defaults(Defaults v) {
        defaults = Objects.requireNonNull(v);
        return this;
    }

    public ServerConfig resolvers(ResolverProvider v) {
        resolvers = Objects.requireNonNull(v);
        return this;
    }

    public ServerConfig certPoll(Duration v) {
        certPoll = v;
        return this;
    }

    public ServerConfig shutdownDelay(Duration v) {
        shutdownDelay = v;
        return this;
    }

    public ServerConfig drainTimeout(Duration v) {
        drainTimeout = v;
        return this;
    }

    public ServerConfig answerBudget(Duration v) {
        answerBudget = v;
        return this;
    }

    /**
     * How long a request body may take to arrive, and how long a connection may stay silent once a
     * request has begun (then it is answered 408, or closed); {@link Budget#API_SERVER_TIMEOUT} by default.
     */
    public ServerConfig bodyReadBudget(Duration v) {
        bodyReadBudget = v;
        return this;
    }

    /** How long start-up waits for the rules to warm up; zero: do not wait (they warm up in the background). */
    public ServerConfig warmUpLimit(Duration v) {
        warmUpLimit = v;
        return this;
    }

    public ServerConfig log(JsonLog v) {
        log = Objects.requireNonNull(v);
        return this;
    }

    public Path certDir() {
        return certDir;
    }

    public String bindAddress() {
        return bind;
    }
}
