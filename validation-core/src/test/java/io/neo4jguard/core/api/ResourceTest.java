package io.neo4jguard.core.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceTest {

    private static Resource inNamespace(String namespace) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("kind", Kinds.DATABASE);
        ObjectNode metadata = tree.putObject("metadata").put("name", "sales");
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return Resource.of(tree);
    }

    @Test
    void aManifestWithoutNamespaceLandsInDefault() {
        assertThat(inNamespace(null).namespace()).isEmpty();
        assertThat(inNamespace(null).effectiveNamespace()).isEqualTo("default");
        assertThat(inNamespace("").effectiveNamespace()).isEqualTo("default");
        assertThat(inNamespace("prod").effectiveNamespace()).isEqualTo("prod");
        assertThat(Resource.effectiveNamespace(null)).isEqualTo(Resource.DEFAULT_NAMESPACE);
    }
}
