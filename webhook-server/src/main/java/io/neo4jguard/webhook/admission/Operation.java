package io.neo4jguard.webhook.admission;

import java.util.Locale;

/** {@code request.operation} of an AdmissionReview. */
public enum Operation {
    CREATE, UPDATE, DELETE, CONNECT;

    static Operation parse(String text) throws BadReview {
        for (Operation o : values()) {
            if (o.name().equals(text)) {
                return o;
            }
        }
        throw new BadReview("request.operation must be one of CREATE, UPDATE, DELETE, CONNECT, got "
                + (text == null ? "nothing" : "'" + Texts.clip(text, 40) + "'"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
