package io.neo4jguard.reconciler.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {
    @Test
    void absentOrControlledByUsIsOurs() {
        assertThat(Ownership.foreignHolder(null, "u1")).isEmpty();
        assertThat(Ownership.foreignHolder(owned("Neo4jEnterpriseCluster", "g", "u1", true), "u1")).isEmpty();
    }

    @Test
    void anotherControllerOrNoControllerIsAConflict() {
        assertThat(Ownership.foreignHolder(owned("Neo4jEnterpriseCluster", "g", "u-old", true), "u1"))
                .hasValueSatisfying(h -> assertThat(h).contains("Neo4jEnterpriseCluster g"));
        assertThat(Ownership.foreignHolder(owned("Deployment", "x", "u9", false), "u1"))
                .hasValueSatisfying(h -> assertThat(h).contains("without a controller"));
        assertThat(Ownership.foreignHolder(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build(),
                "u1")).isPresent();
    }

    private static ConfigMap owned(String kind, String name, String uid, boolean controller) {
        return new ConfigMapBuilder().withNewMetadata().withName("c").withOwnerReferences(new OwnerReferenceBuilder()
                .withApiVersion("neo4j.neo4j.com/v1beta1").withKind(kind).withName(name).withUid(uid)
                .withController(controller).build()).endMetadata().build();
    }
}
