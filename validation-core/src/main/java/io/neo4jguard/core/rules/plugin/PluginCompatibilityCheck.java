package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.version.Neo4jVersion;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin against {@link CompatibilityMatrix} and the target's Neo4j version. Warnings only: the matrix is
 * necessarily incomplete, and in Managed mode the image's entrypoint picks the release matching the server.
 */
public final class PluginCompatibilityCheck implements Check {
    static final RuleMeta UNKNOWN = new RuleMeta("plugin.compatibility-unknown",
            "No compatibility data for this plugin", Severity.WARNING, Set.of(Kinds.PLUGIN),
            "neo4j-guard keeps a table of known Neo4j plugins with their minimum versions (from the reference "
                    + "operator's table and the plugins' own documentation). For a plugin not in it, nothing "
                    + "checks that the release runs on the server's Neo4j version; a plugin built for another "
                    + "version can stop Neo4j from starting.",
            "Check the plugin's documentation for the Neo4j versions it supports.",
            "");

    static final RuleMeta DEPRECATED = new RuleMeta("plugin.deprecated",
            "The plugin is deprecated", Severity.WARNING, Set.of(Kinds.PLUGIN),
            "The plugin is no longer maintained for current Neo4j versions (neo4j-graph-algorithms was replaced "
                    + "by Graph Data Science).",
            "Move to the maintained successor, e.g. graph-data-science.",
            "spec:\n  name: graph-data-science");

    static final RuleMeta BELOW_MINIMUM = new RuleMeta("plugin.version-below-minimum",
            "The plugin version is older than the oldest release known to work", Severity.WARNING,
            Set.of(Kinds.PLUGIN),
            "The operator supports Neo4j 5.26 and CalVer releases; plugin releases older than the minimum in the "
                    + "compatibility table were built for earlier Neo4j versions and may fail to load.",
            "Use at least the minimum version listed in the message.",
            "spec:\n  name: graph-data-science\n  version: \"2.10.0\"");

    static final RuleMeta SERVER_MISMATCH = new RuleMeta("plugin.version-server-mismatch",
            "The plugin release is built for another Neo4j version than the target runs", Severity.WARNING,
            Set.of(Kinds.PLUGIN),
            "APOC and APOC Extended are built against Neo4j's internal APIs: their first two version numbers must "
                    + "match the server's (APOC 5.26.x for Neo4j 5.26, APOC 2025.10.x for Neo4j 2025.10). A "
                    + "mismatched JAR logs an incompatibility and its procedures may fail or not load.",
            "Set spec.version to the release matching the target's Neo4j version.",
            "# target runs neo4j:5.26.x-enterprise\nspec:\n  name: apoc\n  version: \"5.26.0\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(UNKNOWN, DEPRECATED, BELOW_MINIMUM, SERVER_MISMATCH);
    }

    @Override
    public void check(RuleContext ctx) {
        Node nameNode = ctx.spec().get("name");
        Optional<String> name = nameNode.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        Optional<CompatibilityMatrix.Entry> entry = CompatibilityMatrix.find(name.get());
        if (entry.isEmpty()) {
            ctx.report(UNKNOWN, nameNode.path(), Messages.invalid(name.get(),
                    "not in neo4j-guard's plugin compatibility table; compatibility with the server is not checked"),
                    "verify the plugin's supported Neo4j versions yourself");
            return;
        }
        CompatibilityMatrix.Entry e = entry.get();
        if (e.deprecated()) {
            ctx.report(DEPRECATED, nameNode.path(), Messages.invalid(name.get(), "deprecated plugin (" + e.source()
                    + ")"), "move to its maintained successor");
        }
        Node versionNode = ctx.spec().get("version");
        Optional<PluginVersion> version = versionNode.scalarText().flatMap(PluginVersion::parse);
        if (version.isEmpty()) {
            return;
        }
        Optional<PluginVersion> minimum = e.minimumVersion();
        if (minimum.isPresent() && version.get().compareTo(minimum.get()) < 0) {
            ctx.report(BELOW_MINIMUM, versionNode.path(), Messages.invalid(version.get().toString(),
                    e.name() + " " + minimum.get() + " or later is needed for supported Neo4j versions ("
                            + e.source() + ")"), "use " + e.name() + " " + minimum.get() + " or later");
        }
        if (e.tracksServerLine()) {
            Optional<Neo4jVersion> server = TargetVersion.of(ctx);
            if (server.isPresent()) {
                List<Integer> line = version.get().line();
                List<Integer> serverLine = List.of(server.get().major(), server.get().minor());
                if (!line.equals(serverLine)) {
                    ctx.report(SERVER_MISMATCH, versionNode.path(), Messages.invalid(version.get().toString(),
                            e.name() + " " + version.get() + " is built for Neo4j " + lineText(line)
                                    + " but the target runs " + server.get()),
                            "use " + e.name() + " " + server.get().line() + ".x");
                }
            }
        }
    }

    private static String lineText(List<Integer> line) {
        return line.size() == 1 ? String.valueOf(line.get(0)) : line.get(0) + "." + (line.get(0) >= 2025
                ? String.format("%02d", line.get(1)) : String.valueOf(line.get(1)));
    }
}
