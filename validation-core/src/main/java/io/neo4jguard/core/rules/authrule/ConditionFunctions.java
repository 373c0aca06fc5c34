package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.cypher.Ascii;
import io.neo4jguard.core.version.Neo4jVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions an auth rule condition may call, as data.
 *
 * <p>Source: Neo4j's Cypher front end, {@code AdministrationCommand.authRuleAllowListedFunctions}
 * ({@code org.neo4j.cypher.internal.ast}, 2026.x), the list {@code CREATE AUTH RULE} and {@code ALTER AUTH RULE}
 * check every function of a condition against, lower-cased, so matching is case-insensitive
 * ({@code TOLOWER}, {@code DateTime} pass); and the Cypher Manual, "Security functions", for the two
 * {@code abac.*} functions and the versions that introduced them ({@code abac.oidc.user_attribute} 2026.03,
 * {@code abac.native.user_tags} 2026.06). The rest are built-ins that exist in every version with auth rules,
 * so they share the feature's own gate (2026.03). Neo4j rejects any other function (GQL 22N05, "Invalid input
 * '...' for function in auth rule condition"), and so do we, before the operator tries.
 */
final class ConditionFunctions {
    /** When auth rules (and with them every built-in below) became available. */
    static final Neo4jVersion AUTH_RULES = Neo4jVersion.of(2026, 3);
    /** {@code abac.native.user_tags()} (native user tags for ABAC): Cypher Manual, "Security functions". */
    static final Neo4jVersion NATIVE_USER_TAGS = Neo4jVersion.of(2026, 6);

    static final String USER_ATTRIBUTE = "abac.oidc.user_attribute";
    static final String USER_TAGS = "abac.native.user_tags";

    /** In Neo4j's order and spelling, for messages. */
    static final List<String> ALLOWED = List.of(
            // ABAC
            USER_ATTRIBUTE, USER_TAGS,
            // list functions
            "range", "reduce", "reverse", "tail", "toBooleanList", "toFloatList", "toIntegerList", "toStringList",
            // numeric functions
            "abs", "ceil", "floor", "isNaN", "round", "sign",
            // predicate functions
            "all", "any", "isEmpty", "none", "single",
            // scalar functions
            "char_length", "character_length", "coalesce", "head", "last", "nullIf", "size", "toBoolean",
            "toBooleanOrNull", "toFloat", "toFloatOrNull", "toInteger", "toIntegerOrNull",
            // string functions
            "btrim", "left", "lower", "ltrim", "replace", "right", "rtrim", "split", "substring", "toLower",
            "toString", "toStringOrNull", "toUpper", "trim", "upper",
            // temporal duration functions
            "duration", "duration.between", "duration.inDays", "duration.inMonths", "duration.inSeconds",
            // temporal instant functions: only the transaction clock, never the statement/realtime clocks
            "date", "date.transaction", "date.truncate",
            "datetime", "datetime.transaction", "datetime.fromEpoch", "datetime.fromEpochMillis", "datetime.truncate",
            "localdatetime", "localdatetime.transaction", "localdatetime.truncate",
            "localtime", "localtime.transaction", "localtime.truncate",
            "time", "time.transaction", "time.truncate");

    /**
     * Temporal constructors that read the current time when called without arguments or with only a
     * {@code {timezone: ...}} map; Neo4j refuses both in conditions (GQL 42NAM: only the transaction start time
     * exists when a rule is evaluated) and suggests {@code <fn>.transaction(...)}. Same source as above,
     * {@code checkTemporalFunctionsArguments}.
     */
    static final Set<String> NEED_ARGUMENTS = Set.of("date", "datetime", "localdatetime", "localtime", "time");

    private static final Map<String, Neo4jVersion> SINCE = new LinkedHashMap<>();

    static {
        for (String f : ALLOWED) {
            SINCE.put(Ascii.toLowerCase(f), f.equals(USER_TAGS) ? NATIVE_USER_TAGS : AUTH_RULES);
        }
    }

    private ConditionFunctions() {
    }

    /** The version that introduced an allowed function (name lower-cased); empty for a function not allowed. */
    static Optional<Neo4jVersion> since(String normalizedName) {
        return Optional.ofNullable(SINCE.get(normalizedName));
    }

    static boolean allowed(String normalizedName) {
        return SINCE.containsKey(normalizedName);
    }

    /** The allowed function closest to a misspelt name (at most 2 edits away), for the hint. */
    static Optional<String> closest(String normalizedName) {
        String best = null;
        int bestDistance = 3;
        for (String f : ALLOWED) {
            int d = distance(normalizedName, Ascii.toLowerCase(f));
            if (d < bestDistance) {
                best = f;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, bounded work: names are short. */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
