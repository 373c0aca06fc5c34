package io.neo4jguard.webhook.admission;

import java.time.Duration;

/**
 * One webhook path from HTTP request to {@link Answer}, in the order controller-runtime's webhook
 * handler checks it: the method (405 unless POST), the client certificate (401 when one is required),
 * the body within its size and time budgets (413, 408, 400), then the review itself
 * ({@link AdmissionController}). The server only carries bytes: it writes the answer it gets.
 */
public final class AdmissionHandler {
    private final AdmissionController controller;
    private final BodyReader bodies;
    private final boolean clientCertificateRequired;

    /**
     * @param maxBodyBytes   bodies over this are refused with 413 ({@link Budget#MAX_BODY_BYTES})
     * @param bodyReadBudget a body must have arrived this long after the request began
     * @param clientCertificateRequired refuse requests without a trusted client certificate (401)
     */
    public AdmissionHandler(AdmissionController controller, int maxBodyBytes, Duration bodyReadBudget,
                            boolean clientCertificateRequired) {
        this.controller = controller;
        this.bodies = new BodyReader(maxBodyBytes, bodyReadBudget);
        this.clientCertificateRequired = clientCertificateRequired;
    }

    public Answer handle(Webhook webhook, Request request) {
        if (!"POST".equals(request.method())) {
            return Status.methodNotAllowed(request.method());
        }
        if (clientCertificateRequired && !request.clientCertificate()) {
            return Status.error(401, "a client certificate issued by the --client-ca is required");
        }
        BodyReader.Result body = bodies.read(request.body(), request.contentLength(), request.startNanos());
        if (body.refusal() != null) {
            return body.refusal();
        }
        // The answer budget counts from the body's arrival (DESIGN §4: answered within 1 s of it); the
        // time the body took is the read budget's.
        return controller.handle(webhook, body.body(), System.nanoTime());
    }
}
