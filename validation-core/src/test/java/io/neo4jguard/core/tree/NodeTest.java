package io.neo4jguard.core.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Paths are built on demand from the parent chain; they must read exactly as Kubernetes field paths. */
class NodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void pathsOfFieldsIndexesAndBracketedKeys() throws Exception {
        Node root = Node.root(json("""
                {"spec": {"extraVolumeMounts": [{"mountPath": "/a"}, {"mountPath": "/b"}],
                          "config": {"server.memory.heap.max_size": "1g"}}}"""));
        Node spec = root.get("spec");
        assertEquals("spec", spec.path());
        assertEquals("spec.extraVolumeMounts[1].mountPath", spec.get("extraVolumeMounts").index(1).get("mountPath").path());
        assertEquals("/b", spec.get("extraVolumeMounts").index(1).get("mountPath").textOr(""));
        assertEquals("spec.config[server.memory.heap.max_size]", spec.get("config", "server.memory.heap.max_size").path());
        List<Node> items = spec.get("extraVolumeMounts").items();
        assertEquals("spec.extraVolumeMounts[0]", items.get(0).path());
        assertEquals("spec.extraVolumeMounts[1].mountPath", items.get(1).get("mountPath").path());
        Map<String, Node> config = spec.get("config").fields();
        assertEquals("spec.config[server.memory.heap.max_size]", config.get("server.memory.heap.max_size").path());
    }

    @Test
    void missingNodesStillKnowWhereTheyWouldBe() throws Exception {
        Node missing = Node.root(json("{\"spec\": 3}")).get("spec").get("topology").index(2).get("servers");
        assertFalse(missing.present());
        assertEquals("spec.topology[2].servers", missing.path());
        assertEquals("spec.topology[2].servers=", missing.toString());
    }

    @Test
    void aNodeMadeAtAPathExtendsThatPath() throws Exception {
        Node at = Node.at(json("{\"name\": \"x\"}"), "metadata.labels[app.kubernetes.io/name]");
        assertEquals("metadata.labels[app.kubernetes.io/name].name", at.get("name").path());
        assertEquals("metadata.labels[app.kubernetes.io/name]", at.path());
    }
}
