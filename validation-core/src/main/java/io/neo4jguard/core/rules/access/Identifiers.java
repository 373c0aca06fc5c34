package io.neo4jguard.core.rules.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name grammars of Neo4j security and database objects, in one place so users, roles, bindings and databases
 * agree on them.
 * <ul>
 *   <li><b>Database names</b> (operations manual, "Naming rules for databases", 5.x and 2025.x alike): 3 to 63
 *       characters; ASCII letters, digits, dots and dashes only (no underscore); first character a letter
 *       (2025.01+ also accepts a digit, but the operator requires a letter on every version); no trailing dot
 *       or dash; case-insensitive; names beginning with {@code system} are reserved. The operator allows 65
 *       characters; Neo4j's 63 is the stricter limit and wins.</li>
 *   <li><b>Usernames</b>: the operator's CRD pattern {@code ^[a-zA-Z][a-zA-Z0-9_.@-]*$} (the at-sign for SSO/LDAP
 *       style names) and maxLength 65; {@code system} is refused by the operator.</li>
 *   <li><b>Role names</b>: Neo4j's role-naming rule, letters, digits and underscores starting with a letter
 *       (the operator's CRD pattern). Role names are case-sensitive.</li>
 * </ul>
 */
public final class Identifiers {
    public static final int DATABASE_MIN_LENGTH = 3;
    public static final int DATABASE_MAX_LENGTH = 63;
    /** The reserved database-name prefix: {@code system} itself and what Neo4j may add for internal use. */
    public static final String RESERVED_DATABASE_PREFIX = "system";
    /** The database every DBMS creates ({@code dbms.default_database}, default {@code neo4j}). */
    public static final String DEFAULT_DATABASE = "neo4j";

    /** The operator CRD's maxLength for spec.username (Neo4jUser, Neo4jRoleBinding). */
    public static final int USERNAME_MAX_LENGTH = 65;

    /** Neo4j's built-in roles (case-sensitive, as Neo4j role names are). */
    public static final Set<String> BUILTIN_ROLES = Set.of("PUBLIC", "reader", "editor", "publisher", "architect",
            "admin");

    /** The role every user has implicitly; it can be neither granted nor revoked. */
    public static final String PUBLIC_ROLE = "PUBLIC";

    private static final Pattern DATABASE_CHARS = Pattern.compile("[A-Za-z0-9.-]*");
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.@-]*");
    private static final Pattern ROLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    /** A Kubernetes object name (DNS-1123 subdomain, 253 characters at most): how a Neo4jRole CR is named. */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int DNS_SUBDOMAIN_MAX = 253;

    private Identifiers() {
    }

    /** Why {@code name} is not a valid database name (grammar and length only), or empty when it is. */
    public static Optional<String> databaseNameProblem(String name) {
        if (name.length() < DATABASE_MIN_LENGTH) {
            return Optional.of("must be at least " + DATABASE_MIN_LENGTH + " characters (Neo4j database names are "
                    + DATABASE_MIN_LENGTH + " to " + DATABASE_MAX_LENGTH + " characters)");
        }
        if (name.length() > DATABASE_MAX_LENGTH) {
            return Optional.of("must be at most " + DATABASE_MAX_LENGTH + " characters (" + name.length()
                    + " given)");
        }
        if (name.indexOf('_') >= 0) {
            return Optional.of("underscores are not allowed in Neo4j database names; use '-' instead, e.g. '"
                    + name.replace('_', '-') + "'");
        }
        if (!DATABASE_CHARS.matcher(name).matches()) {
            return Optional.of("may contain only ASCII letters, digits, '.' and '-'");
        }
        if (!asciiLetter(name.charAt(0))) {
            return Optional.of("must start with an ASCII letter");
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == '-') {
            return Optional.of("must not end with '" + last + "'");
        }
        return Optional.empty();
    }

    /** True for {@code system}, {@code System2}, {@code system-x}: Neo4j reserves the prefix in any case. */
    public static boolean reservedDatabaseName(String name) {
        return normaliseDatabaseName(name).startsWith(RESERVED_DATABASE_PREFIX);
    }

    /** Neo4j folds database names to lower case: {@code Sales} and {@code sales} are one database. */
    public static String normaliseDatabaseName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Why {@code name} is not a valid username, or empty. */
    public static Optional<String> usernameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (name.length() > USERNAME_MAX_LENGTH) {
            return Optional.of("must be at most " + USERNAME_MAX_LENGTH + " characters (" + name.length()
                    + " given)");
        }
        if (!asciiLetter(name.charAt(0))) {
            return Optional.of("must start with an ASCII letter");
        }
        if (!USERNAME.matcher(name).matches()) {
            return Optional.of("may contain only ASCII letters, digits, '_', '.', '@' and '-'");
        }
        return Optional.empty();
    }

    /** {@code system} in any case: the operator refuses it as a username. */
    public static boolean reservedUsername(String name) {
        return name.equalsIgnoreCase("system");
    }

    /** True when {@code name} is a valid Neo4j role name. */
    public static boolean roleName(String name) {
        return ROLE.matcher(name).matches();
    }

    /** Why {@code name} is not a valid Neo4j role name, or empty. */
    public static Optional<String> roleNameProblem(String name) {
        if (roleName(name)) {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (!asciiLetter(name.charAt(0))) {
            return Optional.of("must start with an ASCII letter");
        }
        if (name.indexOf('-') >= 0) {
            return Optional.of("Neo4j role names may not contain '-'; use '_', e.g. '" + name.replace('-', '_')
                    + "'");
        }
        return Optional.of("may contain only ASCII letters, digits and '_'");
    }

    /**
     * True when {@code entry} can name a role in a user's or binding's role list: a Neo4j role name, or the
     * metadata.name of a Neo4jRole object (which the operator resolves to that object's role name).
     */
    public static boolean roleReference(String entry) {
        return roleName(entry) || (entry.length() <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.matcher(entry).matches());
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
