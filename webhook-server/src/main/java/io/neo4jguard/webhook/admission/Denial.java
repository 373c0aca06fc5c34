package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;

import java.util.List;
import java.util.Map;

/**
 * The {@code status} of a denied AdmissionResponse, shaped like the API server's own 422 for an
 * invalid object, so {@code kubectl} prints
 * {@code ... denied the request: Neo4jEnterpriseCluster "graph" is invalid: spec.topology.servers:
 * Invalid value: "1": ... (topology.min-servers)}.
 *
 * <p>{@code details.causes[].reason} is the Kubernetes CauseType ({@code FieldValueInvalid},
 * {@code FieldValueRequired}, ...) read from the leading phrase of the message, which our rules write in
 * the API server's field-error style; tools that understand causes (client-go, IDEs) keep working.
 * The rule ID, which is what a neo4j-guard user needs, ends each cause's {@code message} in
 * parentheses, as it ends each error in the summary.
 */
public final class Denial {
    /** Long enough for dozens of errors; bounded so a pathological object cannot make a huge response. */
    static final int MESSAGE_LIMIT = 16 * 1024;
    /** The same bound for the machine-readable list. */
    static final int CAUSES_LIMIT = 100;

    /** Leading phrases of k8s.io/apimachinery field errors and their CauseType. */
    private static final Map<String, String> CAUSE_TYPES = Map.ofEntries(
            Map.entry("Invalid value", "FieldValueInvalid"),
            Map.entry("Required value", "FieldValueRequired"),
            Map.entry("Unsupported value", "FieldValueNotSupported"),
            Map.entry("Forbidden", "FieldValueForbidden"),
            Map.entry("Duplicate value", "FieldValueDuplicate"),
            Map.entry("Not found", "FieldValueNotFound"),
            Map.entry("Too long", "FieldValueTooLong"),
            Map.entry("Too many", "FieldValueTooMany"),
            Map.entry("Internal error", "InternalError"),
            Map.entry("Invalid type", "FieldValueTypeInvalid"));

    private Denial() {
    }

    static ObjectNode invalid(ReviewRequest r, List<Finding> errors) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode status = f.objectNode();
        status.put("status", "Failure");
        status.put("message", message(r, errors));
        status.put("reason", "Invalid");
        ObjectNode details = status.putObject("details");
        if (!r.displayName().isEmpty()) {
            details.put("name", r.displayName());
        }
        details.put("group", r.group());
        details.put("kind", r.kind());
        ArrayNode causes = details.putArray("causes");
        for (Finding e : errors.subList(0, Math.min(errors.size(), CAUSES_LIMIT))) {
            ObjectNode c = causes.addObject();
            c.put("reason", causeType(e.message()));
            c.put("message", e.message() + " (" + e.rule() + ")");
            c.put("field", e.field());
        }
        status.put("code", 422);
        return status;
    }

    /** Fail closed: the request is denied because we could not finish validating it. */
    static ObjectNode internalError(ReviewRequest r, String what) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("status", "Failure");
        status.put("message", "neo4j-guard could not validate " + subject(r) + ": " + what
                + "; the request is denied because validation fails closed. Retry; if this persists, check the "
                + "neo4j-guard logs for this request's uid (" + r.uid() + ")");
        status.put("reason", "InternalError");
        status.put("code", 500);
        return status;
    }

    /** {@code Neo4jEnterpriseCluster "graph" is invalid: field: message (rule); ...}. */
    static String message(ReviewRequest r, List<Finding> errors) {
        StringBuilder b = new StringBuilder(subject(r)).append(" is invalid: ");
        for (int i = 0; i < errors.size(); i++) {
            Finding e = errors.get(i);
            String item = (e.field().isEmpty() ? "" : e.field() + ": ") + e.message() + " (" + e.rule() + ")";
            String more = "; and " + (errors.size() - i) + " more errors";
            if (i > 0 && b.length() + 2 + item.length() + more.length() > MESSAGE_LIMIT) {
                b.append(more);
                break;
            }
            if (i > 0) {
                b.append("; ");
            }
            b.append(item);
        }
        return b.toString();
    }

    static String subject(ReviewRequest r) {
        String name = r.displayName();
        return name.isEmpty() ? "a new " + r.kind() : r.kind() + " \"" + name + "\"";
    }

    static String causeType(String message) {
        int colon = message.indexOf(':');
        String lead = colon < 0 ? message : message.substring(0, colon);
        return CAUSE_TYPES.getOrDefault(lead.trim(), "FieldValueInvalid");
    }
}
