package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code spec.dependencies[]}: the other plugins this one needs, each with an optional version constraint. */
public final class PluginDependencyCheck implements Check {
    static final RuleMeta DEPENDENCY_INVALID = new RuleMeta("plugin.dependency-invalid",
            "A plugin dependency is malformed", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "Each dependency names another plugin the operator installs alongside this one. A dependency "
                    + "without a name, on the plugin itself, listed twice, or with a version constraint that is "
                    + "not a version range (>=5.26.0, ^2.10, 5.26.x) cannot be resolved.",
            "Give each dependency a name and, optionally, a constraint such as >=5.26.0.",
            "spec:\n  dependencies:\n    - name: apoc\n      versionConstraint: \">=5.26.0\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(DEPENDENCY_INVALID);
    }

    @Override
    public void check(RuleContext ctx) {
        String self = ctx.spec().get("name").text().map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        Map<String, Integer> seen = new HashMap<>();
        List<Node> deps = ctx.spec().get("dependencies").items();
        for (int i = 0; i < deps.size(); i++) {
            Node dep = deps.get(i);
            if (!dep.isObject()) {
                continue; // the schema reports the type
            }
            Node nameNode = dep.get("name");
            Optional<String> name = nameNode.text().map(String::trim).filter(s -> !s.isEmpty());
            if (name.isEmpty()) {
                ctx.report(DEPENDENCY_INVALID, nameNode.path(), Messages.required("the dependency's plugin name"),
                        "e.g. name: apoc");
            } else {
                String key = name.get().toLowerCase(Locale.ROOT);
                if (!self.isEmpty() && key.equals(self)) {
                    ctx.report(DEPENDENCY_INVALID, nameNode.path(), Messages.invalid(name.get(),
                            "a plugin cannot depend on itself"), "remove this dependency");
                }
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    ctx.report(DEPENDENCY_INVALID, nameNode.path(), Messages.duplicate(name.get())
                            + ": already listed as dependencies[" + first + "]", "merge the two entries");
                }
            }
            Node constraint = dep.get("versionConstraint");
            Optional<String> c = constraint.scalarText().filter(s -> !s.isBlank()); // "" means any version
            if (c.isPresent()) {
                VersionConstraint.problem(c.get()).ifPresent(p -> ctx.report(DEPENDENCY_INVALID, constraint.path(),
                        Messages.invalid(constraint.json(), p), "e.g. >=5.26.0, ^2.10 or 5.26.x"));
            }
        }
    }
}
