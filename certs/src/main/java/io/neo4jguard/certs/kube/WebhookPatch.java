package io.neo4jguard.certs.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    /** One operation of the patch; every value this patch writes or tests is a string. */
    public record Operation(String op, String path, String value) {
    }

    public static List<Operation> build(List<Webhook> webhooks, String caBundle) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook w = webhooks.get(i);
            if (caBundle.equals(w.caBundle())) {
                continue;
            }
            ops.add(new Operation("test", "/webhooks/" + i + "/name", w.name()));
            // "add" sets an object member whether or not it exists (RFC 6902 §4.1); "replace" fails when unset.
            ops.add(new Operation("add", "/webhooks/" + i + "/clientConfig/caBundle", caBundle));
        }
        return ops;
    }

    /** How many entries {@code ops} changes. */
    public static int changes(List<Operation> ops) {
        return (int) ops.stream().filter(o -> o.op().equals("add")).count();
    }

    public static String toJson(List<Operation> ops) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Operation o : ops) {
            arr.addObject().put("op", o.op()).put("path", o.path()).put("value", o.value());
        }
        try {
            return JSON.writeValueAsString(arr);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON patch", e);
        }
    }
}
