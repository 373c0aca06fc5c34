package io.neo4jguard.webhook.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.webhook.admission.Answer;
import io.neo4jguard.webhook.admission.Decision;
import io.neo4jguard.webhook.admission.Webhook;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook's Prometheus metrics (DESIGN §4), named in base units like Kyverno's and Gatekeeper's:
 * <ul>
 *   <li>{@code neo4j_guard_admission_requests_total{webhook,kind,operation,allowed,dry_run}}</li>
 *   <li>{@code neo4j_guard_admission_duration_seconds{webhook}}: histogram, buckets in {@link #BUCKETS}</li>
 *   <li>{@code neo4j_guard_rule_findings_total{rule,severity}}</li>
 *   <li>{@code neo4j_guard_certificate_expiry_timestamp_seconds{certificate}}: serving, ca, client-ca</li>
 *   <li>{@code neo4j_guard_admission_refused_total{webhook,code}}: bodies answered 400/408/413</li>
 *   <li>{@code neo4j_guard_certificate_reloads_total{result}}: cert-dir reads, success or error</li>
 * </ul>
 * Label values are bounded: a kind that is not one of our ten is {@code other}, so a misconfigured
 * webhook cannot create a series per kind in the cluster.
 */
public final class AdmissionMetrics {
    /**
     * Dense below 100 ms (DESIGN §4), with the API server's own admission-latency edges (5 ms, 25 ms,
     * 100 ms, 500 ms, 1 s, 2.5 s) so both histograms can be compared bucket for bucket; 0.5, 1 and 2 ms
     * resolve our p99 target (2 ms at 1,000 req/s); 1 s is our answer budget and 5 s the API server's
     * timeout, past which nothing is counted by anyone.
     */
    static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> expiry = new ConcurrentHashMap<>();
    private final Map<Webhook, Timer> timers = new java.util.EnumMap<>(Webhook.class);
    /*
     * The counters of each label set, looked up once: Counter.builder(...).register(...) per request builds
     * and sorts the tags and hashes a new meter id every time, for a meter that exists after the first
     * request. The label sets are bounded (see the class comment), so are these maps.
     */
    private final Map<Requests, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Findings, Counter> findings = new ConcurrentHashMap<>();
    private final Map<Refused, Counter> refused = new ConcurrentHashMap<>();

    private record Requests(Webhook webhook, String kind, String operation, boolean allowed, boolean dryRun) {
    }

    private record Findings(String rule, String severity) {
    }

    private record Refused(Webhook webhook, int code) {
    }

    public AdmissionMetrics() {
        for (Webhook w : Webhook.values()) {
            timers.put(w, timer(w)); // present (at zero) from the start: dashboards never see "no data"
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The text exposition for {@code /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    public void record(Webhook webhook, Answer answer, long durationNanos) {
        timers.get(webhook).record(durationNanos, TimeUnit.NANOSECONDS);
        Decision d = answer.decision();
        if (d == null) {
            refused.computeIfAbsent(new Refused(webhook, answer.httpStatus()), k -> Counter
                    .builder("neo4j_guard_admission_refused").description("Bodies refused before a review was read")
                    .tag("webhook", k.webhook().label()).tag("code", Integer.toString(k.code()))
                    .register(registry)).increment();
            return;
        }
        requests.computeIfAbsent(new Requests(d.webhook(), Kinds.ALL.contains(d.kind()) ? d.kind() : "other",
                d.operation().name(), d.allowed(), d.dryRun()), k -> Counter
                .builder("neo4j_guard_admission_requests").description("Admission reviews answered")
                .tag("webhook", k.webhook().label())
                .tag("kind", k.kind())
                .tag("operation", k.operation())
                .tag("allowed", Boolean.toString(k.allowed()))
                .tag("dry_run", Boolean.toString(k.dryRun()))
                .register(registry)).increment();
        for (Finding f : d.findings()) {
            findings.computeIfAbsent(new Findings(f.rule(), f.severity().label()), k -> Counter
                    .builder("neo4j_guard_rule_findings").description("Findings reported, by rule and effective severity")
                    .tag("rule", k.rule()).tag("severity", k.severity())
                    .register(registry)).increment();
        }
    }

    /** Sets {@code neo4j_guard_certificate_expiry_timestamp_seconds{certificate=name}} to its notAfter. */
    public void certificate(String name, X509Certificate cert) {
        AtomicLong v = expiry.computeIfAbsent(name, n -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("neo4j_guard_certificate_expiry_timestamp_seconds", holder, AtomicLong::get)
                    .description("notAfter of the loaded certificate, in Unix seconds")
                    .tag("certificate", n).register(registry);
            return holder;
        });
        v.set(cert.getNotAfter().toInstant().getEpochSecond());
    }

    public void certificateReload(boolean ok) {
        Counter.builder("neo4j_guard_certificate_reloads").description("Reads of the cert directory")
                .tag("result", ok ? "success" : "error").register(registry).increment();
    }

    private Timer timer(Webhook w) {
        return Timer.builder("neo4j_guard_admission_duration").description("Time from request to answer")
                .tag("webhook", w.label())
                .serviceLevelObjectives(slos())
                .register(registry);
    }

    private static Duration[] slos() {
        Duration[] d = new Duration[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            d[i] = Duration.ofNanos(Math.round(BUCKETS[i] * 1e9));
        }
        return d;
    }
}
