package io.neo4jguard.core.cypher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guard found in one condition.
 *
 * @param source     the condition as given
 * @param problems   every problem, in source order; empty means the condition is a plain expression of the
 *                   allowed grammar
 * @param calls      the function calls it makes (also when it has problems: those before the first syntax
 *                   error are known)
 * @param unbound    variables used but not bound by a list predicate, comprehension or reduce, one token per
 *                   name; auth rule conditions have no other variables
 * @param multiLine  whether the condition (without surrounding whitespace) spans lines: messages then give the
 *                   line as well as the column
 */
public record ParsedCondition(String source, List<Problem> problems, List<FunctionCall> calls,
                              List<Token> unbound, boolean multiLine) {
    public ParsedCondition {
        problems = List.copyOf(problems);
        calls = List.copyOf(calls);
        unbound = List.copyOf(unbound);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    /** The first problem of a kind and how many more of that kind follow. */
    public record Group(Problem first, int more) {
    }

    /**
     * One entry per kind, in order of first appearance: a reader needs the first offending token of each
     * sort, not one line per repetition of the same keyword.
     */
    public List<Group> grouped() {
        Map<Problem.Kind, List<Problem>> byKind = new LinkedHashMap<>();
        for (Problem p : problems) {
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
        }
        return byKind.values().stream().map(ps -> new Group(ps.get(0), ps.size() - 1)).toList();
    }
}
