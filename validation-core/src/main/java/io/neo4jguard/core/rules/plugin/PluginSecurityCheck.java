package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.security}: procedure allow/deny lists and the security policy.
 * <p>The operator's API documents securityPolicy as one of strict, moderate or permissive and puts a plugin with
 * any other value into phase Invalid (the CRD has no enum, so the API server lets it through). The corpus's
 * {@code restricted} (standalone-plugin-example.yaml) is therefore an error here too: the operator would never
 * install that plugin. The hint maps it to {@code strict}.
 */
public final class PluginSecurityCheck implements Check {
    static final List<String> POLICIES = List.of("strict", "moderate", "permissive");

    /**
     * Entries end up comma-joined in {@code dbms.security.procedures.allowlist}/{@code unrestricted}, whose
     * values are procedure names with the globs {@code *} and {@code ?}. A comma, space or line break would
     * split or forge neo4j.conf entries.
     */
    private static final Pattern PROCEDURE = Pattern.compile("[A-Za-z0-9_.*?]+");

    static final RuleMeta POLICY_INVALID = new RuleMeta("plugin.security-policy-invalid",
            "securityPolicy is not strict, moderate or permissive", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "The operator accepts exactly strict, moderate and permissive for spec.security.securityPolicy and "
                    + "marks the plugin Invalid for anything else, so it is never installed. The CRD has no enum, "
                    + "so the API server alone does not catch it.",
            "Use strict (closest to 'restricted'), moderate or permissive.",
            "spec:\n  security:\n    securityPolicy: strict");

    static final RuleMeta PROCEDURE_INVALID = new RuleMeta("plugin.procedure-invalid",
            "A procedure allow/deny entry is malformed or contradictory", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "Procedure entries become comma-separated neo4j.conf values (dbms.security.procedures.*): each must be "
                    + "a procedure name or glob such as apoc.load.* (letters, digits, '_', '.', '*', '?'). A "
                    + "procedure that is both allowed and denied states two opposite intentions.",
            "Write one name or glob per entry, and list each procedure in only one of the two lists.",
            "spec:\n  security:\n    allowedProcedures: [\"apoc.load.*\"]\n    deniedProcedures: [\"apoc.cypher.*\"]");

    @Override
    public List<RuleMeta> rules() {
        return List.of(POLICY_INVALID, PROCEDURE_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        Node security = ctx.spec().get("security");
        Node policy = security.get("securityPolicy");
        policy.text().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(p -> {
            if (!POLICIES.contains(p)) {
                String hint = POLICIES.contains(p.toLowerCase(java.util.Locale.ROOT))
                        ? "write it in lower case: " + p.toLowerCase(java.util.Locale.ROOT)
                        : p.equalsIgnoreCase("restricted") ? "the closest policy is strict"
                        : "use strict, moderate or permissive";
                ctx.report(POLICY_INVALID, policy.path(), Messages.notSupported(p, POLICIES), hint);
            }
        });
        Map<String, Node> allowed = entries(ctx, security.get("allowedProcedures"));
        Map<String, Node> denied = entries(ctx, security.get("deniedProcedures"));
        for (Map.Entry<String, Node> a : allowed.entrySet()) {
            Node d = denied.get(a.getKey());
            if (d != null) {
                ctx.report(PROCEDURE_INVALID, a.getValue().path(), Messages.invalid(a.getKey(),
                        "also denied at " + d.path()), "keep the procedure in one list only");
            }
        }
    }

    /** Valid entries by text; malformed ones are reported and left out. */
    private static Map<String, Node> entries(RuleContext ctx, Node list) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node item : list.items()) {
            Optional<String> text = item.text();
            if (text.isEmpty()) {
                continue; // a non-string is the schema's finding
            }
            String t = text.get().trim();
            if (!PROCEDURE.matcher(t).matches()) {
                ctx.report(PROCEDURE_INVALID, item.path(), Messages.invalid(text.get(), t.isEmpty()
                                ? "empty procedure entry" : "not a procedure name or glob"),
                        "one name or glob per entry, e.g. apoc.load.*");
                continue;
            }
            out.putIfAbsent(t, item);
        }
        return out;
    }
}
