package io.neo4jguard.webhook.admission;

/**
 * A body that is not an AdmissionReview we can answer (malformed JSON, wrong apiVersion/kind, no uid):
 * answered with HTTP 400 and this message. The message never quotes the body beyond field names.
 */
public final class BadReview extends Exception {
    public BadReview(String message) {
        super(message, null, false, false);
    }
}
