package io.neo4jguard.core.cypher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CypherTokenizerProperties {

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(CypherArbitraries.anyText(), CypherArbitraries.cypherish(), Arbitraries.strings());
    }

    @Property(tries = 2000)
    void anyStringLiteralIsExactlyOneTokenWithItsContentAsValue(@ForAll("anyText") String content,
                                                                 @ForAll boolean singleQuotes,
                                                                 @ForAll Random random) {
        String literal = CypherArbitraries.quote(content, singleQuotes ? '\'' : '"', random);
        Tokens t = CypherTokenizer.tokenize(literal);
        assertThat(t.all()).hasSize(1);
        Token only = t.all().get(0);
        assertThat(only.type()).isEqualTo(Token.Type.STRING);
        assertThat(only.text()).isEqualTo(literal);
        assertThat(only.value()).isEqualTo(content);
        // The only thing a literal's content can be blamed for is a bidi control (Trojan Source).
        assertThat(t.problems()).allMatch(p -> p.kind() == Problem.Kind.BIDI_CONTROL);
    }

    @Property(tries = 1000)
    void aLiteralNeverSwallowsOrLeaksTheTokensAroundIt(@ForAll("anyText") String content, @ForAll Random random) {
        String literal = CypherArbitraries.quote(content, '\'', random);
        List<Token> ts = CypherTokenizer.tokenize("x = " + literal + " AND y").all();
        assertThat(ts).extracting(Token::type).containsExactly(Token.Type.WORD, Token.Type.SYMBOL,
                Token.Type.STRING, Token.Type.WORD, Token.Type.WORD);
        assertThat(ts.get(2).value()).isEqualTo(content);
    }

    @Property(tries = 3000)
    void tokenizingIsLosslessAndNeverThrows(@ForAll("anyText") String source) {
        Tokens t = CypherTokenizer.tokenize(source);
        int at = 0;
        for (Token tok : t.all()) {
            assertThat(tok.start()).isGreaterThanOrEqualTo(at);
            assertThat(tok.end()).isGreaterThan(tok.start());
            assertThat(tok.text()).isEqualTo(source.substring(tok.start(), tok.end()));
            assertWhitespace(source, at, tok.start());
            at = tok.end();
        }
        assertWhitespace(source, at, source.length());
        for (Problem p : t.problems()) {
            assertThat(p.offset()).isBetween(0, source.length());
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        }
    }

    private static void assertWhitespace(String source, int from, int to) {
        source.substring(from, to).codePoints()
                .forEach(cp -> assertThat(CypherChars.isWhitespace(cp)).as("U+%04X between tokens", cp).isTrue());
    }
}
