package io.neo4jguard.core.cypher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition guard: decides whether a text is a single boolean-ish Cypher expression of an allow-listed
 * grammar, so that splicing it into {@code CREATE AUTH RULE ... SET CONDITION <condition> SET ENABLED ...}
 * can neither end the expression early, comment out what follows, open a subquery nor call a procedure.
 *
 * <p>The grammar is the expression part of Cypher 25 ({@code Cypher25Parser.g4}, rules {@code expression}
 * to {@code expression1}), with the same precedence, cut down to what a condition needs:
 * <pre>
 * condition   = expression EOF
 * expression  = xor ("OR" xor)*
 * xor         = and ("XOR" and)*
 * and         = not ("AND" not)*
 * not         = "NOT"* comparison
 * comparison  = predicate (("=" | "&lt;&gt;" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=") predicate)*
 * predicate   = additive [ ("STARTS" "WITH" | "ENDS" "WITH" | "CONTAINS" | "=~" | "IN") additive
 *                        | "IS" ["NOT"] "NULL" ]
 * additive    = term (("+" | "-" | "||") term)*
 * term        = power (("*" | "/" | "%") power)*
 * power       = unary ("^" unary)*
 * unary       = ["+" | "-"] postfix
 * postfix     = primary ("." name | "[" expression "]" | "[" [expression] ".." [expression] "]")*
 * primary     = string | number | "TRUE" | "FALSE" | "NULL" | "INF" | "INFINITY" | "NAN"
 *             | "[" [expression ("," expression)*] "]"
 *             | "[" name "IN" expression ["WHERE" expression] ["|" expression] "]"      (list comprehension)
 *             | "{" [name ":" expression ("," name ":" expression)*] "}"                (map literal)
 *             | ("ANY" | "ALL" | "NONE" | "SINGLE") "(" name "IN" expression ["WHERE" expression] ")"
 *             | "REDUCE" "(" name "=" expression "," name "IN" expression "|" expression ")"
 *             | name ("." name)* "(" [expression ("," expression)*] ")"                 (function call)
 *             | name                                                                    (variable)
 *             | "(" expression ")"
 * </pre>
 * Keywords match ASCII case-insensitively, as in Cypher's lexer. Maps are allowed because Neo4j's own
 * temporal functions take them ({@code date({year: 2026, month: 3, day: 1})}); their keys, like property
 * keys, may be any name, keywords included ({@code {drop: 1}}, {@code map.show}). Not in the grammar:
 * parameters, comments, {@code ;}, clauses, subqueries ({@code EXISTS/COUNT/COLLECT {}}), patterns, label
 * and type predicates ({@code x:L}, {@code IS :: T}), map projections, CASE, {@code DISTINCT}.
 *
 * <p>Which functions may be called is the caller's business ({@link ParsedCondition#calls()}). Never throws.
 */
public final class ConditionParser {
    /**
     * Nesting a condition needs is a handful of levels; this bounds recursion so that hostile input (thousands
     * of parentheses) yields a finding instead of a stack overflow.
     */
    static final int MAX_DEPTH = 64;

    private final List<Token> t;
    private final Token end;
    private int i;
    private int depth;
    /** Variables bound by enclosing list predicates, comprehensions and reduce (innermost last). */
    private final Deque<String> bound = new ArrayDeque<>();
    private final Map<String, Token> unbound = new LinkedHashMap<>();
    private final List<FunctionCall> calls = new ArrayList<>();

    private ConditionParser(List<Token> significant, int sourceLength, LineMap lines) {
        this.t = significant;
        this.end = new Token(Token.Type.SYMBOL, "", "", sourceLength, sourceLength, lines.line(sourceLength),
                lines.column(sourceLength));
    }

    /** Tokenizes, scans and parses {@code condition}; every problem found along the way is in the result. */
    public static ParsedCondition parse(String condition) {
        String source = condition == null ? "" : condition;
        boolean multiLine = spansLines(source);
        LineMap lines = new LineMap(source);
        Tokens tokens = CypherTokenizer.tokenize(source);

        // Guard problems first: where the scan and the lexer blame the same token, the scan says why it matters.
        List<Problem> problems = new ArrayList<>(ConditionScan.scan(tokens, multiLine));
        problems.addAll(tokens.problems());

        ConditionParser parser = new ConditionParser(tokens.significant(), source.length(), lines);
        Failure failure = parser.run();
        if (failure != null && !derived(failure, problems)) {
            problems.add(failure.problem);
        }
        problems.sort(Comparator.comparingInt(Problem::offset));
        List<Problem> onePerPlace = new ArrayList<>();
        for (Problem p : problems) {
            if (onePerPlace.isEmpty() || onePerPlace.get(onePerPlace.size() - 1).offset() != p.offset()) {
                onePerPlace.add(p);
            }
        }
        return new ParsedCondition(source, onePerPlace, parser.calls, List.copyOf(parser.unbound.values()),
                multiLine);
    }

    /**
     * A syntax error is noise when a more specific problem explains it: a delimiter left open, a pattern, or
     * any problem at or before the token it failed on (a bad number, a stray character, a comment or keyword
     * that changes what follows). Escapes and bidi controls inside literals do not move token boundaries, so
     * they explain nothing.
     */
    private static boolean derived(Failure f, List<Problem> others) {
        for (Problem p : others) {
            switch (p.kind()) {
                case UNBALANCED, UNTERMINATED, PATTERN -> {
                    return true;
                }
                case BAD_ESCAPE, BIDI_CONTROL -> {
                }
                default -> {
                    if (p.offset() < Math.max(f.at.end(), f.at.start() + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean spansLines(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && CypherChars.isCypherWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && CypherChars.isCypherWhitespace(s.charAt(to - 1))) {
            to--;
        }
        for (int k = from; k < to; k++) {
            if (CypherChars.isLineBreak(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------

    /** The first syntax error: where and why. Thrown inside the parser only, caught in {@link #run}. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Token at;
        final transient Problem problem;

        Failure(Token at, Problem problem) {
            super(problem.message(), null, false, false);
            this.at = at;
            this.problem = problem;
        }
    }

    /** Summary of a parsed sub-expression: what function-argument checks need to know about it. */
    private record Expr(FunctionCall.Kind kind, String value, List<String> keys, Token at) {
        static Expr of(FunctionCall.Kind kind, Token at) {
            return new Expr(kind, "", List.of(), at);
        }

        Expr computed() {
            return of(FunctionCall.Kind.EXPRESSION, at);
        }
    }

    private Failure run() {
        try {
            if (t.isEmpty()) {
                throw fail(end, Problem.Kind.SYNTAX, "the condition is empty");
            }
            expression();
            if (i < t.size()) {
                throw fail(peek(), Problem.Kind.SYNTAX, "unexpected " + describe(peek()) + " after a complete "
                        + "expression: expected AND, OR, XOR, a comparison (= <> < > <= >=), IN, STARTS WITH, "
                        + "ENDS WITH, CONTAINS, =~, IS [NOT] NULL or the end of the condition");
            }
            return null;
        } catch (Failure f) {
            return f;
        }
    }

    private Failure fail(Token at, Problem.Kind kind, String message) {
        return new Failure(at, new Problem(kind, message, at.text(), at.start(), at.line(), at.column()));
    }

    private Token peek() {
        return i < t.size() ? t.get(i) : end;
    }

    private Token peek(int ahead) {
        return i + ahead < t.size() ? t.get(i + ahead) : end;
    }

    private Token next() {
        Token tok = peek();
        if (i < t.size()) {
            i++;
        }
        return tok;
    }

    private boolean acceptWord(String kw) {
        if (peek().isWord(kw)) {
            i++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            i++;
            return true;
        }
        return false;
    }

    private Token expectSymbol(String s, String context) {
        if (!peek().isSymbol(s)) {
            throw fail(peek(), Problem.Kind.SYNTAX, "expected '" + s + "' " + context + ", found " + describe(peek()));
        }
        return next();
    }

    private void expectWord(String kw, String context) {
        if (!acceptWord(kw)) {
            throw fail(peek(), Problem.Kind.SYNTAX, "expected " + kw + " " + context + ", found " + describe(peek()));
        }
    }

    private static String describe(Token tok) {
        if (tok.text().isEmpty()) {
            return "the end of the condition";
        }
        String text = tok.text().length() > 40 ? tok.text().substring(0, 40) + "..." : tok.text();
        return switch (tok.type()) {
            case STRING -> "string literal " + text;
            case NUMBER -> "number " + text;
            case QUOTED_NAME -> "name " + text;
            case PARAMETER -> "parameter " + text;
            default -> "'" + text + "'";
        };
    }

    // --- precedence levels, loosest first --------------------------------------------------------------

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw fail(peek(), Problem.Kind.TOO_DEEP, "the condition nests more than " + MAX_DEPTH
                    + " levels deep; simplify it");
        }
        try {
            Expr e = xor();
            while (acceptWord("OR")) {
                xor();
                e = e.computed();
            }
            return e;
        } finally {
            depth--;
        }
    }

    private Expr xor() {
        Expr e = and();
        while (acceptWord("XOR")) {
            and();
            e = e.computed();
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (acceptWord("AND")) {
            not();
            e = e.computed();
        }
        return e;
    }

    private Expr not() {
        boolean negated = false;
        while (acceptWord("NOT")) {
            negated = true;
        }
        Expr e = comparison();
        return negated ? e.computed() : e;
    }

    private Expr comparison() {
        Expr e = predicate();
        while (true) {
            Token op = peek();
            if (op.isSymbol("=") || op.isSymbol("<>") || op.isSymbol("<") || op.isSymbol(">")
                    || op.isSymbol("<=") || op.isSymbol(">=")) {
                next();
                predicate();
                e = e.computed();
            } else if (op.isSymbol("!=")) {
                throw fail(op, Problem.Kind.SYNTAX, "'!=' is not a Cypher operator; use <>");
            } else {
                return e;
            }
        }
    }

    private Expr predicate() {
        Expr e = additive();
        Token op = peek();
        if (op.isWord("STARTS") || op.isWord("ENDS")) {
            next();
            expectWord("WITH", "after " + op.text().toUpperCase(java.util.Locale.ROOT));
            additive();
            return e.computed();
        }
        if (op.isWord("CONTAINS") || op.isWord("IN") || op.isSymbol("=~")) {
            next();
            additive();
            return e.computed();
        }
        if (op.isWord("IS")) {
            next();
            acceptWord("NOT");
            if (!acceptWord("NULL")) {
                throw fail(peek(), Problem.Kind.SYNTAX, "only IS NULL and IS NOT NULL are supported after IS, found "
                        + describe(peek()) + " (type, label and normalization predicates are not part of the "
                        + "condition grammar)");
            }
            return e.computed();
        }
        if (op.isSymbol("::")) {
            throw fail(op, Problem.Kind.SYNTAX, "type predicates (::) are not part of the condition grammar");
        }
        return e;
    }

    private Expr additive() {
        Expr e = term();
        while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
            next();
            term();
            e = e.computed();
        }
        return e;
    }

    private Expr term() {
        Expr e = power();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            next();
            power();
            e = e.computed();
        }
        return e;
    }

    private Expr power() {
        Expr e = unary();
        while (acceptSymbol("^")) {
            unary();
            e = e.computed();
        }
        return e;
    }

    private Expr unary() {
        if (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token sign = next();
            Expr e = postfix();
            // -5 is a number literal in Cypher (numberLiteral: MINUS? ...); anything else is computed.
            return e.kind() == FunctionCall.Kind.NUMBER && sign.isSymbol("-") ? e : e.computed();
        }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            if (acceptSymbol(".")) {
                Token key = next();
                if (!key.isName()) {
                    throw fail(key, Problem.Kind.SYNTAX, "expected a property name after '.', found " + describe(key));
                }
                e = e.computed();
            } else if (peek().isSymbol("[")) {
                next();
                if (acceptSymbol("..")) {
                    if (!peek().isSymbol("]")) {
                        expression();
                    }
                } else {
                    expression();
                    if (acceptSymbol("..") && !peek().isSymbol("]")) {
                        expression();
                    }
                }
                expectSymbol("]", "to close the index");
                e = e.computed();
            } else if (peek().isSymbol("{")) {
                throw fail(peek(), Problem.Kind.SYNTAX, "map projections (x{.a}) are not part of the condition "
                        + "grammar; did you mean a comparison?");
            } else if (peek().isSymbol(":")) {
                throw fail(peek(), Problem.Kind.SYNTAX, "label expressions (x:Label) are not part of the condition "
                        + "grammar");
            } else {
                return e;
            }
        }
    }

    // --- primaries ---------------------------------------------------------------------------------------

    private Expr primary() {
        Token tok = peek();
        switch (tok.type()) {
            case STRING -> {
                next();
                return new Expr(FunctionCall.Kind.STRING, tok.value(), List.of(), tok);
            }
            case NUMBER -> {
                next();
                return Expr.of(FunctionCall.Kind.NUMBER, tok);
            }
            case SYMBOL -> {
                if (tok.isSymbol("(")) {
                    next();
                    Expr e = expression();
                    expectSymbol(")", "to close the parenthesis");
                    return e;
                }
                if (tok.isSymbol("[")) {
                    return list();
                }
                if (tok.isSymbol("{")) {
                    return map();
                }
                throw fail(tok, Problem.Kind.SYNTAX, "expected a value (literal, list, map, name or function call), "
                        + "found " + describe(tok));
            }
            case WORD, QUOTED_NAME -> {
                return named();
            }
            case PARAMETER -> throw fail(tok, Problem.Kind.PARAMETER, "parameters are not allowed");
            default -> throw fail(tok, Problem.Kind.SYNTAX, "unexpected " + describe(tok));
        }
    }

    private Expr named() {
        Token tok = peek();
        if (tok.type() == Token.Type.WORD) {
            if (tok.isWord("TRUE") || tok.isWord("FALSE")) {
                next();
                return Expr.of(FunctionCall.Kind.BOOLEAN, tok);
            }
            if (tok.isWord("NULL")) {
                next();
                return Expr.of(FunctionCall.Kind.NULL, tok);
            }
            if (tok.isWord("INF") || tok.isWord("INFINITY") || tok.isWord("NAN")) {
                next();
                return Expr.of(FunctionCall.Kind.NUMBER, tok);
            }
            if (CypherKeywords.isClauseKeyword(tok.text())) {
                throw fail(tok, Problem.Kind.CLAUSE_KEYWORD, "clause keyword " + tok.text() + " is not allowed");
            }
            for (String op : new String[] {"AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS",
                    "WHERE", "DISTINCT"}) {
                if (tok.isWord(op)) {
                    throw fail(tok, Problem.Kind.SYNTAX, "expected a value, found the keyword " + tok.text());
                }
            }
            if (peek(1).isSymbol("(")) {
                if (tok.isWord("ANY") || tok.isWord("ALL") || tok.isWord("NONE") || tok.isWord("SINGLE")) {
                    return listPredicate();
                }
                if (tok.isWord("REDUCE")) {
                    return reduce();
                }
            }
        }
        if (tok.type() == Token.Type.QUOTED_NAME && tok.value().isEmpty()) {
            throw fail(tok, Problem.Kind.SYNTAX, "a name in backticks cannot be empty");
        }
        int last = i;
        while (t.size() > last + 2 && t.get(last + 1).isSymbol(".") && t.get(last + 2).isName()) {
            last += 2;
        }
        if (last + 1 < t.size() && t.get(last + 1).isSymbol("(")) {
            return call(last);
        }
        next();
        String name = tok.value();
        if (!bound.contains(name)) {
            unbound.putIfAbsent(name, tok);
        }
        return Expr.of(FunctionCall.Kind.EXPRESSION, tok);
    }

    /** {@code name(.name)* ( args )}, the name ending at token index {@code last}. */
    private Expr call(int last) {
        Token first = peek();
        int nameEnd = t.get(last).end();
        StringBuilder name = new StringBuilder();
        while (i <= last) {
            Token part = next();
            name.append(part.isName() ? part.value() : ".");
        }
        next(); // (
        if (peek().isWord("DISTINCT") || peek().isWord("ALL") && !peek(1).isSymbol("(")) {
            throw fail(peek(), Problem.Kind.SYNTAX, peek().text() + " inside a function call is for aggregations, "
                    + "which a condition cannot use");
        }
        List<FunctionCall.Argument> args = new ArrayList<>();
        if (!acceptSymbol(")")) {
            do {
                Expr a = expression();
                args.add(new FunctionCall.Argument(a.kind(), a.value(), a.keys(), a.at()));
            } while (acceptSymbol(","));
            expectSymbol(")", "to close the arguments of " + name);
        }
        calls.add(new FunctionCall(name.toString(), first, nameEnd, args));
        return Expr.of(FunctionCall.Kind.EXPRESSION, first);
    }

    /** {@code any|all|none|single ( x IN list [WHERE predicate] )}; x is bound in the predicate only. */
    private Expr listPredicate() {
        Token fn = next();
        next(); // (
        String variable = variable(fn.text() + "(");
        expectWord("IN", "in " + fn.text() + "(" + variable + " IN list WHERE predicate)");
        expression();
        if (acceptWord("WHERE")) {
            scoped(List.of(variable), this::expression);
        }
        expectSymbol(")", "to close " + fn.text() + "(...)");
        calls.add(new FunctionCall(fn.text(), fn, fn.end(), List.of()));
        return Expr.of(FunctionCall.Kind.EXPRESSION, fn);
    }

    /** {@code reduce(acc = init, x IN list | expression)}; acc and x are bound in the expression. */
    private Expr reduce() {
        Token fn = next();
        next(); // (
        String acc = variable("reduce(");
        expectSymbol("=", "in reduce(accumulator = initial, x IN list | expression)");
        expression();
        expectSymbol(",", "in reduce(accumulator = initial, x IN list | expression)");
        String variable = variable("reduce(..., ");
        expectWord("IN", "in reduce(accumulator = initial, x IN list | expression)");
        expression();
        expectSymbol("|", "in reduce(accumulator = initial, x IN list | expression)");
        scoped(List.of(acc, variable), this::expression);
        expectSymbol(")", "to close reduce(...)");
        calls.add(new FunctionCall(fn.text(), fn, fn.end(), List.of()));
        return Expr.of(FunctionCall.Kind.EXPRESSION, fn);
    }

    private String variable(String context) {
        Token v = peek();
        if (!v.isName() || (v.type() == Token.Type.WORD && CypherKeywords.isClauseKeyword(v.text()))) {
            throw fail(v, v.type() == Token.Type.WORD && CypherKeywords.isClauseKeyword(v.text())
                    ? Problem.Kind.CLAUSE_KEYWORD : Problem.Kind.SYNTAX,
                    "expected a variable name after " + context + ", found " + describe(v));
        }
        next();
        return v.value();
    }

    private void scoped(List<String> names, Runnable body) {
        names.forEach(bound::addLast);
        try {
            body.run();
        } finally {
            names.forEach(n -> bound.removeLastOccurrence(n));
        }
    }

    /** {@code [a, b]} or {@code [x IN list WHERE p | e]}. */
    private Expr list() {
        Token open = next();
        if (acceptSymbol("]")) {
            return Expr.of(FunctionCall.Kind.LIST, open);
        }
        if (peek().isName() && peek(1).isWord("IN") && !(peek().type() == Token.Type.WORD
                && CypherKeywords.isClauseKeyword(peek().text()))) {
            String variable = next().value();
            next(); // IN
            expression();
            if (acceptWord("WHERE")) {
                scoped(List.of(variable), this::expression);
            }
            if (acceptSymbol("|")) {
                scoped(List.of(variable), this::expression);
            }
            expectSymbol("]", "to close the list comprehension");
            return Expr.of(FunctionCall.Kind.EXPRESSION, open);
        }
        do {
            expression();
        } while (acceptSymbol(","));
        expectSymbol("]", "to close the list");
        return Expr.of(FunctionCall.Kind.LIST, open);
    }

    /** {@code {key: value, ...}}; keys are names (keywords included), as in Cypher. */
    private Expr map() {
        Token open = next();
        List<String> keys = new ArrayList<>();
        if (acceptSymbol("}")) {
            return new Expr(FunctionCall.Kind.MAP, "", keys, open);
        }
        do {
            Token key = next();
            if (!key.isName()) {
                throw fail(key, Problem.Kind.SYNTAX, "expected a map key (a name), found " + describe(key));
            }
            expectSymbol(":", "after the map key " + key.text());
            expression();
            keys.add(key.value());
        } while (acceptSymbol(","));
        expectSymbol("}", "to close the map");
        return new Expr(FunctionCall.Kind.MAP, "", keys, open);
    }
}
