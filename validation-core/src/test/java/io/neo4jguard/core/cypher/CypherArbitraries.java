package io.neo4jguard.core.cypher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Generators shared by the tokenizer and parser properties. */
final class CypherArbitraries {
    private CypherArbitraries() {
    }

    /** Any text, including unpaired surrogates, controls, quotes, backslashes and Unicode line separators. */
    static Arbitrary<String> anyText() {
        Arbitrary<Character> special = Arbitraries.of('\'', '"', '\\', '`', '\n', '\r', '\u2028', '\u2029', '\u0085',
                '\u200B', '\u202E', '\uFEFF', '\u037E', '\uFF1B', '\u017F', '\uD83D', '\uDE00', ';', '/', '*', '$');
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().all()),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().ascii()),
                net.jqwik.api.Tuple.of(3, special));
        return chars.list().ofMaxSize(60).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
    }

    /**
     * A quoted Cypher string literal whose value is {@code content}: backslash and the quote always escaped,
     * other characters escaped at random with every escape form Cypher defines.
     */
    static Arbitrary<String> literalOf(String content) {
        return Combinators.combine(Arbitraries.of('\'', '"'), Arbitraries.randoms())
                .as((quote, random) -> quote(content, quote, random));
    }

    static String quote(String content, char quote, java.util.Random random) {
        StringBuilder b = new StringBuilder().append(quote);
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = Character.charCount(cp);
            int style = random.nextInt(10);
            if (cp == '\\') {
                b.append("\\\\");
            } else if (cp == quote) {
                b.append('\\').append(quote);
            } else if (style == 0) {
                for (char c : Character.toChars(cp)) {
                    b.append(String.format("\\u%04X", (int) c));
                }
            } else if (style == 1 && !Character.isSurrogate(content.charAt(i))) {
                b.append(String.format("\\U%08x", cp));
            } else if (style == 2 && "\b\f\n\r\t'\"".indexOf(cp) >= 0) {
                b.append(switch (cp) {
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\'' -> "\\'";
                    default -> "\\\"";
                });
            } else {
                b.appendCodePoint(cp);
            }
            i += len;
        }
        return b.append(quote).toString();
    }

    /** A string literal of random content. */
    static Arbitrary<String> anyLiteral() {
        return anyText().flatMap(CypherArbitraries::literalOf);
    }

    /** Keywords in random ASCII case (Cypher matches them case-insensitively). */
    static Arbitrary<String> randomCase(String keyword) {
        return Arbitraries.randoms().map(r -> {
            StringBuilder b = new StringBuilder();
            for (char c : keyword.toCharArray()) {
                b.append(r.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return b.toString();
        });
    }

    private static final List<String> FIXED_FRAGMENTS = List.of(
            "abac.oidc.user_attribute('department') = 'sales'",
            "abac.oidc.user_attribute('level') >= 5",
            "'admin' IN abac.native.user_tags()",
            "any(g IN abac.oidc.user_attribute('groups') WHERE g STARTS WITH 'eng-')",
            "time.transaction('UTC').hour < 18",
            "abac.oidc.user_attribute('email') ENDS WITH '@example.com'",
            "abac.oidc.user_attribute('x') IS NOT NULL",
            "abac.oidc.user_attribute('country') IN ['SE', 'NO', \"DE\"]",
            "abac.oidc.user_attribute('team') = 'drop-zone'",
            "NOT abac.oidc.user_attribute('suspended') = true",
            "abac.oidc.user_attribute('name') =~ '(?i)a.*'",
            "abac.oidc.user_attribute('address').city CONTAINS 'holm'",
            "size(abac.oidc.user_attribute('roles')) > 0",
            "date({year: 2026, month: 3, day: 1}) <= date.transaction('UTC')",
            "abac.oidc.user_attribute('grant-type') = 'SHOW; DROP'",
            "`CREATE` IS NULL");

    /** One accepted comparison: a fixed one, or a claim compared with a literal of arbitrary content. */
    static Arbitrary<String> fragment() {
        Arbitrary<String> generated = Combinators.combine(anyLiteral(), anyLiteral())
                .as((claim, value) -> "abac.oidc.user_attribute(" + claim + ") = " + value);
        return Arbitraries.oneOf(Arbitraries.of(FIXED_FRAGMENTS), generated)
                .flatMap(f -> Arbitraries.of(f, "(" + f + ")", "NOT (" + f + ")"));
    }

    /** Whitespace Cypher skips, including Unicode spaces and line separators. */
    static Arbitrary<String> space() {
        return Arbitraries.of(" ", "  ", "\n", "\n  ", "\t", "\r\n", "\u00A0", "\u2028", "\u3000", " \u2029 ");
    }

    /** Fragments joined by AND / OR / XOR in random case with random whitespace. */
    static Arbitrary<String> acceptedCondition() {
        Arbitrary<String> joiner = Arbitraries.of("AND", "OR", "XOR").flatMap(CypherArbitraries::randomCase);
        return Combinators.combine(fragment().list().ofMinSize(1).ofMaxSize(5),
                        joiner.list().ofSize(5), space().list().ofSize(10))
                .as((fragments, joiners, spaces) -> {
                    StringBuilder b = new StringBuilder(fragments.get(0));
                    for (int k = 1; k < fragments.size(); k++) {
                        b.append(spaces.get(2 * k)).append(joiners.get(k)).append(spaces.get(2 * k + 1))
                                .append(fragments.get(k));
                    }
                    return b.toString();
                });
    }

    /** Cypher-looking noise: tokens and half-tokens glued in random order. */
    static Arbitrary<String> cypherish() {
        Arbitrary<String> piece = Arbitraries.of("(", ")", "[", "]", "{", "}", "'", "\"", "`", "\\", "//", "/*",
                "*/", ";", "$p", "abac.oidc.user_attribute", "(", "'x'", "AND", "OR", "NOT", "IN", "IS", "NULL",
                "SET", "CALL", "COUNT", "EXISTS", "WHERE", "any", "reduce", "|", "=", "<>", "..", ".", ",", ":",
                "-", "<", ">", "--", "->", "0x", "1e", "12", "3.5", "\u037E", "\u200B", "ＳＥＴ", "\u2028", " ",
                "\n", "\\u00", "\\U0011FFFF", "é", "\uD83D");
        return piece.list().ofMaxSize(40).map(ps -> String.join("", ps));
    }
}
