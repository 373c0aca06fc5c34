package io.neo4jguard.core.rules.backup;

import java.util.regex.Pattern;

/** Name grammars that decide admission for backup and restore fields. */
final class Names {
    /**
     * Neo4j database names as the operator's CRDs enforce them ({@code database}, {@code sourceDatabase}:
     * pattern and maxLength 65). The grammar also keeps the name shell-safe: it is interpolated into the
     * {@code neo4j-admin} command line and into Cypher.
     */
    static final Pattern DATABASE = Pattern.compile("[a-zA-Z][a-zA-Z0-9.\\-]*");
    static final int DATABASE_MAX = 65;

    /** RFC 1123 subdomain: names of Kubernetes objects (Secrets, PVCs, Neo4jBackups). */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final int DNS_SUBDOMAIN_MAX = 253;

    /**
     * Characters that pass through {@code /bin/sh -c} unquoted without meaning anything to the shell. The
     * operator splices bucket, path and temp path into the backup command without quoting, so anything
     * else ({@code $}, {@code ;}, spaces, quotes, backticks) would be interpreted by the shell.
     */
    static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/\\-]+");

    private Names() {
    }

    /** Null when valid, else what is wrong. */
    static String databaseProblem(String name) {
        if (name.length() > DATABASE_MAX) {
            return "must be no more than " + DATABASE_MAX + " characters";
        }
        if (!DATABASE.matcher(name).matches()) {
            return "a Neo4j database name starts with a letter and contains only letters, digits, dots and "
                    + "dashes (no underscores or spaces)";
        }
        return null;
    }

    static boolean isDnsSubdomain(String name) {
        return name.length() <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.matcher(name).matches();
    }

    static boolean isShellSafe(String s) {
        return SHELL_SAFE.matcher(s).matches();
    }

    /** True when the text contains a control character (newline, NUL, escape ...). */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
