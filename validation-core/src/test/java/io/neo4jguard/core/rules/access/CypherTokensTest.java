package io.neo4jguard.core.rules.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CypherTokensTest {
    @Test
    void quotesHideTheirContent() {
        var r = CypherTokens.tokenize("GRANT x ON GRAPH `a``b` TO 'it\\'s; //' \"q\"");
        assertThat(r.ok()).isTrue();
        assertThat(r.tokens()).extracting(CypherTokens.Token::type).containsExactly(
                CypherTokens.Type.WORD, CypherTokens.Type.WORD, CypherTokens.Type.WORD, CypherTokens.Type.WORD,
                CypherTokens.Type.QUOTED_NAME, CypherTokens.Type.WORD, CypherTokens.Type.STRING,
                CypherTokens.Type.STRING);
        assertThat(r.tokens().get(4).text()).isEqualTo("a`b");
    }

    @Test
    void commentsAndUnterminatedInput() {
        assertThat(CypherTokens.tokenize("a // b\nc").tokens()).extracting(CypherTokens.Token::type)
                .containsExactly(CypherTokens.Type.WORD, CypherTokens.Type.COMMENT, CypherTokens.Type.WORD);
        assertThat(CypherTokens.tokenize("a /* b").error()).contains("comment");
        assertThat(CypherTokens.tokenize("'abc\\'").error()).contains("string");
        assertThat(CypherTokens.tokenize("`abc").errorColumn()).isEqualTo(1);
        assertThat(CypherTokens.tokenize("x \ud83d\ude00 y").tokens()).hasSize(3);
    }
}
