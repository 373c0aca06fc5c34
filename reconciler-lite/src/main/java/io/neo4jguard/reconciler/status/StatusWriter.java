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

import java.util.Comparator;
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

    /** Jackson's structural equality with numbers compared by value. */
    private static boolean equal(JsonNode a, JsonNode b) {
        return b != null && a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> x.isNumber() && y.isNumber()
            ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1;
}
