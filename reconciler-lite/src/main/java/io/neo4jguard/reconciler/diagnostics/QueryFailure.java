package io.neo4jguard.reconciler.diagnostics;

/**
 * Why a query got no answer. Each kind becomes a condition reason ({@link #reason()}); the message is already
 * free of the password (see {@link AdminCredentials#redact}).
 */
public final class QueryFailure extends Exception {
    public enum Kind {
        /** Nothing listens, the name does not resolve, or the connection broke. */
        UNREACHABLE("Unreachable"),
        /** The server refused the admin credentials. */
        AUTH_FAILED("AuthenticationFailed"),
        /** Nothing to log in with: the admin Secret is missing, unreadable, or has no password. */
        CREDENTIALS_MISSING("CredentialsMissing"),
        /** Connected, but no answer within the bound. */
        TIMEOUT("Timeout"),
        /** The command does not exist on this edition ({@code SHOW SERVERS} on Community). */
        NOT_SUPPORTED("NotAvailableOnCommunity"),
        /** Any other error the server returned. */
        QUERY_FAILED("QueryFailed");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final Kind kind;

    public QueryFailure(Kind kind, String message) {
        super(message, null, false, false); // no cause, no stack: it is an answer, not a bug
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return kind.reason();
    }
}
