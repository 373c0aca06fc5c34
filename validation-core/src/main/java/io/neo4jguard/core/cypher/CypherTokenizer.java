package io.neo4jguard.core.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tokenizer for Cypher 25 source that finds token boundaries exactly where Neo4j's lexer does
 * ({@code Cypher25Lexer.g4}), so that what we call "inside a string literal" is what Neo4j calls so:
 * <ul>
 *   <li>String literals in single or double quotes. As in the lexer, a backslash takes the next character
 *       whatever it is (so {@code \'} never ends a literal); the escapes Cypher defines are
 *       {@code \\ \' \" \b \f \n \r \t \\uXXXX \\UXXXXXXXX}. Any other escape is reported: Neo4j's lexer lets
 *       it through to its AST builder, so its meaning is not something to rely on.</li>
 *   <li>Backtick names, with {@code ``} standing for one backtick.</li>
 *   <li>{@code //} comments to the end of the line (CR or LF only, as in the lexer) and {@code /* *}{@code /}
 *       comments (not nested).</li>
 *   <li>Numbers: decimal with {@code _} between digits, fractions, exponents, {@code 0x} hex and {@code 0o}
 *       octal. Like the lexer, letters glued to a number belong to it ({@code 12abc} is one bad number, not
 *       a number and a name).</li>
 *   <li>Parameters {@code $name}, {@code $0}, {@code $`name`}.</li>
 *   <li>Names per {@link CypherChars}, punctuation and operators (longest match first).</li>
 * </ul>
 * Never throws; every character of the input ends up in a token or in whitespace.
 */
public final class CypherTokenizer {
    /** Two-character operators, tried before single characters (longest match, as the lexer does). */
    private static final Set<String> TWO_CHAR = Set.of("<>", "<=", ">=", "=~", "!=", "..", "||", "::", "+=");
    private static final String ONE_CHAR = "()[]{},.:;=<>+-*/%^|&!?";
    /** Cypher's non-ASCII ARROW_LINE, ARROW_LEFT_HEAD and ARROW_RIGHT_HEAD characters. */
    private static final String ARROWS = "\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\u27e8\u3008\ufe64"
            + "\u27e9\u3009\ufe65";

    private final String src;
    private final int n;
    private final LineMap lines;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int pos;

    private CypherTokenizer(String src) {
        this.src = src;
        this.n = src.length();
        this.lines = new LineMap(src);
    }

    /** True when {@code source} holds nothing but whitespace as Cypher reads it (NBSP and U+2028 included). */
    public static boolean isBlank(String source) {
        return source == null || source.codePoints().allMatch(CypherChars::isCypherWhitespace);
    }

    public static Tokens tokenize(String source) {
        String s = source == null ? "" : source;
        return new CypherTokenizer(s).run();
    }

    private Tokens run() {
        while (pos < n) {
            int cp = src.codePointAt(pos);
            if (CypherChars.isWhitespace(cp)) {
                pos += Character.charCount(cp);
                continue;
            }
            if (cp == '\'' || cp == '"') {
                string(cp);
            } else if (cp == '`') {
                quotedName();
            } else if (cp == '/' && at(pos + 1) == '/') {
                lineComment();
            } else if (cp == '/' && at(pos + 1) == '*') {
                blockComment();
            } else if (CypherChars.isAsciiDigit(cp) || (cp == '.' && CypherChars.isAsciiDigit(at(pos + 1)))) {
                number();
            } else if (cp == '$') {
                parameter();
            } else if (CypherChars.isIdentifierStart(cp)) {
                word();
            } else if (cp < 0x80 && ONE_CHAR.indexOf(cp) >= 0) {
                symbol();
            } else {
                invalid(cp);
            }
        }
        return new Tokens(src, tokens, problems);
    }

    /** The code point at {@code i}, or -1 past the end. */
    private int at(int i) {
        return i < n ? src.codePointAt(i) : -1;
    }

    private void add(Token.Type type, int start, String value) {
        tokens.add(new Token(type, src.substring(start, pos), value, start, pos, lines.line(start),
                lines.column(start)));
    }

    private void problem(Problem.Kind kind, String message, String token, int offset) {
        problems.add(lines.problem(kind, message, token, offset));
    }

    private void string(int quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        while (pos < n) {
            int cp = src.codePointAt(pos);
            if (cp == quote) {
                pos++;
                closed = true;
                break;
            }
            if (cp == '\\') {
                if (pos + 1 >= n) {
                    pos++;
                    break;
                }
                escape(value);
                continue;
            }
            bidiCheck(cp, pos, "a string literal");
            value.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        if (!closed) {
            problem(Problem.Kind.UNTERMINATED, "string literal is never closed: the " + (quote == '\'' ? "'" : "\"")
                    + " that opens it has no partner, so everything after it would be part of the string",
                    src.substring(start, Math.min(n, start + 12)), start);
        }
        add(Token.Type.STRING, start, value.toString());
    }

    /**
     * At a backslash inside a string: consume the escape as the lexer does (backslash plus one code point,
     * whatever it is), decode the ones Cypher defines and report the rest.
     */
    private void escape(StringBuilder value) {
        int start = pos;
        int e = src.codePointAt(pos + 1);
        pos += 1 + Character.charCount(e);
        switch (e) {
            case '\\', '\'', '"' -> value.appendCodePoint(e);
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                int cp = hex(pos, digits);
                if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF && e == 'U')) {
                    problem(Problem.Kind.BAD_ESCAPE, "malformed escape \\" + (char) e + ": expected exactly "
                            + digits + " hex digits" + (e == 'U' ? " naming a code point up to 10FFFF" : ""),
                            src.substring(start, Math.min(n, start + 2 + digits)), start);
                    value.append('\\').appendCodePoint(e);
                } else {
                    pos += digits;
                    value.appendCodePoint(cp);
                }
            }
            default -> {
                problem(Problem.Kind.BAD_ESCAPE, "unknown escape \\" + new String(Character.toChars(e))
                        + ": Cypher defines \\\\ \\' \\\" \\b \\f \\n \\r \\t \\uXXXX \\UXXXXXXXX; write \\\\ for a "
                        + "backslash", src.substring(start, pos), start);
                value.append('\\').appendCodePoint(e);
            }
        }
    }

    /** The value of exactly {@code digits} hex digits at {@code from}, or -1. */
    private int hex(int from, int digits) {
        if (from + digits > n) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < from + digits; i++) {
            char c = src.charAt(i);
            if (!CypherChars.isHexDigit(c)) {
                return -1;
            }
            v = v * 16 + Character.digit(c, 16);
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private void quotedName() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        while (pos < n) {
            int cp = src.codePointAt(pos);
            if (cp == '`') {
                if (at(pos + 1) == '`') {
                    value.append('`');
                    pos += 2;
                    continue;
                }
                pos++;
                closed = true;
                break;
            }
            bidiCheck(cp, pos, "a backtick name");
            value.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        if (!closed) {
            problem(Problem.Kind.UNTERMINATED, "backtick name is never closed",
                    src.substring(start, Math.min(n, start + 12)), start);
        }
        add(Token.Type.QUOTED_NAME, start, value.toString());
    }

    private void lineComment() {
        int start = pos;
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            bidiCheck(src.codePointAt(pos), pos, "a comment");
            pos += Character.charCount(src.codePointAt(pos));
        }
        add(Token.Type.LINE_COMMENT, start, src.substring(start, pos));
    }

    private void blockComment() {
        int start = pos;
        pos += 2;
        int close = src.indexOf("*/", pos);
        int end = close < 0 ? n : close + 2;
        for (int i = pos; i < end; i += Character.charCount(src.codePointAt(i))) {
            bidiCheck(src.codePointAt(i), i, "a comment");
        }
        pos = end;
        if (close < 0) {
            problem(Problem.Kind.UNTERMINATED, "block comment is never closed", "/*", start);
        }
        add(Token.Type.BLOCK_COMMENT, start, src.substring(start, pos));
    }

    /**
     * {@code DECIMAL_DOUBLE}, {@code UNSIGNED_DECIMAL_INTEGER}, {@code UNSIGNED_HEX_INTEGER},
     * {@code UNSIGNED_OCTAL_INTEGER}: the lexer glues trailing name characters to the number, and so do we,
     * so that {@code 1AND} is one (bad) token for us as for Neo4j.
     */
    private void number() {
        int start = pos;
        boolean ok;
        if (src.startsWith("0x", pos) || src.startsWith("0o", pos)) {
            boolean hexadecimal = src.charAt(pos + 1) == 'x';
            pos += 2;
            int digitsStart = pos;
            while (pos < n && CypherChars.isIdentifierPart(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            ok = hexadecimal ? digitsWithUnderscores(digitsStart, pos, 16) : digitsWithUnderscores(digitsStart, pos, 8);
        } else {
            boolean leadingZero = src.charAt(pos) == '0';
            int intDigits = integerPart(false);
            boolean fraction = false;
            boolean exponent = false;
            if (at(pos) == '.' && CypherChars.isAsciiDigit(at(pos + 1))) {
                pos++;
                integerPart(false);
                fraction = true;
            }
            if ((at(pos) == 'e' || at(pos) == 'E') && exponentFollows(pos + 1)) {
                pos++;
                if (at(pos) == '+' || at(pos) == '-') {
                    pos++;
                }
                integerPart(true);
                exponent = true;
            }
            int suffixStart = pos;
            while (pos < n && CypherChars.isIdentifierPart(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            // "0" alone is a token; "012" is the token 0 followed by 12 for the lexer, an error either way.
            boolean octalLooking = leadingZero && intDigits > 1 && !fraction && !exponent;
            ok = suffixStart == pos && !octalLooking;
        }
        String text = src.substring(start, pos);
        if (!ok) {
            problem(Problem.Kind.BAD_NUMBER, "malformed number " + text + ": expected digits (with _ only between "
                    + "digits), a fraction, an exponent, 0x hex or 0o octal", text, start);
        }
        add(Token.Type.NUMBER, start, text);
    }

    /**
     * {@code INTEGER_PART*}: digits, each optionally preceded by one {@code _}; a leading {@code _} only where
     * the lexer allows one (exponents: {@code 1e_5}). Returns how many digits.
     */
    private int integerPart(boolean leadingUnderscore) {
        int digits = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (CypherChars.isAsciiDigit(c)) {
                pos++;
                digits++;
            } else if (c == '_' && CypherChars.isAsciiDigit(at(pos + 1)) && (digits > 0 || leadingUnderscore)) {
                pos++;
            } else {
                break;
            }
        }
        return digits;
    }

    /** After an {@code e}: an optional sign and then a digit (possibly after one underscore). */
    private boolean exponentFollows(int i) {
        int j = i;
        if (at(j) == '+' || at(j) == '-') {
            j++;
        }
        if (at(j) == '_') {
            j++;
        }
        return CypherChars.isAsciiDigit(at(j));
    }

    private boolean digitsWithUnderscores(int from, int to, int radix) {
        if (from == to) {
            return false;
        }
        boolean lastWasDigit = false;
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c == '_') {
                if (!lastWasDigit) {
                    return false;
                }
                lastWasDigit = false;
            } else if (Character.digit(c, radix) >= 0 && c < 0x80) {
                lastWasDigit = true;
            } else {
                return false;
            }
        }
        return lastWasDigit;
    }

    private void parameter() {
        int start = pos;
        pos++;
        int cp = at(pos);
        if (cp == '`') {
            quotedName();
            tokens.remove(tokens.size() - 1);
        } else if (cp >= 0 && (CypherChars.isIdentifierPart(cp))) {
            while (pos < n && CypherChars.isIdentifierPart(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
        }
        add(Token.Type.PARAMETER, start, src.substring(start, pos));
    }

    private void word() {
        int start = pos;
        int lookalike = -1;
        int lookalikeAt = -1;
        Set<Character.UnicodeScript> scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
        while (pos < n) {
            int cp = src.codePointAt(pos);
            if (!CypherChars.isIdentifierPart(cp)) {
                break;
            }
            if (lookalike < 0 && CypherChars.lookalikeOf(cp) != null) {
                lookalike = cp;
                lookalikeAt = pos;
            }
            Character.UnicodeScript script = CypherChars.confusableScript(cp);
            if (script != null && Character.isLetter(cp)) {
                scripts.add(script);
            }
            pos += Character.charCount(cp);
        }
        String name = src.substring(start, pos);
        if (lookalike >= 0) {
            String imitates = CypherChars.lookalikeOf(lookalike);
            problem(Problem.Kind.LOOKALIKE_CHAR, "name " + name + " contains " + CypherChars.describe(lookalike)
                    + ", which looks like '" + imitates + "' but is a different letter for Cypher (a keyword is "
                    + "never spelled with it); write plain ASCII", name, lookalikeAt);
        } else if (scripts.size() > 1) {
            problem(Problem.Kind.LOOKALIKE_CHAR, "name " + name + " mixes letters of the scripts " + scripts
                    + ", which look alike; write it in one script", name, start);
        }
        add(Token.Type.WORD, start, name);
    }

    private void symbol() {
        int start = pos;
        if (pos + 1 < n && TWO_CHAR.contains(src.substring(pos, pos + 2))) {
            pos += 2;
        } else {
            pos++;
        }
        add(Token.Type.SYMBOL, start, src.substring(start, pos));
    }

    private void invalid(int cp) {
        int start = pos;
        pos += Character.charCount(cp);
        String ch = new String(Character.toChars(cp));
        String imitates = CypherChars.lookalikeOf(cp);
        if (CypherChars.isBidiControl(cp)) {
            problem(Problem.Kind.BIDI_CONTROL, CypherChars.describe(cp) + " reorders how the condition is displayed "
                    + "(Trojan Source): remove it", ch, start);
        } else if (CypherChars.isDefaultIgnorable(cp) || Character.getType(cp) == Character.FORMAT
                || (Character.isISOControl(cp) && !CypherChars.isCypherWhitespace(cp))) {
            problem(Problem.Kind.INVISIBLE_CHAR, "invisible character " + CypherChars.describe(cp)
                    + " outside a string literal: remove it", ch, start);
        } else if (CypherChars.isCypherWhitespace(cp)) {
            problem(Problem.Kind.INVISIBLE_CHAR, "control character " + CypherChars.describe(cp)
                    + " used as whitespace: use a space or a line break", ch, start);
        } else if (imitates != null) {
            problem(Problem.Kind.LOOKALIKE_CHAR, CypherChars.describe(cp) + " looks like '" + imitates
                    + "' but is not '" + imitates + "' for Cypher; write plain ASCII", ch, start);
        } else if (Character.getType(cp) == Character.CURRENCY_SYMBOL) {
            problem(Problem.Kind.UNEXPECTED_CHAR, "currency sign " + CypherChars.describe(cp)
                    + " outside a string literal: Cypher accepts some currency signs inside names and not others; "
                    + "quote the name in backticks", ch, start);
        } else if (ARROWS.indexOf(cp) >= 0) {
            problem(Problem.Kind.UNEXPECTED_CHAR, "character " + CypherChars.describe(cp)
                    + " is read by Cypher as part of a relationship-pattern arrow; use ASCII operators", ch, start);
        } else {
            problem(Problem.Kind.UNEXPECTED_CHAR, "character " + CypherChars.describe(cp)
                    + " is not part of any Cypher token here", ch, start);
        }
        add(Token.Type.INVALID, start, ch);
    }

    private void bidiCheck(int cp, int offset, String where) {
        if (CypherChars.isBidiControl(cp)) {
            problem(Problem.Kind.BIDI_CONTROL, CypherChars.describe(cp) + " inside " + where
                    + " reorders how the condition is displayed (Trojan Source): remove it",
                    new String(Character.toChars(cp)), offset);
        }
    }
}
