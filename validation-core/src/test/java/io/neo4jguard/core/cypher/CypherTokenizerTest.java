package io.neo4jguard.core.cypher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CypherTokenizerTest {

    private static List<Token> tokens(String s) {
        return CypherTokenizer.tokenize(s).all();
    }

    private static List<Problem.Kind> problems(String s) {
        return CypherTokenizer.tokenize(s).problems().stream().map(Problem::kind).toList();
    }

    private static Token only(String s) {
        List<Token> ts = tokens(s);
        assertThat(ts).as("tokens of %s", s).hasSize(1);
        return ts.get(0);
    }

    // --- string literals: every escape form, both quotes --------------------------------------------

    @ParameterizedTest(name = "{0} decodes to {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "'plain'                 | plain",
            "\"double\"              | double",
            "'it\\'s'                | it's",
            "\"say \\\"hi\\\"\"      | say \"hi\"",
            "'a\\\\b'                | a\\b",
            "'\\\"'                  | \"",
            "\"\\'\"                 | '",
            "'x\\u0041y'             | xAy",
            "'\\U0001F600'           | \uD83D\uDE00",
            "'\\uD83D\\uDE00'        | \uD83D\uDE00",
            "'semi;colon // not /* comment */' | semi;colon // not /* comment */",
            "'drop-zone'             | drop-zone",
            "\"'\"                   | '",
            "'\"'                    | \"",
    })
    void stringLiteralsDecode(String literal, String value) {
        Token t = only(literal.trim());
        assertThat(t.type()).isEqualTo(Token.Type.STRING);
        assertThat(t.value()).isEqualTo(value.trim());
        assertThat(problems(literal.trim())).isEmpty();
    }

    @Test
    void controlEscapesDecodeToControlCharacters() {
        assertThat(only("'\\b\\f\\n\\r\\t'").value()).isEqualTo("\b\f\n\r\t");
    }

    @ParameterizedTest(name = "bad escape in {0}")
    @ValueSource(strings = {"'\\q'", "'\\u12'", "'\\u12G4'", "'\\U0011FFFF'", "'\\UD800D800'", "'\\x41'", "'\\0'"})
    void unknownOrMalformedEscapesAreReportedButKeepTheLiteralWhole(String literal) {
        Token t = only(literal);
        assertThat(t.type()).isEqualTo(Token.Type.STRING);
        assertThat(problems(literal)).containsExactly(Problem.Kind.BAD_ESCAPE);
    }

    @Test
    void anEscapedQuoteNeverEndsTheLiteral() {
        // The lexer's EscapeSequence is '\\' followed by any character: \' stays inside.
        List<Token> ts = tokens("'a\\' OR true //' = x");
        assertThat(ts.get(0).type()).isEqualTo(Token.Type.STRING);
        assertThat(ts.get(0).value()).isEqualTo("a' OR true //");
        assertThat(ts.get(1).isSymbol("=")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'open", "\"open", "'ends with backslash\\", "'x\\'"})
    void unterminatedStringsRunToTheEnd(String s) {
        Token t = only(s);
        assertThat(t.type()).isEqualTo(Token.Type.STRING);
        assertThat(t.end()).isEqualTo(s.length());
        assertThat(problems(s)).contains(Problem.Kind.UNTERMINATED);
    }

    @Test
    void literalsMaySpanLinesAndHoldAnything() {
        Token t = only("'line1\nline2 \u2028 \u200B ＳＥＴ ;'");
        assertThat(t.value()).contains("\n", "\u2028", "\u200B", "ＳＥＴ", ";");
        assertThat(problems("'line1\nline2 \u2028 \u200B ＳＥＴ ;'")).isEmpty();
    }

    // --- backtick names, comments --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "`CREATE`    | CREATE",
            "`a``b`      | a`b",
            "`with space`| with space",
            "`;`         | ;",
            "`//`        | //",
    })
    void backtickNames(String text, String value) {
        Token t = only(text.trim());
        assertThat(t.type()).isEqualTo(Token.Type.QUOTED_NAME);
        assertThat(t.value()).isEqualTo(value.trim());
    }

    @Test
    void unterminatedBacktickIsReported() {
        assertThat(problems("`abc")).containsExactly(Problem.Kind.UNTERMINATED);
    }

    @Test
    void lineCommentEndsAtCrOrLfOnly() {
        // Cypher's SINGLE_LINE_COMMENT is '//' ~[\r\n]*: U+2028 does not end it.
        List<Token> ts = tokens("a // c \u2028 still comment\nb");
        assertThat(ts).extracting(Token::type).containsExactly(Token.Type.WORD, Token.Type.LINE_COMMENT,
                Token.Type.WORD);
        assertThat(ts.get(1).text()).contains("still comment");
        assertThat(ts.get(2).line()).isEqualTo(3);
    }

    @Test
    void blockCommentsDoNotNestAndMayBeUnterminated() {
        List<Token> ts = tokens("a /* x /* y */ b");
        assertThat(ts).extracting(Token::type).containsExactly(Token.Type.WORD, Token.Type.BLOCK_COMMENT,
                Token.Type.WORD);
        assertThat(problems("a /* open")).containsExactly(Problem.Kind.UNTERMINATED);
    }

    @Test
    void slashesInsideLiteralsAreNotComments() {
        assertThat(tokens("'//' = \"/*\"")).extracting(Token::type)
                .containsExactly(Token.Type.STRING, Token.Type.SYMBOL, Token.Type.STRING);
    }

    // --- numbers, parameters, symbols ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "1234", "1_000_000", "3.14", ".5", "1e9", "1E-3", "2.5e+10", "1e_5",
            "0x1F", "0xdead_beef", "0o17", "0o1_7"})
    void validNumbers(String n) {
        Token t = only(n);
        assertThat(t.type()).isEqualTo(Token.Type.NUMBER);
        assertThat(problems(n)).as(n).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12abc", "1AND", "0x", "0xZZ", "0o8", "012", "1__0", "1_", "0x_1", "1e5x"})
    void malformedNumbersAreOneBadToken(String n) {
        Token t = only(n);
        assertThat(t.type()).isEqualTo(Token.Type.NUMBER);
        assertThat(problems(n)).as(n).containsExactly(Problem.Kind.BAD_NUMBER);
    }

    @Test
    void rangeDotsAreNotAFraction() {
        assertThat(tokens("x[1..2]")).extracting(Token::text).containsExactly("x", "[", "1", "..", "2", "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$x", "$0", "$`a b`", "$"})
    void parameters(String p) {
        assertThat(only(p).type()).isEqualTo(Token.Type.PARAMETER);
    }

    @Test
    void longestOperatorWins() {
        assertThat(tokens("a<>b<=c>=d=~e||f::g..h!=i")).extracting(Token::text)
                .containsExactly("a", "<>", "b", "<=", "c", ">=", "d", "=~", "e", "||", "f", "::", "g", "..",
                        "h", "!=", "i");
    }

    @Test
    void lessThanMinusIsTwoTokensAsInCypher() {
        assertThat(tokens("x<-1")).extracting(Token::text).containsExactly("x", "<", "-", "1");
    }

    // --- Unicode outside literals --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is one name")
    @ValueSource(strings = {"café", "日本語", "straße", "_x", "ſhow", "ÄÖÜ_1", "x\u0301"})
    void nonAsciiLettersFormNames(String name) {
        Token t = only(name);
        assertThat(t.type()).isEqualTo(Token.Type.WORD);
        assertThat(t.text()).isEqualTo(name);
    }

    @Test
    void longSIsALookalikeNotTheKeyword() {
        Token t = only("ſet");
        assertThat(t.isWord("SET")).isFalse();
        assertThat(problems("ſet")).containsExactly(Problem.Kind.LOOKALIKE_CHAR);
    }

    @ParameterizedTest(name = "U+{0}: {1}")
    @CsvSource({
            "200B, INVISIBLE_CHAR",   // zero width space
            "200C, INVISIBLE_CHAR",   // zero width non-joiner
            "200D, INVISIBLE_CHAR",   // zero width joiner
            "FEFF, INVISIBLE_CHAR",   // zero width no-break space / BOM
            "2060, INVISIBLE_CHAR",   // word joiner
            "00AD, INVISIBLE_CHAR",   // soft hyphen (a pattern dash for Cypher)
            "034F, INVISIBLE_CHAR",   // combining grapheme joiner (a PART_LETTER for Cypher)
            "FE0F, INVISIBLE_CHAR",   // variation selector
            "001C, INVISIBLE_CHAR",   // information separator (whitespace for Cypher)
            "0007, INVISIBLE_CHAR",   // bell
            "037E, LOOKALIKE_CHAR",   // Greek question mark, looks like ';'
            "FF1B, LOOKALIKE_CHAR",   // full-width semicolon
            "FF0F, LOOKALIKE_CHAR",   // full-width solidus
            "FF0D, LOOKALIKE_CHAR",   // full-width hyphen-minus (a pattern dash for Cypher)
            "202E, BIDI_CONTROL",     // right-to-left override
            "2066, BIDI_CONTROL",     // left-to-right isolate
            "2013, UNEXPECTED_CHAR",  // en dash (a pattern dash for Cypher)
            "27E8, UNEXPECTED_CHAR",  // mathematical left angle bracket (a pattern arrow head)
            "20AC, UNEXPECTED_CHAR",  // euro sign (a PART_LETTER for Cypher, but not ¢ or £)
            "00A3, UNEXPECTED_CHAR",  // pound sign
            "1F600, UNEXPECTED_CHAR", // emoji: outside the BMP, ErrorChar for Cypher
            "0023, UNEXPECTED_CHAR",  // '#'
    })
    void suspiciousCharactersBetweenTokens(String hex, Problem.Kind kind) {
        String ch = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertThat(problems("a " + ch + " b")).as(hex).containsExactly(kind);
    }

    @ParameterizedTest(name = "U+{0} inside a name")
    @ValueSource(strings = {"200B", "200D", "FEFF", "034F", "3164", "115F"})
    void invisibleCharactersNeverHideInsideNames(String hex) {
        String ch = new String(Character.toChars(Integer.parseInt(hex, 16)));
        Tokens t = CypherTokenizer.tokenize("se" + ch + "t");
        assertThat(t.all()).noneMatch(tok -> tok.isWord("SET"));
        assertThat(t.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.INVISIBLE_CHAR);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ＣＲＥＡＴＥ", "ＳＥＴ", "ﬁlter", "Ⅰ", "\u212Aey", "ªb"})
    void lookalikeLettersAreReportedOncePerName(String name) {
        Tokens t = CypherTokenizer.tokenize(name);
        assertThat(t.all()).hasSize(1);
        assertThat(t.all().get(0).isWord("CREATE") || t.all().get(0).isWord("SET")).isFalse();
        assertThat(t.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.LOOKALIKE_CHAR);
    }

    @Test
    void mixedScriptNamesAreLookalikes() {
        // Cyrillic 'е' (U+0435) in an otherwise Latin word.
        assertThat(problems("s\u0435t")).containsExactly(Problem.Kind.LOOKALIKE_CHAR);
        assertThat(problems("сет")).isEmpty(); // all Cyrillic: just a name
    }

    @ParameterizedTest(name = "U+{0} separates tokens")
    @ValueSource(strings = {"00A0", "2003", "3000", "202F", "1680", "0085", "2028", "2029", "000B", "000C"})
    void cypherWhitespaceSeparatesTokens(String hex) {
        String ch = new String(Character.toChars(Integer.parseInt(hex, 16)));
        Tokens t = CypherTokenizer.tokenize("a" + ch + "b");
        assertThat(t.all()).extracting(Token::text).containsExactly("a", "b");
        assertThat(t.problems()).isEmpty();
    }

    @ParameterizedTest(name = "U+{0} starts a new line")
    @ValueSource(strings = {"000A", "000D", "0085", "2028", "2029"})
    void unicodeLineSeparatorsCountAsNewlines(String hex) {
        String ch = new String(Character.toChars(Integer.parseInt(hex, 16)));
        List<Token> ts = tokens("a" + ch + "  bb");
        assertThat(ts.get(1).line()).isEqualTo(2);
        assertThat(ts.get(1).column()).isEqualTo(3);
    }

    @Test
    void crLfIsOneLineBreakAndColumnsCountCodePoints() {
        List<Token> ts = tokens("a\r\n'\uD83D\uDE00' b");
        assertThat(ts.get(1).line()).isEqualTo(2);
        assertThat(ts.get(2).line()).isEqualTo(2);
        assertThat(ts.get(2).column()).isEqualTo(5); // the emoji is one column
    }

    @Test
    void bidiControlsAreReportedEvenInsideLiterals() {
        assertThat(problems("x = 'abc\u202E' ")).containsExactly(Problem.Kind.BIDI_CONTROL);
        assertThat(problems("`a\u2067b`")).containsExactly(Problem.Kind.BIDI_CONTROL);
    }

    @Test
    void keywordsMatchAsciiCaseInsensitivelyOnly() {
        assertThat(only("sEt").isWord("SET")).isTrue();
        assertThat(only("`SET`").isWord("SET")).isFalse();
        assertThat(Ascii.equalsIgnoreCase("\u212A", "k")).isFalse(); // Kelvin sign folds to k in Java
        assertThat("\u212A".equalsIgnoreCase("k")).isTrue();
    }

    @Test
    void nullAndEmptyInputsGiveNoTokens() {
        assertThat(CypherTokenizer.tokenize(null).all()).isEmpty();
        assertThat(CypherTokenizer.tokenize(" \n\t ").all()).isEmpty();
    }
}
