package io.neo4jguard.certs.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.PatchOperation;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Patch (RFC 6902) that sets {@code clientConfig.caBundle} on every webhook entry of one
 * configuration. Only entries whose caBundle differs are touched, so a second run sends nothing. Each
 * change is guarded by a {@code test} of the entry's name at that index: if someone reorders the webhooks
 * between our read and our patch, the API server rejects the whole patch instead of writing a bundle into
 * the wrong entry, and the injector reads again.
 */
public final class WebhookPatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPatch() {
    }

    /** One webhook entry as read: its name and current caBundle (null when unset). */
    public record Webhook(String name, String caBundle) {
    }

    public static List<PatchOperation> build(List<Webhook> webhooks, String caBundle) {
        List<PatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook w = webhooks.get(i);
            if (caBundle.equals(w.caBundle())) {
                continue;
            }
            ops.add(new PatchOperation("test", "/webhooks/" + i + "/name", TextNode.valueOf(w.name())));
            // "add" sets an object member whether or not it exists (RFC 6902 §4.1); "replace" fails when unset.
            ops.add(PatchOperation.add("/webhooks/" + i + "/clientConfig/caBundle", TextNode.valueOf(caBundle)));
        }
        return ops;
    }

    /** How many entries {@code ops} changes. */
    public static int changes(List<PatchOperation> ops) {
        return (int) ops.stream().filter(o -> o.op().equals("add")).count();
    }

    public static String toJson(List<PatchOperation> ops) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (PatchOperation o : ops) {
            ObjectNode n = arr.addObject();
            n.put("op", o.op());
            n.put("path", o.path());
            if (o.value() != null) {
                n.set("value", o.value());
            }
        }
        try {
            return JSON.writeValueAsString(arr);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON patch", e);
        }
    }
}
