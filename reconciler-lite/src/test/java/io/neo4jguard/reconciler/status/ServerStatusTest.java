package io.neo4jguard.reconciler.status;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStatusTest {
    @Test
    void readyOnlyWhenEveryServerOfTheCurrentRevisionIsReadyAndTheSpecWasSeen() {
        ServerStatus s = ServerStatus.of(sts(2, 2, 3, 3, 3, "r1", "r1"), 3, 4);
        assertThat(s.ready().isTrue()).isTrue();
        assertThat(s.progressing().isTrue()).isFalse();
        assertThat(s.readyServers()).isEqualTo(3);
        assertThat(s.ready().observedGeneration()).isEqualTo(4);
    }

    @Test
    void notReadyWhileStartingScalingRollingOrBeforeTheControllerSawTheSpec() {
        assertThat(ServerStatus.of(sts(2, 2, 3, 1, 3, "r1", "r1"), 3, 1).ready().reason()).isEqualTo("ServersStarting");
        assertThat(ServerStatus.of(sts(2, 2, 3, 3, 3, "r1", "r1"), 5, 1).ready().reason()).isEqualTo("Scaling");
        assertThat(ServerStatus.of(sts(2, 2, 3, 3, 1, "r1", "r2"), 3, 1).ready().reason()).isEqualTo("RollingUpdate");
        assertThat(ServerStatus.of(sts(3, 2, 3, 3, 3, "r1", "r1"), 3, 1).ready().reason()).isEqualTo("SpecNotObserved");
        assertThat(ServerStatus.of(null, 3, 1).ready().reason()).isEqualTo("Creating");
        assertThat(ServerStatus.of(null, 3, 1).progressing().isTrue()).isTrue();
    }

    private static StatefulSet sts(long generation, long observed, int replicas, int ready, int updated, String current,
                                   String update) {
        return new StatefulSetBuilder().withNewMetadata().withName("g-server").withGeneration(generation).endMetadata()
                .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withReadyReplicas(ready)
                .withUpdatedReplicas(updated).withCurrentRevision(current).withUpdateRevision(update).endStatus().build();
    }
}
