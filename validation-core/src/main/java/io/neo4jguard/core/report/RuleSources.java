package io.neo4jguard.core.report;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.rules.refs.References;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each rule is declared: the source file of the class whose static field holds its {@link RuleMeta},
 * relative to the repository root, so the rule reference leads from a rule to its code in one step. Found by
 * reflection over the checks' classes, plus the two classes that declare rules shared by many checks (the
 * engine's own rule and the reference rules).
 */
public final class RuleSources {
    /** Where validation-core's main sources live, relative to the repository root. */
    static final String CORE_SOURCES = "validation-core/src/main/java/";
    private static final String CORE_PACKAGE = "io.neo4jguard.core.";
    private static final List<Class<?>> SHARED = List.of(Engine.class, References.class);

    private RuleSources() {
    }

    /** Rule ID to source path; rules declared outside validation-core's main code have none. */
    public static Map<String, String> of(List<Check> checks) {
        List<Class<?>> classes = new ArrayList<>(SHARED);
        checks.forEach(c -> classes.add(c.getClass()));
        Map<String, String> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != RuleMeta.class) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    RuleMeta rule = (RuleMeta) f.get(null);
                    path(c).ifPresent(p -> out.putIfAbsent(rule.id(), p));
                } catch (IllegalAccessException | RuntimeException e) {
                    // A field we cannot read declares no rule we can point at; the rule is shown without a source.
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> path(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String name = top.getName();
        if (!name.startsWith(CORE_PACKAGE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CORE_SOURCES + name.replace('.', '/') + ".java");
    }
}
