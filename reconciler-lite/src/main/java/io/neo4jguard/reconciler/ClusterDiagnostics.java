package io.neo4jguard.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.reconciler.desired.DesiredState;
import io.neo4jguard.reconciler.diagnostics.AdminCredentials;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsOptions;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsScheduler;
import io.neo4jguard.reconciler.loop.ObjectRef;
import io.neo4jguard.reconciler.status.DiagnosticsStatus;

import java.net.URI;
import java.util.OptionalInt;

/**
 * The reconcile's side of the Bolt diagnostics: which address and Secret a cluster or standalone has, whether it
 * can answer yet, and what its status shows. The diagnosing itself runs on the {@link DiagnosticsScheduler}'s
 * threads, never on a reconcile worker.
 */
final class ClusterDiagnostics implements AutoCloseable {
    private final DiagnosticsOptions options;
    private final String clusterDomain;
    private final DiagnosticsScheduler<ObjectRef> scheduler;

    ClusterDiagnostics(DiagnosticsOptions options, String clusterDomain, DiagnosticsScheduler<ObjectRef> scheduler) {
        this.options = options;
        this.clusterDomain = clusterDomain;
        this.scheduler = scheduler;
    }

    /**
     * @param spec         the defaulted spec
     * @param servers      the servers the StatefulSet should run (a cluster's {@code topology.servers})
     * @param readyServers its Ready pods: one is enough, the client Service routes Bolt to Ready pods only, and any
     *                     server answers both questions for the whole cluster (so a rolling update, when they
     *                     matter most, keeps its diagnostics)
     */
    DiagnosticsStatus status(ObjectRef ref, JsonNode spec, int servers, int readyServers, JsonNode liveStatus,
                             long generation) {
        if (readyServers < 1) {
            scheduler.forget(ref);
            return DiagnosticsStatus.serversNotReady(generation);
        }
        URI address = options.address(ref.name(), ref.namespace(), clusterDomain, DesiredState.tls(spec));
        OptionalInt expected = ref.kind().equals(Kinds.CLUSTER) ? OptionalInt.of(servers) : OptionalInt.empty();
        var target = new DiagnosticsScheduler.Target(address, ref.namespace(), AdminCredentials.secretName(spec),
                expected);
        return scheduler.observe(ref, target).map(s -> DiagnosticsStatus.of(s, address, generation))
                .orElseGet(() -> DiagnosticsStatus.carriedOver(liveStatus, generation));
    }

    /** The resource is gone, deselected or stopped before its servers' state: no more rounds, driver closed. */
    void forget(ObjectRef ref) {
        scheduler.forget(ref);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
