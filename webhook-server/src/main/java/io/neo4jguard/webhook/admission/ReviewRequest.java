package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;

/**
 * The parts of an {@code admission.k8s.io/v1} AdmissionReview request we use, checked.
 *
 * @param apiVersion  echoed in the response (always {@link #API_VERSION})
 * @param uid         echoed in the response
 * @param group       {@code request.kind.group}
 * @param version     {@code request.kind.version}
 * @param kind        {@code request.kind.kind}
 * @param subResource non-empty for e.g. {@code status}: allowed untouched
 * @param object      the object (null on DELETE and CONNECT)
 * @param oldObject   the object before an UPDATE (null otherwise)
 */
public record ReviewRequest(String apiVersion, String uid, String group, String version, String kind, String subResource,
                            String namespace, String name, Operation operation, boolean dryRun,
                            ObjectNode object, ObjectNode oldObject) {
    public static final String API_VERSION = "admission.k8s.io/v1";
    public static final String KIND = "AdmissionReview";

    /** One of our ten kinds: any version of our group (the API server converts to the version we register). */
    public boolean isOurs() {
        return Kinds.GROUP.equals(group) && Kinds.ALL.contains(kind);
    }

    /** CREATE or UPDATE of the object itself: the only requests we validate or default. */
    public boolean checksObject() {
        return isOurs() && subResource.isEmpty()
                && (operation == Operation.CREATE || operation == Operation.UPDATE);
    }

    /** The object's name for messages: request.name, else metadata.name, else metadata.generateName. */
    public String displayName() {
        if (!name.isEmpty()) {
            return name;
        }
        if (object != null) {
            String n = object.path("metadata").path("name").asText("");
            if (!n.isEmpty()) {
                return n;
            }
            String g = object.path("metadata").path("generateName").asText("");
            if (!g.isEmpty()) {
                return g + "*";
            }
        }
        return "";
    }

    static ReviewRequest parse(JsonNode review) throws BadReview {
        if (review == null || review.isMissingNode()) {
            throw new BadReview("empty body: expected an AdmissionReview (JSON)");
        }
        if (!review.isObject()) {
            throw new BadReview("expected a JSON object (an AdmissionReview), got " + type(review));
        }
        String apiVersion = text(review, "apiVersion");
        String kind = text(review, "kind");
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            throw new BadReview("expected apiVersion " + API_VERSION + " and kind " + KIND + ", got apiVersion "
                    + quoted(apiVersion) + " and kind " + quoted(kind)
                    + " (register the webhook with admissionReviewVersions: [v1])");
        }
        JsonNode request = review.get("request");
        if (request == null || !request.isObject()) {
            throw new BadReview("request must be an object, got " + type(request));
        }
        String uid = text(request, "uid");
        if (uid == null || uid.isEmpty()) {
            throw new BadReview("request.uid must be a non-empty string, got " + type(request.get("uid")));
        }
        JsonNode gvk = request.get("kind");
        if (gvk == null || !gvk.isObject() || text(gvk, "kind") == null) {
            throw new BadReview("request.kind must be an object with group, version and kind, got " + type(gvk));
        }
        Operation operation = Operation.parse(text(request, "operation"));
        JsonNode dryRun = request.get("dryRun");
        if (dryRun != null && !dryRun.isNull() && !dryRun.isBoolean()) {
            throw new BadReview("request.dryRun must be a boolean, got " + type(dryRun));
        }
        ObjectNode object = objectOrNull(request, "object");
        ObjectNode oldObject = objectOrNull(request, "oldObject");
        String subResource = orEmpty(text(request, "subResource"));
        String group = orEmpty(text(gvk, "group"));
        String kindName = text(gvk, "kind");
        boolean checked = Kinds.GROUP.equals(group) && Kinds.ALL.contains(kindName) && subResource.isEmpty();
        if (checked && (operation == Operation.CREATE || operation == Operation.UPDATE) && object == null) {
            throw new BadReview("request.object must be an object on " + operation + ", got " + type(request.get("object")));
        }
        if (checked && operation == Operation.UPDATE && oldObject == null) {
            throw new BadReview("request.oldObject must be an object on UPDATE, got " + type(request.get("oldObject")));
        }
        return new ReviewRequest(apiVersion, uid, group, orEmpty(text(gvk, "version")), kindName, subResource,
                orEmpty(text(request, "namespace")), orEmpty(text(request, "name")), operation,
                dryRun != null && dryRun.asBoolean(), object, oldObject);
    }

    private static ObjectNode objectOrNull(JsonNode request, String field) throws BadReview {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new BadReview("request." + field + " must be an object or null, got " + type(n));
        }
        return (ObjectNode) n;
    }

    /** The field's text; null when absent or null; a BadReview when it is there but not a string. */
    private static String text(JsonNode parent, String field) throws BadReview {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadReview(field + " must be a string, got " + type(n));
        }
        return n.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + Texts.clip(s, 60) + "'";
    }

    private static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
