package io.neo4jguard.core.cypher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The token-level part of the condition guard: everything that must never appear outside a literal, found
 * by looking at tokens rather than parsing, so each is reported with its own reason even when the grammar
 * would have stopped earlier. The condition ends up in
 * {@code CYPHER 25 CREATE OR REPLACE AUTH RULE `name` SET CONDITION <condition> SET ENABLED <bool>}
 * (the reference operator, github.com/priyolahiri/neo4j-kubernetes-operator,
 * internal/validation/authrule_validator.go); each check below names what it would do there.
 */
final class ConditionScan {
    private final List<Token> all;
    private final List<Token> sig;
    private final boolean multiLine;
    private final List<Problem> problems = new ArrayList<>();
    /** Offsets already reported as a subquery, so their keyword is not reported twice. */
    private final Set<Integer> subqueryAt = new HashSet<>();

    private ConditionScan(Tokens tokens, boolean multiLine) {
        this.all = tokens.all();
        this.sig = tokens.significant();
        this.multiLine = multiLine;
    }

    /** @param multiLine whether positions in messages should name the line */
    static List<Problem> scan(Tokens tokens, boolean multiLine) {
        ConditionScan s = new ConditionScan(tokens, multiLine);
        s.comments();
        s.separatorsAndParameters();
        s.subqueries();
        s.clauseKeywords();
        s.patterns();
        s.balance();
        return s.problems;
    }

    private void report(Problem.Kind kind, String message, Token at) {
        problems.add(new Problem(kind, message, at.text(), at.start(), at.line(), at.column()));
    }

    private Token sig(int i) {
        return i >= 0 && i < sig.size() ? sig.get(i) : null;
    }

    private boolean symbolAt(int i, String s) {
        Token t = sig(i);
        return t != null && t.isSymbol(s);
    }

    private void comments() {
        for (Token t : all) {
            if (t.type() == Token.Type.LINE_COMMENT) {
                report(Problem.Kind.COMMENT, "a // comment is not allowed: the condition is followed by the "
                        + "SET ENABLED clause the operator appends, and a line comment swallows it (spec.enabled "
                        + "would be silently ignored)", t);
            } else if (t.type() == Token.Type.BLOCK_COMMENT && (t.text().length() < 4 || !t.text().endsWith("*/"))) {
                report(Problem.Kind.COMMENT, "an unclosed /* comment is not allowed: it swallows the rest of the "
                        + "statement, including the SET ENABLED clause the operator appends", t);
            } else if (t.type() == Token.Type.BLOCK_COMMENT) {
                report(Problem.Kind.COMMENT, "a /* */ comment is not allowed: it hides text from reviewers, and "
                        + "an unclosed one would swallow the SET ENABLED clause the operator appends", t);
            }
        }
    }

    private void separatorsAndParameters() {
        for (Token t : sig) {
            if (t.isSymbol(";")) {
                report(Problem.Kind.SEMICOLON, "the statement separator ';' is not allowed: it would end the "
                        + "CREATE AUTH RULE statement and start another; inside a string literal it is fine", t);
            } else if (t.type() == Token.Type.PARAMETER) {
                report(Problem.Kind.PARAMETER, "parameter " + t.text() + " is not allowed: Neo4j rejects "
                        + "parameters in auth rule conditions and the operator passes none; write the value", t);
            }
        }
    }

