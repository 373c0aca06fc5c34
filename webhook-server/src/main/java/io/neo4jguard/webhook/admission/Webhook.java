package io.neo4jguard.webhook.admission;

/** Our two admission webhooks, by path. */
public enum Webhook {
    VALIDATE("validate", "/validate"),
    MUTATE("mutate", "/mutate");

    private final String label;
    private final String path;

    Webhook(String label, String path) {
        this.label = label;
        this.path = path;
    }

    /** The metric label and log value. */
    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
