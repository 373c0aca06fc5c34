package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enumerated fields of the access kinds (the operator's CRD enums, repeated here so the CLI catches them
 * without a schema and with a hint): Neo4jUser {@code accountStatus} and {@code deletionPolicy}, Neo4jRole
 * {@code deletionPolicy}, Neo4jRoleBinding {@code deletionPolicy}.
 */
public final class AccessEnumCheck implements Check {
    private static final Map<String, Map<String, List<String>>> ENUMS = Map.of(
            Kinds.USER, Map.of("accountStatus", List.of("active", "suspended"),
                    "deletionPolicy", List.of("Delete", "Retain")),
            Kinds.ROLE, Map.of("deletionPolicy", List.of("Delete", "Retain")),
            Kinds.ROLE_BINDING, Map.of("deletionPolicy", List.of("Revoke", "Retain")));

    static final RuleMeta ENUM_UNSUPPORTED = new RuleMeta("access.enum-unsupported",
            "A user, role or binding field has a value outside its allowed set", Severity.ERROR,
            Set.of(Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING),
            "accountStatus is active or suspended; deletionPolicy is Delete or Retain for users and roles and "
                    + "Revoke or Retain for role bindings (what happens in Neo4j when the object is deleted). The "
                    + "values are case-sensitive; others are refused.",
            "Use one of the listed values, spelt exactly.",
            "spec:\n  accountStatus: active\n  deletionPolicy: Retain");

    @Override
    public List<RuleMeta> rules() {
        return List.of(ENUM_UNSUPPORTED);
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, List<String>> fields = ENUMS.getOrDefault(ctx.kind(), Map.of());
        for (String field : List.of("accountStatus", "deletionPolicy")) {
            List<String> allowed = fields.get(field);
            if (allowed == null) {
                continue;
            }
            Node node = ctx.spec().get(field);
            Optional<String> v = node.text().filter(s -> !s.isEmpty());
            if (v.isPresent() && !allowed.contains(v.get())) {
                String hint = allowed.stream().filter(a -> a.equalsIgnoreCase(v.get().trim())).findFirst()
                        .map(a -> "write " + a + " (case-sensitive)").orElse("one of " + String.join(", ", allowed));
                ctx.report(ENUM_UNSUPPORTED, node.path(), Messages.notSupported(v.get(), allowed), hint);
            }
        }
    }
}
