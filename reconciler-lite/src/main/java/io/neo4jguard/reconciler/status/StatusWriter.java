package io.neo4jguard.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.neo4jguard.reconciler.apply.Applier;

import java.util.Iterator;

/**
 * Writes a custom resource's status through the {@code status} subresource with server-side apply (same field
 * manager as the objects), but only when it differs from the live status: an unchanged object costs no request.
 */
public final class StatusWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchContext APPLY = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(Applier.FIELD_MANAGER)
            .withForce(true)
            .build();

    private final KubernetesClient client;

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Sends {@code status} unless the live one already says the same; returns whether a request was sent. */
    public boolean write(GenericKubernetesResource primary, ResourceDefinitionContext type, ObjectNode status) {
        JsonNode live = JSON.valueToTree(primary.getAdditionalProperties().get("status"));
        if (same(status, live)) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", primary.getApiVersion());
        body.put("kind", primary.getKind());
        body.putObject("metadata").put("name", primary.getMetadata().getName())
                .put("namespace", primary.getMetadata().getNamespace());
        body.set("status", status);
        client.genericKubernetesResources(type).inNamespace(primary.getMetadata().getNamespace())
                .withName(primary.getMetadata().getName()).subresource("status").patch(APPLY, body.toString());
        return true;
    }

    /**
     * True when every field we write has the same value in {@code live} (numbers by value: the API server may
     * hand back {@code 3} where we hold a long). Fields others wrote beside ours are not compared.
     */
    static boolean same(ObjectNode ours, JsonNode live) {
        if (live == null || !live.isObject()) {
            return false;
        }
        Iterator<String> names = ours.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!equal(ours.get(f), live.get(f))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> it = a.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (!equal(a.get(f), b.get(f))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
