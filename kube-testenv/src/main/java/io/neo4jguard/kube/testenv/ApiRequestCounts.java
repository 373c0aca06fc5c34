package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests the API server has served, by verb, group, resource and subresource, read from its
 * {@code /metrics} counter {@code apiserver_request_total} (summed over response code, API version and scope).
 * Take one snapshot before and one after, and look at {@link #since}:
 *
 * <pre>{@code
 * ApiRequestCounts before = ApiRequestCounts.scrape(client);
 * // ... a resync of the reconciler ...
 * ApiRequestCounts delta = ApiRequestCounts.scrape(client).since(before);
 * assertThat(delta.writes(r -> r.group().equals("apps") || r.resource().startsWith("neo4j"))).isEmpty();
 * }</pre>
 *
 * <p>The counter has no label for the client, so requests of the simulated cluster's own controllers count
 * too. In a steady state they write: {@code leases} (kwok renews each node's lease), {@code events}; while
 * anything changes: {@code pods} and {@code pods/status} (kwok, scheduler {@code pods/binding}),
 * {@code persistentvolumeclaims}, the {@code status} subresource of StatefulSets, Jobs, CronJobs and
 * PodDisruptionBudgets, {@code controllerrevisions}, and {@code jobs} (the CronJob controller creates them).
 * Select the resources the code under test writes. Requests with {@code dryRun} change nothing and are left
 * out. The counters restart from zero when the API server does ({@link ControlPlane#restartApiServer()}).
 */
public final class ApiRequestCounts {
    /** Verbs that change stored state; APPLY is server-side apply (a PATCH with the apply content type). */
    public static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION");

    /** One kind of request; {@code group} is "" for the core API, {@code subresource} "" for the object itself. */
    public record Request(String verb, String group, String resource, String subresource) implements Comparable<Request> {
        public boolean isWrite() {
            return WRITE_VERBS.contains(verb);
        }

        @Override
        public int compareTo(Request o) {
            return toString().compareTo(o.toString());
        }

        /** {@code PATCH apps/statefulsets/status}, for assertion messages. */
        @Override
        public String toString() {
            return verb + " " + (group.isEmpty() ? "" : group + "/") + resource + (subresource.isEmpty() ? "" : "/" + subresource);
        }
    }

    private static final String METRIC = "apiserver_request_total";
    private static final Pattern SAMPLE = Pattern.compile("^" + METRIC + "\\{(.*)}\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<Request, Long> counts;

    private ApiRequestCounts(Map<Request, Long> counts) {
        this.counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The API server's counters now (a GET of {@code /metrics} with the client's credentials). */
    public static ApiRequestCounts scrape(KubernetesClient client) {
        String text = client.raw("/metrics");
        if (text == null) {
            throw new KubeTestEnvException("the API server answered GET /metrics with nothing");
        }
        return parse(text);
    }

    /** Reads the Prometheus text format; other metrics and non-resource requests (no resource label) are skipped. */
    static ApiRequestCounts parse(String metrics) {
        Map<Request, Long> out = new HashMap<>();
        for (String line : metrics.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher l = LABEL.matcher(m.group(1));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            String resource = labels.getOrDefault("resource", "");
            if (resource.isEmpty() || !labels.getOrDefault("dry_run", "").isEmpty()) {
                continue;
            }
            Request r = new Request(labels.getOrDefault("verb", ""), labels.getOrDefault("group", ""), resource,
                    labels.getOrDefault("subresource", ""));
            // Counters are exported as floats ("3" or "3e+06"); the values here are whole numbers.
            out.merge(r, (long) Double.parseDouble(m.group(2)), Long::sum);
        }
        return new ApiRequestCounts(out);
    }

    /** The requests served since {@code earlier} (counters only grow, unless the API server restarted). */
    public ApiRequestCounts since(ApiRequestCounts earlier) {
        Map<Request, Long> out = new HashMap<>();
        counts.forEach((r, n) -> {
            long d = n - earlier.counts.getOrDefault(r, 0L);
            if (d != 0) {
                out.put(r, d);
            }
        });
        return new ApiRequestCounts(out);
    }

    /** Requests of one verb ({@code "PATCH"}) on one resource ({@code "statefulsets"}), any group and subresource. */
    public long count(String verb, String resource) {
        return count(r -> r.verb().equals(verb) && r.resource().equals(resource));
    }

    public long count(Predicate<Request> which) {
        return counts.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** The write requests among those {@code which} selects, with their counts; empty when there were none. */
    public Map<Request, Long> writes(Predicate<Request> which) {
        Map<Request, Long> out = new TreeMap<>();
        counts.forEach((r, n) -> {
            if (r.isWrite() && which.test(r)) {
                out.put(r, n);
            }
        });
        return out;
    }

    /** Every counted kind of request, sorted. */
    public Map<Request, Long> asMap() {
        return counts;
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
