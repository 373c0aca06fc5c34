package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.config}: plugin settings the operator writes into neo4j.conf or into NEO4J_* environment variables
 * (APOC). One setting per line there, so keys are setting names and values single lines.
 */
public final class PluginConfigCheck implements Check {
    /** Neo4j setting names: dotted lower-case words; the operator allows letters, digits, '.', '_' and '-'. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

    static final RuleMeta CONFIG_INVALID = new RuleMeta("plugin.config-invalid",
            "A plugin setting would corrupt the generated configuration", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "Plugin settings become lines of neo4j.conf (key=value) or NEO4J_* environment variables. A key with "
                    + "spaces, '=' or other characters, or a value with a line break, would forge further "
                    + "settings or break the file, and Neo4j's strict validation refuses to start.",
            "Use setting names like apoc.export.file.enabled and single-line values.",
            "spec:\n  config:\n    apoc.export.file.enabled: \"true\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(CONFIG_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Map.Entry<String, Node> e : ctx.spec().get("config").fields().entrySet()) {
            Node value = e.getValue();
            if (!KEY.matcher(e.getKey()).matches()) {
                ctx.report(CONFIG_INVALID, value.path(), Messages.invalid(e.getKey(),
                        "setting names contain only letters, digits, '.', '_' and '-'"), "fix the setting name");
            }
            value.text().filter(v -> v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0).ifPresent(v ->
                    ctx.report(CONFIG_INVALID, value.path(), Messages.invalid(value.json(),
                            "values must be a single line"), "remove the line break"));
        }
    }
}
