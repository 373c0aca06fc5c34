package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference operator's own guard on {@code Neo4jAuthRule.spec.condition} (anchor rules §4): a keyword
 * deny-list over the upper-cased text, with no tokenizer. It refuses conditions Neo4j accepts (a keyword inside a
 * string literal such as {@code 'drop-zone'}, a {@code ;} inside a literal, a hyphenated attribute name such as
 * {@code 'grant-type'}); such a rule is never created under that operator, so this is an error by default,
 * operator-only. What Neo4j itself refuses is {@code authrule.condition-invalid}'s business (a real tokenizer and
 * an expression grammar, DESIGN §3 "Auth-rule conditions").
 */
public final class OperatorKeywordGuardCheck implements Check {
    /** authrule_validator.go's deny-list (matched after upper-casing, as whole ASCII words). */
    static final List<String> KEYWORDS = List.of("CREATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "SHOW",
            "RENAME");

    public static final RuleMeta GUARD = new RuleMeta("authrule.operator-keyword-guard",
            "The condition trips the reference operator's keyword guard", Severity.ERROR, Set.of(Kinds.AUTH_RULE),
            "The reference operator refuses a condition that contains ';' anywhere or CREATE, DROP, ALTER, GRANT, "
                    + "DENY, REVOKE, SHOW or RENAME as a word (after Unicode upper-casing; only ASCII letters, digits "
                    + "and '_' join a word), even inside a string literal, a comment or a backtick name "
                    + "(internal/validation/authrule_validator.go of github.com/priyolahiri/neo4j-kubernetes-operator). "
                    + "The auth rule is then "
                    + "never created. Neo4j accepts many of these conditions, e.g. "
                    + "abac.oidc.user_attribute('team') = 'drop-zone'.",
            "Avoid those words and ';' in the condition under the reference operator, e.g. compare with a list "
                    + "(IN ['ops', 'sales']) or another spelling of the value; neo4j-guard's reconciler does not "
                    + "need this (policies/reconciler-lite.yaml relaxes it).",
            "spec:\n  condition: abac.oidc.user_attribute('team') = 'payments'", true);

    @Override
    public List<RuleMeta> rules() {
        return List.of(GUARD);
    }

    @Override
    public void check(RuleContext ctx) {
        String condition = ctx.spec().get("condition").text().map(String::trim).orElse("");
        if (condition.isEmpty()) {
            return; // authrule.condition-required
        }
        List<String> hits = hits(condition);
        if (!hits.isEmpty()) {
            ctx.report(GUARD, AuthRuleConditionCheck.FIELD, Messages.invalid(condition, "the reference operator "
                    + "refuses a condition containing " + String.join(", ", hits)), "rephrase the condition "
                    + "without " + String.join(", ", hits));
        }
    }

    /** What the operator's guard matches in {@code condition}, in deny-list order, ';' last. */
    static List<String> hits(String condition) {
        String upper = upperSimple(condition.trim());
        List<String> out = new ArrayList<>();
        for (String word : KEYWORDS) {
            for (int i = upper.indexOf(word); i >= 0; i = upper.indexOf(word, i + 1)) {
                if (!wordChar(upper, i - 1) && !wordChar(upper, i + word.length())) {
                    out.add(word);
                    break;
                }
            }
        }
        if (condition.contains(";")) {
            out.add("';'");
        }
        return out;
    }

    /** Go's strings.ToUpper: per code point simple case mapping (ſ becomes S), never a longer string. */
    private static String upperSimple(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toUpperCase(cp)));
        return b.toString();
    }

    /** An ASCII word character at {@code i}; outside the text, or any non-ASCII character, is a boundary. */
    private static boolean wordChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
