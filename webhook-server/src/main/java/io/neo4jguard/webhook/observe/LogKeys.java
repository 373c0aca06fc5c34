package io.neo4jguard.webhook.observe;

/** Every key of our JSON log lines, in one place (Gatekeeper's convention), snake_case. */
public final class LogKeys {
    public static final String TIME = "ts";
    public static final String LEVEL = "level";
    public static final String MESSAGE = "msg";
    public static final String LOGGER = "logger";
    public static final String ERROR = "error";

    public static final String UID = "uid";
    public static final String WEBHOOK = "webhook";
    public static final String KIND = "kind";
    public static final String NAMESPACE = "namespace";
    public static final String NAME = "name";
    public static final String OPERATION = "operation";
    public static final String DRY_RUN = "dry_run";
    public static final String ALLOWED = "allowed";
    public static final String RULES = "rules";
    public static final String PATCH_OPS = "patch_ops";
    public static final String FAILURE = "failure";
    public static final String DURATION_MS = "duration_ms";
    public static final String HTTP_STATUS = "http_status";
    public static final String REASON = "reason";

    private LogKeys() {
    }
}