    /** {@code EXISTS {}, COUNT {}, COLLECT {}, CALL {}} and {@code CALL (x) {}}. */
    private void subqueries() {
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.type() != Token.Type.WORD || !CypherKeywords.opensSubquery(t.text())) {
                continue;
            }
            int next = i + 1;
            if (t.isWord("CALL") && symbolAt(next, "(")) {
                next = closing(next);
                next = next < 0 ? -1 : next + 1;
            }
            if (next >= 0 && symbolAt(next, "{")) {
                subqueryAt.add(t.start());
                report(Problem.Kind.SUBQUERY, "subquery " + Ascii.toUpperCase(t.text()) + " { ... } is not allowed: "
                        + "an auth rule condition is evaluated against the user's token, not the graph, and Neo4j "
                        + "rejects subqueries there", t);
            }
        }
    }

    /** Index of the token closing the parenthesis at {@code open}, or -1. */
    private int closing(int open) {
        int depth = 0;
        for (int j = open; j < sig.size(); j++) {
            if (sig.get(j).isSymbol("(")) {
                depth++;
            } else if (sig.get(j).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    /**
     * Clause keywords outside the places where Cypher reads any word as a name: after {@code .} (property
     * key), before {@code :} inside braces (map key), and WITH right after STARTS/ENDS.
     */
    private void clauseKeywords() {
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
                open.push(t.text());
            } else if ((t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) && !open.isEmpty()) {
                open.pop();
            }
            if (t.type() != Token.Type.WORD || !CypherKeywords.isClauseKeyword(t.text())
                    || subqueryAt.contains(t.start())) {
                continue;
            }
            boolean propertyKey = symbolAt(i - 1, ".");
            boolean mapKey = symbolAt(i + 1, ":") && "{".equals(open.peek());
            boolean stringPredicate = t.isWord("WITH") && sig(i - 1) != null
                    && (sig(i - 1).isWord("STARTS") || sig(i - 1).isWord("ENDS"));
            if (propertyKey || mapKey || stringPredicate) {
                continue;
            }
            if (symbolAt(i + 1, "(")) {
                report(Problem.Kind.CLAUSE_KEYWORD, Ascii.toUpperCase(t.text()) + "(...) is not allowed: "
                        + Ascii.toUpperCase(t.text()) + " is a clause or subquery keyword, not a function a condition "
                        + "may call", t);
                continue;
            }
            report(Problem.Kind.CLAUSE_KEYWORD, "clause keyword " + Ascii.toUpperCase(t.text()) + " is not "
                    + "allowed: a condition is one boolean expression, and a clause keyword here could end it and "
                    + "start a clause of its own; a name spelled like a keyword goes in backticks (`"
                    + t.text() + "`)", t);
        }
    }

    /**
     * Relationship patterns: in Cypher {@code (a)--(b)}, {@code (a)-[r]->(b)} and {@code (a)<--(b)} are pattern
     * expressions (they read the graph), although {@code (a) - -b} also looks like arithmetic. Every pattern
     * has a node's {@code )} right before its first arrow, so that is where we look.
     */
    private void patterns() {
        for (int i = 0; i + 2 < sig.size(); i++) {
            if (!sig.get(i).isSymbol(")")) {
                continue;
            }
            boolean right = symbolAt(i + 1, "-") && (symbolAt(i + 2, "-") || symbolAt(i + 2, "["));
            boolean left = symbolAt(i + 1, "<") && symbolAt(i + 2, "-")
                    && (symbolAt(i + 3, "-") || symbolAt(i + 3, "["));
            if (right || left) {
                report(Problem.Kind.PATTERN, "this reads as a relationship pattern, which is not allowed in an auth "
                        + "rule condition; for arithmetic write x - (-y)", sig.get(i + 1));
            }
        }
    }

    private void balance() {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : sig) {
            if (t.type() != Token.Type.SYMBOL) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> open.push(t);
                case ")", "]", "}" -> {
                    String want = switch (t.text()) {
                        case ")" -> "(";
                        case "]" -> "[";
                        default -> "{";
                    };
                    if (open.isEmpty()) {
                        report(Problem.Kind.UNBALANCED, "'" + t.text() + "' has no matching '" + want + "'", t);
                    } else if (!open.peek().text().equals(want)) {
                        Token o = open.pop();
                        report(Problem.Kind.UNBALANCED, "'" + o.text() + "' at " + where(o) + " is closed by '"
                                + t.text() + "'", t);
                    } else {
                        open.pop();
                    }
                }
                default -> {
                }
            }
        }
        List<Token> unclosed = new ArrayList<>(open);
        java.util.Collections.reverse(unclosed);
        for (Token o : unclosed) {
            report(Problem.Kind.UNBALANCED, "'" + o.text() + "' is never closed", o);
        }
    }

    private String where(Token t) {
        return multiLine ? "line " + t.line() + ", column " + t.column() : "column " + t.column();
    }
}
