package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.cypher.ConditionParser;
import io.neo4jguard.core.cypher.CypherTokenizer;
import io.neo4jguard.core.cypher.FunctionCall;
import io.neo4jguard.core.cypher.ParsedCondition;
import io.neo4jguard.core.cypher.Problem;
import io.neo4jguard.core.cypher.Token;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code spec.condition} of a Neo4jAuthRule: the condition guard. The operator splices the condition verbatim
 * into {@code CYPHER 25 CREATE OR REPLACE AUTH RULE `name` SET CONDITION <condition> SET ENABLED <bool>}
 * (the reference operator, github.com/priyolahiri/neo4j-kubernetes-operator,
 * internal/validation/authrule_validator.go); its keyword blacklist both refuses harmless conditions ({@code
 * 'drop-zone'}) and admits
 * ones that rewrite the statement ({@code true SET ENABLED true //}). Here the condition is tokenized as Cypher
 * does and must be one expression of an allow-listed grammar ({@link ConditionParser}) calling only the
 * functions Neo4j allows in conditions ({@link ConditionFunctions}).
 */
public final class AuthRuleConditionCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.AUTH_RULE);
    static final String FIELD = "spec.condition";

    static final RuleMeta REQUIRED = new RuleMeta("authrule.condition-required",
            "An auth rule needs a condition", Severity.ERROR, KINDS,
            "CREATE AUTH RULE requires SET CONDITION: a rule without one cannot be created, so the operator would "
                    + "fail on every reconcile. The CRD demands at least one character, but a condition of only "
                    + "whitespace passes the CRD and is just as empty.",
            "Write a Cypher boolean expression over the user's attributes, such as "
                    + "abac.oidc.user_attribute('department') = 'sales'.",
            "spec:\n  condition: abac.oidc.user_attribute('department') = 'sales'");

    static final RuleMeta INVALID = new RuleMeta("authrule.condition-invalid",
            "The condition must be a single Cypher expression of the allowed grammar", Severity.ERROR, KINDS,
            "The operator splices the condition verbatim into CYPHER 25 CREATE OR REPLACE AUTH RULE `name` SET "
                    + "CONDITION <condition> SET ENABLED <bool>. A // comment swallows the SET ENABLED clause (a "
                    + "rule declared disabled gets created enabled), a clause keyword such as SET rewrites the "
                    + "statement (true SET ENABLED true //), a ';' starts another statement; Neo4j itself refuses "
                    + "subqueries and parameters in conditions, and a pattern would read the graph, which a "
                    + "condition about the user's token has no business doing. The condition is "
                    + "therefore tokenized the way Cypher tokenizes it (string literals with every escape, "
                    + "backtick names, comments, Unicode) and must be one expression built from literals, lists, "
                    + "maps, property access, function calls, comparisons, AND/OR/XOR/NOT, IN, STARTS WITH, "
                    + "ENDS WITH, CONTAINS, =~ and IS [NOT] NULL. Keywords inside string literals, property and map "
                    + "keys or backticks are fine. Invisible and look-alike characters (zero-width spaces, "
                    + "full-width letters, U+037E for ';') are refused outside literals because a reviewer would "
                    + "read something other than what Neo4j runs.",
            "Keep the condition one boolean expression: remove comments, ';' and clause keywords; put text in "
                    + "string literals and names that collide with keywords in backticks; write plain ASCII "
                    + "outside literals.",
            "spec:\n  condition: |\n    abac.oidc.user_attribute('department') = 'engineering'\n"
                    + "    AND abac.oidc.user_attribute('location') IN ['UK', 'DE']");

    static final RuleMeta FUNCTION_NOT_ALLOWED = new RuleMeta("authrule.condition-function-not-allowed",
            "The condition may call only the functions Neo4j allows in auth rules", Severity.ERROR, KINDS,
            "Neo4j checks every function in an auth rule condition against a fixed allow-list (the abac.* "
                    + "attribute functions and side-effect-free list, numeric, predicate, scalar, string and "
                    + "temporal built-ins) and rejects the rule otherwise. It also refuses temporal constructors "
                    + "that read the current clock (date(), datetime({timezone: 'UTC'})): only the transaction "
                    + "start time exists when a rule is evaluated. abac.oidc.user_attribute takes exactly one "
                    + "string, the claim key. Caught here, the mistake surfaces at apply time instead of as a "
                    + "failed reconcile. The allow-list (Neo4j's, case-insensitive): "
                    + String.join(", ", ConditionFunctions.ALLOWED) + ".",
            "Call only allow-listed functions (see the message); use date.transaction('UTC') and the like for "
                    + "the current time; pass one claim key string to abac.oidc.user_attribute.",
            "spec:\n  condition: abac.oidc.user_attribute('start_date') <= date.transaction('UTC')");

    static final RuleMeta UNBOUND_VARIABLE = new RuleMeta("authrule.condition-unbound-variable",
            "The condition uses a variable nothing defines", Severity.WARNING, KINDS,
            "An auth rule condition is evaluated with no variables in scope: attributes come from function calls "
                    + "such as abac.oidc.user_attribute('claim'). The only variables are those a list predicate "
                    + "(any/all/none/single), list comprehension or reduce binds. A bare name such as department "
                    + "is most likely a claim that should have been read with abac.oidc.user_attribute, and Neo4j "
                    + "will not evaluate the rule as intended.",
            "Read attributes with abac.oidc.user_attribute('name'), or bind the variable with any(x IN list "
                    + "WHERE ...).",
            "spec:\n  condition: any(g IN abac.oidc.user_attribute('groups') WHERE g STARTS WITH 'eng-')");

    private static final Map<Problem.Kind, String> HINTS = Map.ofEntries(
            Map.entry(Problem.Kind.COMMENT, "remove the comment; explain the rule in a YAML comment or an "
                    + "annotation instead"),
            Map.entry(Problem.Kind.SEMICOLON, "remove the ';': a condition is one expression (inside quotes, "
                    + "as in 'read;write', it is fine)"),
            Map.entry(Problem.Kind.PARAMETER, "write the value itself instead of a $parameter"),
            Map.entry(Problem.Kind.CLAUSE_KEYWORD, "a condition is one expression; if the word is a name, put it in "
                    + "backticks, or in quotes if it is text"),
            Map.entry(Problem.Kind.SUBQUERY, "conditions see the user's attributes, not the graph: compare "
                    + "abac.oidc.user_attribute(...) values instead"),
            Map.entry(Problem.Kind.PATTERN, "conditions cannot match graph patterns; write x - (-y) for arithmetic"),
            Map.entry(Problem.Kind.UNBALANCED, "close every (, [ and { in the order they were opened"),
            Map.entry(Problem.Kind.UNTERMINATED, "close a string literal with its own quote (write \\' for a quote "
                    + "inside it) and a backtick name with a backtick"),
            Map.entry(Problem.Kind.BAD_ESCAPE, "write \\\\ for a backslash inside a string literal"),
            Map.entry(Problem.Kind.BAD_NUMBER, "write the number in plain digits, or quote it if it is text"),
            Map.entry(Problem.Kind.INVISIBLE_CHAR, "delete the invisible character (retype the line if unsure)"),
            Map.entry(Problem.Kind.LOOKALIKE_CHAR, "retype it in plain ASCII (inside a string literal any "
                    + "character is fine)"),
            Map.entry(Problem.Kind.BIDI_CONTROL, "delete the bidirectional control character"),
            Map.entry(Problem.Kind.UNEXPECTED_CHAR, "remove the character, or put it inside a string literal"),
            Map.entry(Problem.Kind.SYNTAX, "the condition must be one boolean expression; see the rule's "
                    + "rationale for the allowed grammar"),
            Map.entry(Problem.Kind.TOO_DEEP, "flatten the condition"));

    @Override
    public List<RuleMeta> rules() {
        return List.of(REQUIRED, INVALID, FUNCTION_NOT_ALLOWED, UNBOUND_VARIABLE);
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.AUTH_RULE.equals(ctx.kind())) {
            return;
        }
        Node condition = ctx.spec().get("condition");
        Optional<String> text = condition.scalarText();
        if (text.isEmpty()) {
            if (!condition.present()) {
                ctx.report(REQUIRED, FIELD, Messages.required("the Cypher boolean expression that grants the "
                        + "rule's roles"), "for example abac.oidc.user_attribute('department') = 'sales'");
            }
            return; // a list or map here is the schema check's business
        }
        if (CypherTokenizer.isBlank(text.get())) {
            ctx.report(REQUIRED, FIELD, Messages.required("the condition is empty or only whitespace"),
                    "for example abac.oidc.user_attribute('department') = 'sales'");
            return;
        }
        ParsedCondition parsed = ConditionParser.parse(text.get());
        for (ParsedCondition.Group g : parsed.grouped()) {
            Problem p = g.first();
            String more = g.more() == 0 ? "" : " (" + g.more() + " more like it)";
            ctx.report(INVALID, FIELD, Messages.invalid(shown(p), "at " + p.where(parsed.multiLine()) + ": "
                    + p.message() + more), HINTS.getOrDefault(p.kind(), ""));
        }
        functions(ctx, parsed);
        if (parsed.accepted() && !parsed.unbound().isEmpty()) {
            Token first = parsed.unbound().get(0);
            String names = parsed.unbound().stream().map(Token::value).collect(Collectors.joining(", "));
            ctx.report(UNBOUND_VARIABLE, FIELD, Messages.invalid(first.value(), "at " + where(first, parsed)
                    + ": variable" + (parsed.unbound().size() > 1 ? "s " : " ") + names + " not defined: a "
                    + "condition has no variables except those bound by any/all/none/single, list "
                    + "comprehensions and reduce"), "read attributes with abac.oidc.user_attribute('"
                    + first.value() + "')");
        }
    }

    /** Invisible characters are shown as their code point, so the message shows something. */
    private static String shown(Problem p) {
        if (p.kind() == Problem.Kind.INVISIBLE_CHAR || p.kind() == Problem.Kind.BIDI_CONTROL) {
            return p.token().codePoints().mapToObj(cp -> String.format("U+%04X", cp))
                    .collect(Collectors.joining(" "));
        }
        return p.token();
    }

    private static String where(Token t, ParsedCondition parsed) {
        return parsed.multiLine() ? "line " + t.line() + ", column " + t.column() : "column " + t.column();
    }

    /** Neo4j's own function checks on conditions, one finding per function name. */
    private void functions(RuleContext ctx, ParsedCondition parsed) {
        Set<String> seen = new java.util.HashSet<>();
        for (FunctionCall call : parsed.calls()) {
            boolean nameAlreadyBlamed = parsed.problems().stream()
                    .anyMatch(p -> p.offset() >= call.at().start() && p.offset() < call.nameEnd());
            if (nameAlreadyBlamed) {
                continue; // a look-alike or invisible character in the name: the guard finding says it all
            }
            Refusal r = refusal(call);
            if (r != null && seen.add(call.normalizedName())) {
                ctx.report(FUNCTION_NOT_ALLOWED, FIELD, Messages.invalid(call.name(), "at "
                        + where(call.at(), parsed) + ": " + r.message()), r.hint());
            }
        }
    }

    /** Why Neo4j would refuse a call, and what to write instead. */
    record Refusal(String message, String hint) {
    }

    /** What Neo4j would refuse about this call (its semantic checks on auth rule conditions), or null. */
    static Refusal refusal(FunctionCall call) {
        String name = call.normalizedName();
        if (!ConditionFunctions.allowed(name)) {
            return new Refusal("function " + call.name() + " is not allowed in an auth rule condition: Neo4j "
                    + "accepts only its allow-list of side-effect-free functions (abac.*, list, numeric, predicate, "
                    + "scalar, string and temporal built-ins)",
                    ConditionFunctions.closest(name).map(f -> "did you mean " + f + "?")
                            .orElse("allowed are abac.oidc.user_attribute, abac.native.user_tags and Neo4j's "
                                    + "side-effect-free built-ins; the rule's rationale lists them all"));
        }
        List<FunctionCall.Argument> args = call.args();
        if (ConditionFunctions.NEED_ARGUMENTS.contains(name)) {
            boolean timezoneOnly = args.size() == 1 && args.get(0).kind() == FunctionCall.Kind.MAP
                    && args.get(0).mapKeys().size() == 1
                    && args.get(0).mapKeys().get(0).equalsIgnoreCase("timezone");
            if (args.isEmpty() || timezoneOnly) {
                return new Refusal(call.name() + "(" + (timezoneOnly ? "{timezone: ...}" : "") + ") reads the "
                        + "current time, which an auth rule cannot: only the transaction start time is available "
                        + "when it is evaluated",
                        "use " + call.name() + ".transaction('UTC') (the transaction's start time)");
            }
        }
        if (name.equals(ConditionFunctions.USER_ATTRIBUTE)) {
            String hint = "pass the claim key as one string: " + ConditionFunctions.USER_ATTRIBUTE + "('department')";
            if (args.size() != 1) {
                return new Refusal(call.name() + " takes exactly one argument, the claim key, not " + args.size(),
                        hint);
            }
            FunctionCall.Kind k = args.get(0).kind();
            if (k != FunctionCall.Kind.STRING && k != FunctionCall.Kind.EXPRESSION) {
                return new Refusal(call.name() + " takes the claim key as a string, not a "
                        + k.name().toLowerCase(java.util.Locale.ROOT)
                        + (k == FunctionCall.Kind.LIST ? " (one key per call)" : ""), hint);
            }
        }
        if (name.equals(ConditionFunctions.USER_TAGS) && !args.isEmpty()) {
            return new Refusal(call.name() + " takes no arguments, not " + args.size(),
                    "write " + ConditionFunctions.USER_TAGS + "() and test the list: 'admin' IN "
                            + ConditionFunctions.USER_TAGS + "()");
        }
        return null;
    }
}
