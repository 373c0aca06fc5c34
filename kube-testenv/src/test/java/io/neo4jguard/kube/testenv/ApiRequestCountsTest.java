package io.neo4jguard.kube.testenv;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading kube-apiserver's request counter from the Prometheus text format. */
class ApiRequestCountsTest {
    /** Lines as kube-apiserver 1.34 writes them (labels sorted, one sample per code/scope/version). */
    private static final String METRICS = """
            # HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, ...
            # TYPE apiserver_request_total counter
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="apps",resource="statefulsets",scope="resource",subresource="",verb="APPLY",version="v1"} 3
            apiserver_request_total{code="409",component="apiserver",dry_run="",group="apps",resource="statefulsets",scope="resource",subresource="",verb="APPLY",version="v1"} 1
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="apps",resource="statefulsets",scope="resource",subresource="status",verb="PUT",version="v1"} 7
            apiserver_request_total{code="200",component="apiserver",dry_run="All",group="apps",resource="statefulsets",scope="resource",subresource="",verb="PATCH",version="v1"} 5
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="configmaps",scope="namespace",subresource="",verb="LIST",version="v1"} 2e+01
            apiserver_request_total{code="200",component="",dry_run="",group="",resource="",scope="",subresource="/readyz",verb="GET",version=""} 40
            apiserver_request_duration_seconds_count{component="apiserver",dry_run="",group="apps",resource="statefulsets",scope="resource",subresource="",verb="APPLY",version="v1"} 4
            """;

    @Test
    void sumsOverCodesAndSkipsDryRunsNonResourceRequestsAndOtherMetrics() {
        ApiRequestCounts c = ApiRequestCounts.parse(METRICS);
        assertThat(c.asMap()).containsOnly(
                Map.entry(new ApiRequestCounts.Request("APPLY", "apps", "statefulsets", ""), 4L),
                Map.entry(new ApiRequestCounts.Request("PUT", "apps", "statefulsets", "status"), 7L),
                Map.entry(new ApiRequestCounts.Request("LIST", "", "configmaps", ""), 20L));
        assertThat(c.count("APPLY", "statefulsets")).isEqualTo(4);
        assertThat(c.writes(r -> r.subresource().isEmpty()))
                .containsOnlyKeys(new ApiRequestCounts.Request("APPLY", "apps", "statefulsets", ""));
    }

    @Test
    void sinceIsTheDifferenceAndDropsUnchangedRequests() {
        ApiRequestCounts before = ApiRequestCounts.parse(METRICS);
        ApiRequestCounts after = ApiRequestCounts.parse(METRICS.replace("subresource=\"status\",verb=\"PUT\",version=\"v1\"} 7",
                "subresource=\"status\",verb=\"PUT\",version=\"v1\"} 9"));
        ApiRequestCounts delta = after.since(before);
        assertThat(delta.asMap()).containsOnly(Map.entry(new ApiRequestCounts.Request("PUT", "apps", "statefulsets", "status"), 2L));
        assertThat(delta.writes(r -> true).keySet()).extracting(Object::toString).containsExactly("PUT apps/statefulsets/status");
        assertThat(before.since(before).asMap()).isEmpty();
    }
}
