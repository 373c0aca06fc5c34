package io.neo4jguard.webhook.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.kube.testenv.WebhookRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What our webhooks add to a create through the real API server: 500 clusters created one after the other
 * without and then with the webhooks registered, in one run against the same control plane. The figures are
 * printed and written to target/e2e-overhead.txt; they are a measurement, not an assertion (timing on a shared
 * 2-core machine is noise-prone). What is asserted is that each phase ran as described: with the webhooks the
 * stored objects carry the mutating webhook's memory settings, without them they do not.
 */
@ExtendWith(KubeApiServerExtension.class)
class WebhookOverheadIT {
    /** The figure: enough creates for a p99 that is more than the single slowest call (5 per mille). */
    private static final int OBJECTS = 500;
    /** Creates before each measured phase, so class loading and JIT in client, API server and webhook settle. */
    private static final int WARM_UP = 50;

    private static final java.util.concurrent.atomic.AtomicInteger PROBES = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void createLatencyWithAndWithoutTheWebhooks(ControlPlane plane, KubernetesClient client, @TempDir Path certs)
            throws Exception {
        try (GuardedApiServer guard = GuardedApiServer.start(plane, client, certs);
             KubernetesClient creator = plane.newClient()) {
            String without = guard.namespace("overhead-off");
            String with = guard.namespace("overhead-on");

            WebhookRegistration.unregister(client);
            GuardedApiServer.await("webhooks gone", () -> !mutated(create(creator, without, "probe-" + PROBES.incrementAndGet())));
            long[] off = phase(creator, guard, without);
            assertThat(mutated(guard.clusters().inNamespace(without).withName("c-0").get())).isFalse();
            guard.clusters().inNamespace(without).delete();

            guard.hooks.register(client);
            GuardedApiServer.await("webhooks active", () -> mutated(create(creator, with, "probe-" + PROBES.incrementAndGet())));
            long[] on = phase(creator, guard, with);
            assertThat(mutated(guard.clusters().inNamespace(with).withName("c-" + (OBJECTS - 1)).get())).isTrue();
            guard.clusters().inNamespace(with).delete();

            String report = String.format(Locale.ROOT, """
                    # %d creates of a Neo4jEnterpriseCluster through the real kube-apiserver, one at a time (fabric8 client)
                    without webhooks: median %.2f ms, p99 %.2f ms
                    with webhooks:    median %.2f ms, p99 %.2f ms (validating Fail + mutating Ignore, lookups on)
                    overhead:         median %+.2f ms, p99 %+.2f ms
                    """, OBJECTS, ms(percentile(off, 50)), ms(percentile(off, 99)),
                    ms(percentile(on, 50)), ms(percentile(on, 99)),
                    ms(percentile(on, 50) - percentile(off, 50)), ms(percentile(on, 99) - percentile(off, 99)));
            System.out.print(report);
            Path out = Path.of("target", "e2e-overhead.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static long[] phase(KubernetesClient creator, GuardedApiServer guard, String ns) {
        for (int i = 0; i < WARM_UP; i++) {
            create(creator, ns, "warm-" + i);
        }
        long[] nanos = new long[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            long t0 = System.nanoTime();
            create(creator, ns, "c-" + i);
            nanos[i] = System.nanoTime() - t0;
        }
        assertThat(guard.clusters().inNamespace(ns).list().getItems())
                .filteredOn(c -> c.getMetadata().getName().startsWith("c-")).hasSize(OBJECTS);
        return nanos;
    }

    private static GenericKubernetesResource create(KubernetesClient creator, String ns, String name) {
        GenericKubernetesResource cluster = creator.getKubernetesSerialization()
                .unmarshal(AdmissionThroughApiServerIT.cluster(name, ns, 3, "2025.10.0-enterprise", null),
                        GenericKubernetesResource.class);
        return GuardedApiServer.clusters(creator).inNamespace(ns).resource(cluster).create();
    }

    @SuppressWarnings("unchecked")
    private static boolean mutated(GenericKubernetesResource stored) {
        Map<String, Object> spec = (Map<String, Object>) stored.getAdditionalProperties().get("spec");
        Object config = spec.get("config");
        return config instanceof Map<?, ?> m && m.containsKey("server.memory.pagecache.size");
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        // Nearest rank: the smallest value with at least p% of the values at or below it.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
