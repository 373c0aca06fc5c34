package io.neo4jguard.reconciler.loop;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CachesTest {
    @Test
    void aTargetQueuesExactlyTheBackupsOfItsNamespaceThatNameIt() {
        GenericKubernetesResource cluster = resource(Kinds.CLUSTER, "prod", "graph", Map.of("topology", Map.of("servers", 3)));
        List<GenericKubernetesResource> backups = List.of(
                resource(Kinds.BACKUP, "prod", "nightly", Map.of("instanceRef", "graph", "allDatabases", true)),
                resource(Kinds.BACKUP, "prod", "hourly", Map.of("instanceRef", "graph", "database", "orders")),
                resource(Kinds.BACKUP, "prod", "other", Map.of("instanceRef", "analytics")),
                resource(Kinds.BACKUP, "staging", "nightly", Map.of("instanceRef", "graph")),
                resource(Kinds.BACKUP, "prod", "no-ref", Map.of("database", "orders")),
                resource(Kinds.BACKUP, "prod", "not-text", Map.of("instanceRef", Map.of("name", "graph"))),
                resource(Kinds.BACKUP, "prod", "no-spec", null));

        assertThat(Caches.backupsNaming(cluster, backups)).containsExactly(
                new ObjectRef(Kinds.BACKUP, "prod", "nightly"), new ObjectRef(Kinds.BACKUP, "prod", "hourly"));
        assertThat(Caches.backupsNaming(resource(Kinds.STANDALONE, "staging", "graph", Map.of()), backups))
                .containsExactly(new ObjectRef(Kinds.BACKUP, "staging", "nightly"));
        assertThat(Caches.backupsNaming(cluster, List.of())).isEmpty();
    }

    private static GenericKubernetesResource resource(String kind, String namespace, String name, Map<String, Object> spec) {
        GenericKubernetesResourceBuilder b = new GenericKubernetesResourceBuilder().withApiVersion(Kinds.API_VERSION)
                .withKind(kind).withNewMetadata().withNamespace(namespace).withName(name).endMetadata();
        GenericKubernetesResource r = b.build();
        if (spec != null) {
            r.setAdditionalProperty("spec", spec);
        }
        return r;
    }
}
