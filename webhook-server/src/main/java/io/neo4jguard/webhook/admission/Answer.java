package io.neo4jguard.webhook.admission;

import java.util.Map;

/**
 * An HTTP answer to a request on a webhook path: 200 with an AdmissionReview, or a Kubernetes
 * {@link Status} error (400, 401, 405, 408, 413, 500).
 *
 * @param decision what was decided (null when the request was refused before a review could be read)
 * @param refusal  why the request was refused, empty for a review; safe to log
 * @param headers  headers the answer needs besides Content-Type ({@code Allow}, {@code Connection})
 */
public record Answer(int httpStatus, byte[] body, Decision decision, String refusal, Map<String, String> headers) {
    public Answer {
        headers = Map.copyOf(headers);
    }

    /** A review answer: no extra headers. */
    Answer(byte[] body, Decision decision) {
        this(200, body, decision, "", Map.of());
    }

    /**
     * True when the request's body was left unread (too large, too slow): the connection cannot carry
     * another request, and the answer should go out at once, while the client may still be sending.
     */
    public boolean closesConnection() {
        return "close".equals(headers.get("Connection"));
    }
}
