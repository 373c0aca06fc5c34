package io.neo4jguard.reconciler.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsSummary;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The controller's Prometheus metrics, named like the webhook's ({@code neo4j_guard_*}, base units) and shaped like
 * controller-runtime's, so the usual controller dashboards translate one to one:
 * <ul>
 *   <li>{@code neo4j_guard_reconcile_total{kind,result}}: result = success, invalid, conflict, error;</li>
 *   <li>{@code neo4j_guard_reconcile_errors_total{kind}}: reconciles that failed and were requeued with backoff;</li>
 *   <li>{@code neo4j_guard_reconcile_duration_seconds{kind}}: histogram, buckets in {@link #BUCKETS};</li>
 *   <li>{@code neo4j_guard_workqueue_depth}: keys waiting for a worker now;</li>
 *   <li>{@code neo4j_guard_apply_requests_total{kind}}: server-side apply requests (objects created or changed) and
 *       {@code neo4j_guard_status_writes_total{kind}}: status writes; on an idle cluster both stay flat;</li>
 *   <li>{@code neo4j_guard_leader}: 1 while this replica holds the Lease;</li>
 *   <li>{@code neo4j_guard_diagnostics_total{servers,databases}}: Bolt diagnoses, by the reasons of their two
 *       conditions (a fixed set), and {@code neo4j_guard_diagnostics_duration_seconds}: time per diagnosis.</li>
 * </ul>
 * {@code kind} is one of the three managed kinds: bounded.
 */
public final class ReconcilerMetrics {
    /**
     * A reconcile that changes nothing reads caches only (well under 10 ms); one that applies pays one API round
     * trip per object (tens of ms each), six objects for a cluster; 10 s is the client's request timeout, beyond
     * which it failed anyway.
     */
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger leader = new AtomicInteger();

    public ReconcilerMetrics() {
        Gauge.builder("neo4j_guard_leader", leader, AtomicInteger::get)
                .description("1 while this replica holds the leader Lease").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("neo4j_guard_workqueue_depth", depth).description("Keys waiting for a worker")
                .register(registry);
    }

    public void reconciled(String kind, String result, long nanos) {
        Counter.builder("neo4j_guard_reconcile").description("Reconciles, by kind and result")
                .tag("kind", kind).tag("result", result).register(registry).increment();
        if (result.equals("error")) {
            Counter.builder("neo4j_guard_reconcile_errors").description("Reconciles that failed and were requeued")
                    .tag("kind", kind).register(registry).increment();
        }
        Timer.builder("neo4j_guard_reconcile_duration").description("Time per reconcile")
                .tag("kind", kind).serviceLevelObjectives(slos()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void applied(String kind, int requests) {
        Counter.builder("neo4j_guard_apply_requests").description("Server-side apply requests sent")
                .tag("kind", kind).register(registry).increment(requests);
    }

    public void statusWritten(String kind) {
        Counter.builder("neo4j_guard_status_writes").description("Status subresource writes sent")
                .tag("kind", kind).register(registry).increment();
    }

    /** One finished Bolt diagnosis. */
    public void diagnosed(DiagnosticsSummary summary, Duration took) {
        Counter.builder("neo4j_guard_diagnostics").description("Bolt diagnoses, by condition reason")
                .tag("servers", summary.serversHealthy().reason())
                .tag("databases", summary.databasesHealthy().reason()).register(registry).increment();
        Timer.builder("neo4j_guard_diagnostics_duration").description("Time per Bolt diagnosis (Secret read and "
                + "both queries)").serviceLevelObjectives(slos()).register(registry).record(took);
    }

    /** Bolt diagnoses finished so far. */
    public double diagnoses() {
        return registry.find("neo4j_guard_diagnostics").counters().stream().mapToDouble(Counter::count).sum();
    }

    public void leader(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    /** Total apply plus status requests this process sent (tests and the scale benchmark read it). */
    public double writes() {
        return registry.find("neo4j_guard_apply_requests").counters().stream().mapToDouble(Counter::count).sum()
                + registry.find("neo4j_guard_status_writes").counters().stream().mapToDouble(Counter::count).sum();
    }

    public double reconciles() {
        return registry.find("neo4j_guard_reconcile").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Duration[] slos() {
        Duration[] d = new Duration[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            d[i] = Duration.ofNanos(Math.round(BUCKETS[i] * 1e9));
        }
        return d;
    }
}
