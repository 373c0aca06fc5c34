package io.neo4jguard.webhook.admission;

/**
 * An HTTP answer to a review: 200 with an AdmissionReview, or 400/413 with a Status-shaped JSON
 * message.
 *
 * @param decision what was decided (null when the body was refused before a review could be read)
 * @param refusal  why the body was refused (400/413), empty otherwise; safe to log
 */
public record Answer(int httpStatus, byte[] body, Decision decision, String refusal) {
}
