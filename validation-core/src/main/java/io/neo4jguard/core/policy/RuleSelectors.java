package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.RuleMeta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a policy (or the {@code neo4j-guard.io/skip} annotation) names rules, it may name one rule by
 * its ID ({@code memory.heap-pagecache-over-limit}) or a whole concern by the part before the dot
 * ({@code memory}): the rules of one concern are usually relaxed together.
 */
public final class RuleSelectors {
    /** In an exemption's rule list: every rule. */
    public static final String ALL = "*";

    /**
     * Every rule marked {@link RuleMeta#operatorOnly()}: errors only because the reference operator refuses
     * the object (policies/reconciler-lite.yaml relaxes them together). An entry for a rule ID or a concern
     * wins over this one.
     */
    public static final String OPERATOR_ONLY = "operator-only";

    /** Suggestions are offered up to this edit distance: two typos, or a swapped pair of letters. */
    private static final int MAX_DISTANCE = 3;

    /** Longer input is no mistyped rule ID (IDs are a few dozen characters); skip the quadratic distance. */
    private static final int MAX_NAME = 200;

    private RuleSelectors() {
    }

    public static boolean matches(String selector, RuleMeta rule) {
        return selector.equals(ALL) || selector.equals(rule.id()) || selector.equals(rule.concern())
                || (selector.equals(OPERATOR_ONLY) && rule.operatorOnly());
    }

    /** True when the selector names a known rule ID or the concern of at least one known rule. */
    public static boolean known(String selector, Collection<RuleMeta> rules) {
        return rules.stream().anyMatch(r -> r.id().equals(selector) || r.concern().equals(selector)
                || (selector.equals(OPERATOR_ONLY) && r.operatorOnly()));
    }

    /** Every rule ID and concern, sorted: what a selector may be. */
    public static List<String> names(Collection<RuleMeta> rules) {
        Set<String> out = new LinkedHashSet<>();
        rules.stream().map(RuleMeta::concern).sorted().forEach(out::add);
        if (rules.stream().anyMatch(RuleMeta::operatorOnly)) {
            out.add(OPERATOR_ONLY);
        }
        rules.stream().map(RuleMeta::id).sorted().forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Up to three known names closest to {@code wanted}: first those it is a prefix or part of, then by
     * edit distance. Empty when nothing is close.
     */
    public static List<String> closest(String wanted, Collection<RuleMeta> rules) {
        String w = wanted.toLowerCase(Locale.ROOT).trim();
        if (w.length() > MAX_NAME) {
            return List.of();
        }
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String name : names(rules)) {
            int score = distance(w, name);
            if (!w.isEmpty() && name.contains(w)) {
                score = Math.min(score, 1);
            } else if (w.startsWith(name + ".")) {
                // A mistyped ID of a known concern: offer the concern, after any close ID.
                score = Math.min(score, MAX_DISTANCE);
            }
            if (score > MAX_DISTANCE) {
                // Also compare the part after the dot, so "heap-too-big" finds "memory.heap-too-big".
                int dot = name.indexOf('.');
                int tail = dot < 0 ? Integer.MAX_VALUE : distance(w, name.substring(dot + 1));
                if (tail > MAX_DISTANCE) {
                    continue;
                }
                score = tail;
            }
            scored.add(new Scored(name, score));
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(3)
                .map(Scored::name)
                .toList();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
