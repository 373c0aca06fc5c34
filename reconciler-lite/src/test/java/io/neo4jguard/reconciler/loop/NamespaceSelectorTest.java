package io.neo4jguard.reconciler.loop;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamespaceSelectorTest {
    private static final Map<String, String> PROD = Map.of("env", "prod", "team", "graph");

    @Test
    void equalityAndInequality() {
        assertThat(NamespaceSelector.parse("env=prod").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("env==prod").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("env=dev").matches(PROD)).isFalse();
        assertThat(NamespaceSelector.parse("env!=dev").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("env!=prod").matches(PROD)).isFalse();
        assertThat(NamespaceSelector.parse("missing!=x").matches(PROD)).as("as kubectl: absent is not equal").isTrue();
    }

    @Test
    void setsAndExistence() {
        assertThat(NamespaceSelector.parse("team in (search, graph)").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("team notin (search,graph)").matches(PROD)).isFalse();
        assertThat(NamespaceSelector.parse("owner notin (a)").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("env").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("!env").matches(PROD)).isFalse();
        assertThat(NamespaceSelector.parse("!legacy").matches(PROD)).isTrue();
    }

    @Test
    void everyRequirementMustHold() {
        assertThat(NamespaceSelector.parse("env=prod,team in (graph,x),!legacy").matches(PROD)).isTrue();
        assertThat(NamespaceSelector.parse("env=prod,team=search").matches(PROD)).isFalse();
        assertThat(NamespaceSelector.parse("env=prod").matches(null)).isFalse();
    }

    @Test
    void unreadableSelectorsNameTheirPart() {
        assertThatThrownBy(() -> NamespaceSelector.parse("env=(prod")).hasMessageContaining("env=(prod");
        assertThatThrownBy(() -> NamespaceSelector.parse(" , ")).hasMessageContaining("empty");
    }
}
