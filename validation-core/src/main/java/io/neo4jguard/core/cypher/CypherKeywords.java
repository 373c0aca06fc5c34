package io.neo4jguard.core.cypher;

import java.util.Set;

/**
 * Keywords that start a clause, a command or a subquery in Cypher 25 ({@code Cypher25Parser.g4}: clause,
 * command and subquery rules) plus the words of the auth-rule statement itself. Cypher lets most keywords
 * double as names, so {@code SET = 1} is a legal expression with a variable named SET; in a condition that
 * is spliced into {@code CREATE AUTH RULE ... SET CONDITION <condition> SET ENABLED ...} such a word is at
 * best confusing and at worst the start of an injected clause, so outside literals, property keys, map keys
 * and backticks it is refused. The list covers the anchor operator's blacklist and the keywords it missed
 * (internal/validation/authrule_validator.go), the Cypher 25 clauses (FINISH, INSERT, LET, FILTER, NEXT, WHEN
 * conditional queries) and
 * CASE/WHEN (CASE expressions are not part of the condition grammar).
 */
public final class CypherKeywords {
    /** Upper case; compare with {@link #isClauseKeyword} (ASCII case-insensitive). */
    public static final Set<String> CLAUSE = Set.of(
            // the anchor operator's blacklist
            "CREATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "SHOW", "RENAME",
            // reading and writing clauses
            "MATCH", "OPTIONAL", "MERGE", "SET", "REMOVE", "DELETE", "DETACH", "NODETACH", "INSERT",
            "RETURN", "WITH", "UNWIND", "UNION", "USE", "CALL", "YIELD", "LOAD", "FOREACH", "FINISH",
            "ORDER", "SKIP", "LIMIT", "OFFSET", "LET", "FILTER", "NEXT",
            // subquery expressions
            "EXISTS", "COUNT", "COLLECT",
            // administration commands and statement prefixes
            "TERMINATE", "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE", "IMPERSONATE", "CYPHER",
            "EXPLAIN", "PROFILE", "USING",
            // the auth-rule statement the condition is spliced into
            "ENABLED", "CONDITION",
            // CASE expressions and WHEN conditional queries (not part of the condition grammar)
            "CASE", "WHEN");

    /** Keywords that open a subquery expression when a {@code {} follows. */
    public static final Set<String> SUBQUERY = Set.of("EXISTS", "COUNT", "COLLECT", "CALL");

    private CypherKeywords() {
    }

    public static boolean isClauseKeyword(String word) {
        return word != null && CLAUSE.contains(Ascii.toUpperCase(word));
    }

    public static boolean opensSubquery(String word) {
        return word != null && SUBQUERY.contains(Ascii.toUpperCase(word));
    }
}
