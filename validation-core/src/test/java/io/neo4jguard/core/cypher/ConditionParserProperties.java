package io.neo4jguard.core.cypher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionParserProperties {

    @Provide
    Arbitrary<String> accepted() {
        return CypherArbitraries.acceptedCondition();
    }

    @Property(tries = 1000)
    void fragmentsJoinedByAndOrXorAreAccepted(@ForAll("accepted") String condition) {
        ParsedCondition p = ConditionParser.parse(condition);
        assertThat(p.problems()).as(condition).allMatch(x -> x.kind() == Problem.Kind.BIDI_CONTROL);
    }

    /** What must never get through when inserted outside a literal. */
    @Provide
    Arbitrary<String> forbidden() {
        Arbitrary<String> keyword = Arbitraries.of(new ArrayList<>(CypherKeywords.CLAUSE))
                .flatMap(CypherArbitraries::randomCase);
        return Arbitraries.oneOf(keyword, Arbitraries.of(";", "//", "/*", "{", "// SET ENABLED true", "/* x */"));
    }

    @Provide
    Arbitrary<Insertion> insertion() {
        return Combinators.combine(CypherArbitraries.acceptedCondition(), forbidden(),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE), CypherArbitraries.space())
                .as(Insertion::new);
    }

    record Insertion(String condition, String inserted, int where, String space) {
        /** The condition with the forbidden text inserted at a token boundary chosen by {@code where}. */
        String apply() {
            List<Token> tokens = CypherTokenizer.tokenize(condition).all();
            int k = where % (tokens.size() + 1);
            int at = k < tokens.size() ? tokens.get(k).start() : condition.length();
            return condition.substring(0, at) + " " + inserted + space + condition.substring(at);
        }
    }

    @Property(tries = 2000)
    void insertingAClauseKeywordSemicolonCommentOrBraceAtAnyTokenBoundaryIsRejected(
            @ForAll("insertion") Insertion insertion) {
        String bad = insertion.apply();
        ParsedCondition p = ConditionParser.parse(bad);
        assertThat(p.accepted()).as("accepted: %s", bad).isFalse();
        assertThat(p.problems()).as(bad).anyMatch(x -> x.kind() != Problem.Kind.BIDI_CONTROL);
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(CypherArbitraries.anyText(), CypherArbitraries.cypherish(), Arbitraries.strings(),
                CypherArbitraries.acceptedCondition().map(s -> s.substring(0, s.length() / 2)));
    }

    @Property(tries = 3000)
    void parsingNeverThrowsAndPositionsStayInside(@ForAll("anything") String source) {
        ParsedCondition p = ConditionParser.parse(source);
        for (Problem x : p.problems()) {
            assertThat(x.offset()).isBetween(0, source.length());
            assertThat(x.message()).isNotBlank();
        }
        assertThat(p.grouped().size()).isLessThanOrEqualTo(Problem.Kind.values().length);
    }

    @Property(tries = 500)
    void acceptedMeansNoCommentSemicolonOrClauseKeywordOutsideLiterals(@ForAll("anything") String source) {
        ParsedCondition p = ConditionParser.parse(source);
        if (!p.accepted()) {
            return;
        }
        for (Token t : CypherTokenizer.tokenize(source).all()) {
            assertThat(t.isComment()).isFalse();
            assertThat(t.isSymbol(";")).isFalse();
            assertThat(t.type()).isNotIn(Token.Type.PARAMETER, Token.Type.INVALID);
        }
    }
}
