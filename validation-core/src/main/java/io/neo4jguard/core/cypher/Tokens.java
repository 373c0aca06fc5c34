package io.neo4jguard.core.cypher;

import java.util.List;

/**
 * The result of tokenizing: every token in order (comments included, whitespace not) and the lexical
 * problems found on the way. Tokenizing never stops early: after a problem it goes on with the next char.
 */
public record Tokens(String source, List<Token> all, List<Problem> problems) {
    public Tokens {
        all = List.copyOf(all);
        problems = List.copyOf(problems);
    }

    /** The tokens a parser reads: comments left out (they are reported, not parsed). */
    public List<Token> significant() {
        return all.stream().filter(t -> !t.isComment()).toList();
    }
}
