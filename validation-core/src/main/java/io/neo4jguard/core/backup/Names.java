package io.neo4jguard.core.backup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Name grammars of backup and restore fields, as the operator's CRDs and its command lines need them: Neo4j
 * database names, Kubernetes object names, and text that reaches {@code /bin/sh} unquoted.
 */
public final class Names {
    /**
     * Neo4j database names as the operator's CRDs enforce them ({@code database}, {@code sourceDatabase}:
     * pattern and maxLength 65). The grammar also keeps the name shell-safe: it is interpolated into the
     * {@code neo4j-admin} command line and into Cypher.
     */
    public static final Pattern DATABASE = Pattern.compile("[a-zA-Z][a-zA-Z0-9.\\-]*");
    public static final int DATABASE_MAX = 65;

    /** RFC 1123 subdomain: names of Kubernetes objects (Secrets, PVCs, Neo4jBackups). */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    public static final int DNS_SUBDOMAIN_MAX = 253;

    /**
     * Characters that pass through {@code /bin/sh -c} unquoted without meaning anything to the shell. The
     * operator splices bucket, path and temp path into the backup command without quoting, so anything
     * else ({@code $}, {@code ;}, spaces, quotes, backticks) would be interpreted by the shell.
     */
    public static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/\\-]+");

    private Names() {
    }

    /** What is wrong with a database name, or empty when it is valid. */
    public static Optional<String> databaseProblem(String name) {
        if (name.length() > DATABASE_MAX) {
            return Optional.of("must be no more than " + DATABASE_MAX + " characters");
        }
        if (!DATABASE.matcher(name).matches()) {
            return Optional.of("a Neo4j database name starts with a letter and contains only letters, digits, "
                    + "dots and dashes (no underscores or spaces)");
        }
        return Optional.empty();
    }

    public static boolean isDnsSubdomain(String name) {
        return name.length() <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.matcher(name).matches();
    }

    public static boolean isShellSafe(String s) {
        return SHELL_SAFE.matcher(s).matches();
    }

    /** True when the text contains a control character (newline, NUL, escape ...). */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
