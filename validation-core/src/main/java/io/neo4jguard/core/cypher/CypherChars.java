package io.neo4jguard.core.cypher;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How Cypher 25 reads a character outside string literals, and which characters we refuse there because a
 * human (or another tool) would read them differently from Cypher.
 *
 * <p>Source: the Cypher 25 lexer ({@code Cypher25Lexer.g4}, as published in neo4j/cypher-language-support):
 * <ul>
 *   <li>{@code SPACE}: tab, LF, VT, FF, CR, U+001C..U+001F, space, U+0085, U+00A0, U+1680, U+2000..U+200A,
 *       U+2028, U+2029, U+202F, U+205F, U+3000. A {@code //} comment, however, ends only at CR or LF.</li>
 *   <li>{@code LETTER} / {@code PART_LETTER}: BMP-only tables generated from Java's identifier classes
 *       ({@code isJavaIdentifierStart/Part}); characters outside the BMP are {@code ErrorChar}. Keywords are
 *       spelled with ASCII-only case folding ({@code fragment S: [sS]}), so {@code ſhow} (U+017F) or
 *       {@code ＳＨＯＷ} are plain identifiers for Cypher, never the keyword SHOW.</li>
 *   <li>{@code ARROW_LINE}/{@code ARROW_*_HEAD}: Unicode dashes and angle brackets used in patterns.</li>
 * </ul>
 *
 * <p>Our decisions, per character class, outside literals:
 * <ul>
 *   <li>Whitespace: Cypher's SPACE set, except U+001C..U+001F (invisible control characters few tools show as
 *       space): those are refused. U+0085, U+2028, U+2029 count as line breaks for positions.</li>
 *   <li>Identifier characters: Cypher's LETTER/PART_LETTER, minus currency signs (Cypher 25 takes {@code €} and
 *       {@code ฿} inside names but not {@code ¢} or {@code £}: ambiguous, refused) and minus every
 *       Default_Ignorable_Code_Point (invisible: U+034F, variation selectors, Hangul fillers, ...).</li>
 *   <li>Look-alikes: a non-ASCII character whose NFKC form is ASCII ({@code ＳＥＴ}, {@code ſ}, {@code K} Kelvin,
 *       U+037E Greek question mark, U+FF1B full-width semicolon, {@code ﬁ}) reads as something Cypher does not
 *       see: refused, with the ASCII it imitates named.</li>
 *   <li>Invisible: zero-width characters U+200B..U+200D, U+2060, U+FEFF, the soft hyphen and the other
 *       default-ignorables: refused.</li>
 *   <li>Bidirectional embedding/override/isolate controls (U+202A..U+202E, U+2066..U+2069, "Trojan Source",
 *       CVE-2021-42574): refused everywhere, literals included, because they reorder what a reviewer sees.</li>
 * </ul>
 */
final class CypherChars {
    private CypherChars() {
    }

    /** Whitespace we skip between tokens: Cypher's SPACE set minus the information separators U+001C..U+001F. */
    static boolean isWhitespace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, 0x0C, '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
                    0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** Cypher's own whitespace set, including the separators we refuse (for messages). */
    static boolean isCypherWhitespace(int cp) {
        return isWhitespace(cp) || (cp >= 0x1C && cp <= 0x1F);
    }

    /** Line breaks for line/column numbers: LF, CR (CR LF counts once), NEL, LS, PS. */
    static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    /** First character of an unquoted name, as Cypher's LETTER, narrowed as described above. */
    static boolean isIdentifierStart(int cp) {
        return cp <= 0xFFFF && cp != '$' && Character.isJavaIdentifierStart(cp) && usableInName(cp);
    }

    /** Later character of an unquoted name, as Cypher's PART_LETTER, narrowed as described above. */
    static boolean isIdentifierPart(int cp) {
        return cp <= 0xFFFF && cp != '$' && Character.isJavaIdentifierPart(cp) && usableInName(cp);
    }

    private static boolean usableInName(int cp) {
        return !Character.isIdentifierIgnorable(cp) && !isDefaultIgnorable(cp)
                && Character.getType(cp) != Character.CURRENCY_SYMBOL;
    }

    static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    static boolean isHexDigit(int cp) {
        return isAsciiDigit(cp) || (cp >= 'a' && cp <= 'f') || (cp >= 'A' && cp <= 'F');
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that render as nothing.
     * Listed explicitly because Java has no property for it.
     */
    static boolean isDefaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /** Bidirectional embedding, override and isolate controls (Trojan Source). */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * The ASCII text a non-ASCII character imitates, when its compatibility normal form (NFKC) is printable
     * ASCII: {@code Ｓ} → {@code S}, U+037E → {@code ;}, {@code ſ} → {@code s}. Null when it imitates nothing.
     */
    static String lookalikeOf(int cp) {
        if (cp < 0x80) {
            return null;
        }
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (nfkc.isEmpty() || nfkc.isBlank()) {
            return null;
        }
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return null;
            }
        }
        return nfkc;
    }

    /** {@code U+037E GREEK QUESTION MARK}. */
    static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    /** Latin, Greek and Cyrillic share look-alike letters; a name mixing them reads as another name. */
    static Character.UnicodeScript confusableScript(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case LATIN, GREEK, CYRILLIC -> s;
            default -> null;
        };
    }
}
