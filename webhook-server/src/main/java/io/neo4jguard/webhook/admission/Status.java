package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The answer to a request that gets no AdmissionReview (there is no uid to answer): a Kubernetes
 * {@code Status} (kind Status, apiVersion v1) with the code and the {@code reason} the API server
 * itself gives that code (apimachinery's StatusReason: 400 BadRequest, 401 Unauthorized, 405
 * MethodNotAllowed, 408 Timeout, 413 RequestEntityTooLarge, 500 InternalError).
 */
public final class Status {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Status() {
    }

    /** A request the server could not read or will not take; {@code message} is safe to log. */
    public static Answer error(int code, String message) {
        return error(code, message, Map.of());
    }

    /** 405 for anything but POST on a webhook path; {@code Allow} names the one method (RFC 9110 §15.5.6). */
    static Answer methodNotAllowed(String method) {
        return error(405, "method " + method + " is not allowed: webhooks take POST", Map.of("Allow", "POST"));
    }

    /** 408 or 413: the body is left unread on the wire, so the connection is closed after the answer. */
    static Answer unreadBody(int code, String message) {
        return error(code, message, Map.of("Connection", "close"));
    }

    static String reason(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 405 -> "MethodNotAllowed";
            case 408 -> "Timeout";
            case 413 -> "RequestEntityTooLarge";
            case 500 -> "InternalError";
            default -> throw new IllegalArgumentException("no Status reason for HTTP " + code);
        };
    }

    private static Answer error(int code, String message, Map<String, String> headers) {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason(code));
        status.put("code", code);
        try {
            return new Answer(code, JSON.writeValueAsBytes(status), null, message, headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree we built ourselves always serializes
        }
    }
}
