package io.neo4jguard.reconciler.loop;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionTest {
    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "graphs", Map.of("neo4j-guard.io/managed", "true"),
            "other", Map.of());

    private final Selection byNamespace = new Selection(
            Optional.of(NamespaceSelector.parse("neo4j-guard.io/managed=true")), NAMESPACES::get);

    @Test
    void annotationTrueSelectsAnywhereEvenWithoutASelector() {
        assertThat(Selection.annotatedOnly().selects(object("other", "true"))).isTrue();
        assertThat(byNamespace.selects(object("other", "true"))).isTrue();
    }

    @Test
    void withoutAnnotationOnlyASelectedNamespaceCounts() {
        assertThat(Selection.annotatedOnly().selects(object("graphs", null))).isFalse();
        assertThat(byNamespace.selects(object("graphs", null))).isTrue();
        assertThat(byNamespace.selects(object("other", null))).isFalse();
        assertThat(byNamespace.selects(object("unknown-namespace", null))).isFalse();
    }

    @Test
    void annotationFalseOptsOutOfASelectedNamespace() {
        assertThat(byNamespace.selects(object("graphs", "false"))).isFalse();
    }

    private static GenericKubernetesResource object(String ns, String flag) {
        GenericKubernetesResource o = new GenericKubernetesResource();
        o.setMetadata(new ObjectMetaBuilder().withName("g").withNamespace(ns)
                .withAnnotations(flag == null ? Map.of() : Map.of(Selection.ANNOTATION, flag)).build());
        return o;
    }
}
