package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code spec.name} and {@code spec.version} of a Neo4jPlugin. */
public final class PluginIdentityCheck implements Check {
    /**
     * Plugin names go into the NEO4J_PLUGINS JSON list the Neo4j image's entrypoint reads (e.g.
     * {@code ["apoc","graph-data-science"]}) and into file names; every name it knows is lower-case letters,
     * digits, dots and dashes. Quotes, commas, spaces or slashes would corrupt that list or the path.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static final RuleMeta NAME_INVALID = new RuleMeta("plugin.name-invalid",
            "The plugin name is missing or not a plugin identifier", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "The operator merges spec.name into the NEO4J_PLUGINS list that the Neo4j image's entrypoint reads "
                    + "(for example [\"apoc\",\"graph-data-science\"]). An empty name installs nothing; a name with "
                    + "quotes, commas, spaces or slashes corrupts the list for every plugin of the server.",
            "Use the plugin's identifier: apoc, apoc-extended, graph-data-science, bloom, genai, n10s, ...",
            "spec:\n  name: graph-data-science");

    static final RuleMeta VERSION_REQUIRED = new RuleMeta("plugin.version-required",
            "The plugin version is missing", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "spec.version is required by the CRD and the operator: it records which release is installed and is "
                    + "what compatibility with the server is judged by.",
            "Set spec.version to the plugin release, e.g. 5.26.0 for APOC on Neo4j 5.26.",
            "spec:\n  version: \"5.26.0\"");

    static final RuleMeta VERSION_FORMAT = new RuleMeta("plugin.version-format",
            "The plugin version is not a release number", Severity.WARNING, Set.of(Kinds.PLUGIN),
            "Plugin releases are numbered (5.26.0, 2.10.0, 2025.01.0). A version such as 'latest' or a typo "
                    + "cannot be checked against the server's Neo4j version, and a floating version makes the "
                    + "installed release change under the same object.",
            "Pin a release number.",
            "spec:\n  version: \"2.10.0\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(NAME_INVALID, VERSION_REQUIRED, VERSION_FORMAT);
    }

    @Override
    public void check(RuleContext ctx) {
        Node name = ctx.spec().get("name");
        Optional<String> n = name.text().map(String::trim);
        if (n.isEmpty() || n.get().isEmpty()) {
            if (!name.present() || name.isText()) {
                ctx.report(NAME_INVALID, name.path(), Messages.required("the plugin's name, e.g. apoc"),
                        "set spec.name");
            }
        } else if (!NAME.matcher(n.get()).matches()) {
            ctx.report(NAME_INVALID, name.path(), Messages.invalid(n.get(),
                    "plugin names contain only letters, digits, '.', '_' and '-'"), "use the plugin's identifier");
        }
        Node version = ctx.spec().get("version");
        Optional<String> v = version.scalarText().map(String::trim);
        if (v.isEmpty() || v.get().isEmpty()) {
            if (!version.present() || version.isText()) {
                ctx.report(VERSION_REQUIRED, version.path(), Messages.required("the plugin's version"),
                        "set spec.version, e.g. \"5.26.0\"");
            }
        } else if (PluginVersion.parse(v.get()).isEmpty()) {
            ctx.report(VERSION_FORMAT, version.path(), Messages.invalid(v.get(),
                    "expected a release number such as 5.26.0"), "pin a release number");
        }
    }
}
