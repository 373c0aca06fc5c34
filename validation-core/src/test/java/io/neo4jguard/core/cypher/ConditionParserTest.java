package io.neo4jguard.core.cypher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionParserTest {

    private static ParsedCondition parse(String s) {
        return ConditionParser.parse(s);
    }

    private static List<Problem.Kind> kinds(String s) {
        return parse(s).grouped().stream().map(g -> g.first().kind()).toList();
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
            "abac.oidc.user_attribute('department') = 'analytics'",
            "true",
            "NOT false",
            "abac.oidc.user_attribute('a') = 'x' AND abac.oidc.user_attribute('b') <> 'y' OR false XOR true",
            "abac.oidc.user_attribute('level') >= 5 AND abac.oidc.user_attribute('level') < 10",
            "abac.oidc.user_attribute('email') STARTS WITH 'admin' OR abac.oidc.user_attribute('email') ENDS WITH '.org'",
            "abac.oidc.user_attribute('name') CONTAINS 'x' AND abac.oidc.user_attribute('name') =~ '[a-z]+'",
            "abac.oidc.user_attribute('x') IS NULL OR abac.oidc.user_attribute('y') IS NOT NULL",
            "'admin' IN abac.native.user_tags()",
            "abac.oidc.user_attribute('groups')[0] = 'eng'",
            "size(abac.oidc.user_attribute('groups')[1..]) > 2",
            "abac.oidc.user_attribute('address').country = 'SE'",
            "abac.oidc.user_attribute('org')['unit'] = 'ops'",
            "any(g IN abac.oidc.user_attribute('groups') WHERE g STARTS WITH 'eng-')",
            "all(x IN [1, 2, 3] WHERE x > 0) AND none(y IN [] WHERE y = 1) AND single(z IN ['a'] WHERE z = 'a')",
            "any(x IN abac.oidc.user_attribute('roles'))",
            "size([r IN abac.oidc.user_attribute('roles') WHERE r STARTS WITH 'db-' | toLower(r)]) > 0",
            "reduce(total = 0, n IN [1, 2, 3] | total + n) > 5",
            "date({year: 2026, month: 3, day: 1}) <= date.transaction('UTC')",
            "time.transaction('UTC').hour >= 6 AND time.transaction('UTC').hour < 18",
            "duration.between(date('2026-01-01'), date.transaction('UTC')).days < 30",
            "toInteger(abac.oidc.user_attribute('age')) >= -18 + 36",
            "-1 < 0 AND +2 > 1 AND 2 ^ 3 = 8 AND 7 % 4 = 3 AND 'a' + 'b' = 'ab' AND 'a' || 'b' = 'ab'",
            "0x1F = 31 AND 0o17 = 15 AND 1_000 = 1000 AND 1.5e3 = 1500.0 AND .5 < 1",
            "NaN <> NaN OR Infinity > 1 OR inf > 0",
            "null IS NULL",
            "(((abac.oidc.user_attribute('a') = 'b')))",
            "abac.oidc.user_attribute('team') = 'drop-zone'",
            "abac.oidc.user_attribute('access') = 'read;write'",
            "abac.oidc.user_attribute('grant-type') = 'x'",
            "abac.oidc.user_attribute('note') = '// not a comment /* nor this */'",
            "abac.oidc.user_attribute('q') = \"it's\"",
            "{drop: 1}.drop = 1",
            "{`CREATE`: 1, set: 2, match: 3}.set = 2",
            "any(map IN abac.oidc.user_attribute('maps') WHERE map.show = 1 AND map.delete = 2)",
            "any(`CREATE` IN ['a'] WHERE `CREATE` = 'a')",
            "abac.oidc.user_attribute('x') = 'ſhow' OR abac.oidc.user_attribute('y') = 'ＳＨＯＷ'",
            "abac.oidc.user_attribute('x') = 'a\u200Bb'",
            "abac.oidc.user_attribute('department')\u00A0=\u00A0'sales'",
            "abac.oidc.user_attribute('a') = 'b'\u2028AND abac.oidc.user_attribute('c') = 'd'",
            "TOLOWER(abac.oidc.user_attribute('x')) = 'y' and Abac.Oidc.User_Attribute('z') iS nOt NuLl",
            "any(país IN abac.oidc.user_attribute('países') WHERE país = 'SE')",
            "`abac`.oidc.user_attribute('x') = 1",
    })
    void acceptsPlainExpressions(String condition) {
        ParsedCondition p = parse(condition);
        assertThat(p.problems()).as(condition).isEmpty();
        assertThat(p.accepted()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} at column {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "true SET ENABLED true //                      | CLAUSE_KEYWORD | 6",
            "x = 'a' //                                    | COMMENT        | 9",
            "x = 'a' /* hidden */                          | COMMENT        | 9",
            "x = 'a' /* unclosed                           | COMMENT        | 9",
            "x = 1; MATCH (n) DETACH DELETE n              | SEMICOLON      | 6",
            "abac.oidc.user_attribute($claim) = 'x'        | PARAMETER      | 26",
            "true AND EXISTS { MATCH (n) RETURN n }        | SUBQUERY       | 10",
            "COUNT { MATCH (n) } > 0                       | SUBQUERY       | 1",
            "size(COLLECT { MATCH (n) RETURN n }) > 0      | SUBQUERY       | 6",
            "true OR CALL { RETURN 1 }                     | SUBQUERY       | 9",
            "x = call                                      | CLAUSE_KEYWORD | 5",
            "x = 1 RETURN x                                | CLAUSE_KEYWORD | 7",
            "x = 1 UNION MATCH (n) RETURN n                | CLAUSE_KEYWORD | 7",
            "LOAD CSV FROM 'http://x' AS l                 | CLAUSE_KEYWORD | 1",
            "x IN [1, 2                                    | UNBALANCED     | 6",
            "(x = 1))                                      | UNBALANCED     | 8",
            "[x = 1)                                       | UNBALANCED     | 7",
            "x = 'unclosed                                 | UNTERMINATED   | 5",
            "(a)-->(b)                                     | PATTERN        | 4",
            "(a)-[:KNOWS]->(b)                             | PATTERN        | 4",
            "(a)<--(b)                                     | PATTERN        | 4",
            "x = 1 y = 2                                   | SYNTAX         | 7",
            "x != 1                                        | SYNTAX         | 3",
            "x IS TYPED STRING                             | SYNTAX         | 6",
            "x :: STRING                                   | SYNTAX         | 3",
            "n:Person                                      | SYNTAX         | 2",
            "n{.name} = 1                                  | SYNTAX         | 2",
            "CASE WHEN true THEN 1 END = 1                 | CLAUSE_KEYWORD | 1",
            "{'a': 1}.a = 1                                | SYNTAX         | 2",
            "x =                                           | SYNTAX         | 4",
            "AND x                                         | SYNTAX         | 1",
            "count(*) > 0                                  | CLAUSE_KEYWORD | 1",
            "x = 1 ＡＮＤ y = 2                             | LOOKALIKE_CHAR | 7",
            "x = 1\u037e                                   | LOOKALIKE_CHAR | 6",
            "x = 1\uFF1B                                   | LOOKALIKE_CHAR | 6",
            "x = 'a' \u200BOR true                          | INVISIBLE_CHAR | 9",
            "x = 12abc                                     | BAD_NUMBER     | 5",
            "x = 'bad \\q escape'                          | BAD_ESCAPE     | 10",
            "x = 1 # comment                               | UNEXPECTED_CHAR| 7",
    })
    void rejectsWithTheFirstOffendingToken(String condition, String kind, int column) {
        ParsedCondition p = parse(condition.strip());
        Problem first = p.problems().get(0);
        assertThat(first.kind()).as(condition).isEqualTo(Problem.Kind.valueOf(kind.strip()));
        assertThat(first.column()).as(condition).isEqualTo(column);
        assertThat(p.accepted()).isFalse();
    }

    @Test
    void bothBypassesOfTheAnchorGuardAreRejected() {
        ParsedCondition enable = parse("true SET ENABLED true //");
        assertThat(enable.grouped()).extracting(g -> g.first().kind())
                .containsExactly(Problem.Kind.CLAUSE_KEYWORD, Problem.Kind.COMMENT);
        assertThat(enable.grouped().get(0).first().token()).isEqualTo("SET");
        assertThat(enable.grouped().get(1).first().column()).isEqualTo(23);

        ParsedCondition truncate = parse("x = 'a' //");
        assertThat(truncate.grouped()).extracting(g -> g.first().kind()).containsExactly(Problem.Kind.COMMENT);
    }

    @Test
    void repeatedKeywordsAreOneGroupNotOneErrorEach() {
        ParsedCondition p = parse("x = 1 MATCH (n) SET n.a = 1 SET n.b = 2 SET n.c = 3 DELETE n");
        assertThat(p.grouped()).hasSize(1);
        ParsedCondition.Group g = p.grouped().get(0);
        assertThat(g.first().kind()).isEqualTo(Problem.Kind.CLAUSE_KEYWORD);
        assertThat(g.first().token()).isEqualTo("MATCH");
        assertThat(g.more()).isEqualTo(4);
    }

    @Test
    void syntaxErrorExplainedByAnotherProblemIsNotRepeated() {
        // The parser stops at the invalid character; the lexer already named it.
        assertThat(kinds("x = 1 \u037e")).containsExactly(Problem.Kind.LOOKALIKE_CHAR);
        // Unbalanced delimiters make the rest of the parse meaningless.
        assertThat(kinds("f(x = 1")).containsExactly(Problem.Kind.UNBALANCED);
    }

    @Test
    void independentProblemsAreAllReported() {
        assertThat(kinds("x = 1 2 // c")).containsExactlyInAnyOrder(Problem.Kind.SYNTAX, Problem.Kind.COMMENT);
        assertThat(kinds("a; b // c")).containsExactly(Problem.Kind.SEMICOLON, Problem.Kind.COMMENT);
    }

    @Test
    void multiLineConditionsNameTheLine() {
        ParsedCondition p = parse("abac.oidc.user_attribute('a') = 'b'\n  AND x = 1 // sneaky\n");
        assertThat(p.multiLine()).isTrue();
        Problem c = p.problems().get(0);
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.column()).isEqualTo(13);
        assertThat(c.where(p.multiLine())).isEqualTo("line 2, column 13");
        assertThat(parse("x = 1 //\n").multiLine()).isFalse();
        assertThat(parse("x = 1 //\n").problems().get(0).where(false)).isEqualTo("column 7");
    }

    @Test
    void unicodeLineSeparatorsCountAsLines() {
        ParsedCondition p = parse("x = 1\u2028AND y = 2\u2029AND 1 SET");
        assertThat(p.multiLine()).isTrue();
        assertThat(p.problems().get(0).line()).isEqualTo(3);
        assertThat(p.problems().get(0).column()).isEqualTo(7);
    }

    @Test
    void collectsFunctionCallsWithArgumentKinds() {
        ParsedCondition p = parse("abac.oidc.user_attribute('dept') = 'x' AND date({timezone: 'UTC'}) < x AND "
                + "abac.oidc.user_attribute(1) = 2 AND any(y IN [] WHERE true)");
        assertThat(p.calls()).extracting(FunctionCall::name)
                .containsExactly("abac.oidc.user_attribute", "date", "abac.oidc.user_attribute", "any");
        assertThat(p.calls().get(0).args()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(FunctionCall.Kind.STRING);
            assertThat(a.value()).isEqualTo("dept");
        });
        assertThat(p.calls().get(1).args().get(0).mapKeys()).containsExactly("timezone");
        assertThat(p.calls().get(2).args().get(0).kind()).isEqualTo(FunctionCall.Kind.NUMBER);
        assertThat(p.calls().get(0).normalizedName()).isEqualTo("abac.oidc.user_attribute");
    }

    @Test
    void negativeNumberArgumentIsANumberLiteral() {
        assertThat(parse("f(-1)").calls().get(0).args().get(0).kind()).isEqualTo(FunctionCall.Kind.NUMBER);
        assertThat(parse("f(-x)").calls().get(0).args().get(0).kind()).isEqualTo(FunctionCall.Kind.EXPRESSION);
    }

    @Test
    void variablesBoundByPredicatesAreNotUnbound() {
        assertThat(parse("any(g IN groups WHERE g = 'a')").unbound()).extracting(Token::value)
                .containsExactly("groups");
        assertThat(parse("reduce(a = 0, x IN [1] | a + x + y) > 0").unbound()).extracting(Token::value)
                .containsExactly("y");
        assertThat(parse("[x IN [1] WHERE x > 0 | x * k]").unbound()).extracting(Token::value).containsExactly("k");
        // the variable is bound in the predicate only, not in the list it ranges over
        assertThat(parse("any(x IN x WHERE x = 1)").unbound()).extracting(Token::value).containsExactly("x");
        assertThat(parse("department = 'x' AND department <> 'y'").unbound()).hasSize(1);
    }

    @Test
    void deepNestingIsAFindingNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "true" + ")".repeat(100_000);
        ParsedCondition p = parse(deep);
        assertThat(p.problems()).extracting(Problem::kind).contains(Problem.Kind.TOO_DEEP);
        String ok = "(".repeat(ConditionParser.MAX_DEPTH - 1) + "true" + ")".repeat(ConditionParser.MAX_DEPTH - 1);
        assertThat(parse(ok).accepted()).isTrue();
        String over = "(".repeat(ConditionParser.MAX_DEPTH) + "true" + ")".repeat(ConditionParser.MAX_DEPTH);
        assertThat(kinds(over)).containsExactly(Problem.Kind.TOO_DEEP);
    }

    @Test
    void emptyConditionIsASyntaxProblem() {
        assertThat(kinds("   ")).containsExactly(Problem.Kind.SYNTAX);
        assertThat(kinds(null)).containsExactly(Problem.Kind.SYNTAX);
    }

    @Test
    void keywordsInLiteralsKeysAndBackticksAreNotKeywords() {
        for (String kw : CypherKeywords.CLAUSE) {
            assertThat(parse("x = '" + kw + "'").problems()).as(kw).isEmpty();
            assertThat(parse("x." + kw.toLowerCase() + " = 1").problems()).as(kw).isEmpty();
            assertThat(parse("{" + kw + ": 1} = x").problems()).as(kw).isEmpty();
            assertThat(parse("`" + kw + "` = 1").problems()).as(kw).isEmpty();
            assertThat(kinds("x = " + kw)).as(kw).containsExactly(Problem.Kind.CLAUSE_KEYWORD);
        }
    }
}
