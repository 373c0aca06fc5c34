package io.neo4jguard.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.RunResolver;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.read.ManifestParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@link Catalog#standard()} runs on data (issue 11): its documented good example
 * ({@link RuleMeta#example()}) merged onto a valid object of its kind gives no finding of that rule, and its bad
 * example (resources {@code io/neo4jguard/core/rules/examples/<concern>.yaml}, format in the README there) makes
 * it fire. The base objects ({@code base.yaml}) are valid, so a finding can only come from the example.
 */
class CatalogExamplesTest {
    private static final String DIR = "/io/neo4jguard/core/rules/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Rules no data can make fire, each with the reason: the bad example of these is code, not data.
     */
    private static final Map<String, String> NOT_DATA = Map.of(
            "engine.check-failed", "reported only when a check throws; ValidatorTest runs a broken check");

    private static final java.util.regex.Pattern ON_KIND = java.util.regex.Pattern.compile("# on the (\\w+)");

    /**
     * Fields of which an object sets one: an example that sets one replaces the base's choice (a backup of all
     * databases is not also a backup of one).
     */
    private static final Map<String, List<String>> ONE_OF = Map.of(
            Kinds.BACKUP, List.of("database", "allDatabases", "shardedDatabase"),
            Kinds.RESTORE, List.of("database", "allDatabases"));

    private static List<Resource> base;
    private static Map<String, RuleMeta> rules;
    private static Map<String, JsonNode> bad;

    @BeforeAll
    static void load() throws Exception {
        base = new ManifestParser().parse("base.yaml", read("base.yaml"));
        rules = new LinkedHashMap<>();
        for (Check c : Catalog.standard()) {
            c.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        }
        bad = new LinkedHashMap<>();
        for (String concern : new TreeSet<>(rules.values().stream().map(RuleMeta::concern).toList())) {
            Optional<String> text = readIfPresent(concern + ".yaml");
            if (text.isEmpty()) {
                continue;
            }
            JsonNode entries = yaml(text.get());
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                bad.put(e.getKey(), e.getValue());
            }
        }
    }

    @Test
    void theBaseObjectsAreClean() {
        List<String> findings = new ArrayList<>();
        for (Resource r : base) {
            if (r.isOurs()) {
                run(r, null, base, false, false).forEach(f -> findings.add(r.displayName() + " " + f.rule()
                        + " " + f.field() + ": " + f.message()));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void everyGoodExamplePassesItsRule() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (RuleMeta rule : rules.values()) {
            JsonNode example;
            try {
                example = yaml(rule.example());
            } catch (RuntimeException e) {
                failures.add(rule.id() + ": the example is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            if (!example.isObject()) {
                continue; // no example, or a fragment that is not an object (a comment only)
            }
            // The example is written for one kind: the one its first comment names ("# on the
            // Neo4jEnterpriseCluster:"), else the rule's first kind.
            java.util.regex.Matcher on = ON_KIND.matcher(rule.example());
            String kind = on.lookingAt() ? on.group(1)
                    : Kinds.ALL.stream().filter(rule::appliesTo).findFirst().orElseThrow();
            {
                ObjectNode tree = baseOf(kind).tree().deepCopy();
                oneOf(tree, example);
                Resource object = Resource.of(merge(tree, example));
                List<Finding> found = run(object, null, replace(base, object), false, false).stream()
                        .filter(f -> f.rule().equals(rule.id())).toList();
                checked++;
                found.forEach(f -> failures.add(rule.id() + " on " + kind + ": " + f.field() + ": " + f.message()));
            }
        }
        assertThat(checked).isGreaterThan(250);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRuleHasABadExampleThatMakesItFire() {
        List<String> missing = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (RuleMeta rule : rules.values()) {
            if (NOT_DATA.containsKey(rule.id())) {
                continue;
            }
            JsonNode entry = bad.get(rule.id());
            if (entry == null) {
                missing.add(rule.id());
                continue;
            }
            String kind = entry.path("kind").asText(Kinds.ALL.stream().filter(rule::appliesTo).findFirst()
                    .orElseThrow());
            ObjectNode tree = baseOf(kind).tree().deepCopy();
            entry.path("remove").forEach(p -> remove(tree, p.asText()));
            oneOf(tree, entry.path("bad"));
            Resource object = Resource.of(merge(tree, entry.path("bad")));
            Resource old = entry.has("old") ? Resource.of(merge(baseOf(kind).tree().deepCopy(), entry.get("old")))
                    : null;
            List<Resource> run = replace(base, object);
            for (JsonNode extra : entry.path("with")) {
                run.add(Resource.of((ObjectNode) extra.deepCopy()));
            }
            List<Finding> found = run(object, old, run, entry.path("strictRefs").asBoolean(false),
                    entry.path("unresolved").asBoolean(false));
            if (found.stream().noneMatch(f -> f.rule().equals(rule.id()))) {
                silent.add(rule.id() + " (found " + found.stream().map(Finding::rule).distinct().toList() + ")");
            }
        }
        assertThat(bad.keySet()).as("bad examples of rules that do not exist").isSubsetOf(rules.keySet());
        assertThat(silent).as("bad examples that do not make their rule fire").isEmpty();
        assertThat(missing).as("rules without a bad example").isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static List<Finding> run(Resource object, Resource old, List<Resource> objects, boolean strict,
                                     boolean unresolved) {
        Resolver resolver = unresolved ? new Resolver() {
            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                return Resolution.unknown("the API server did not answer");
            }

            @Override
            public boolean authoritative() {
                return false;
            }
        } : new RunResolver(objects, strict);
        return Validator.standard().validate(object, old, resolver);
    }

    private static Resource baseOf(String kind) {
        return base.stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("base.yaml has no " + kind));
    }

    /** The base objects with {@code object} in place of the base object of its kind. */
    private static List<Resource> replace(List<Resource> objects, Resource object) {
        List<Resource> out = new ArrayList<>();
        boolean replaced = false;
        for (Resource r : objects) {
            if (!replaced && r.kind().equals(object.kind())) {
                out.add(object);
                replaced = true;
            } else {
                out.add(r);
            }
        }
        if (!replaced) {
            out.add(object);
        }
        return out;
    }

    /** Maps merge key by key; anything else in {@code patch} replaces. */
    private static ObjectNode merge(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return target;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return target;
    }

    /** Removes the base's one-of fields when the example (or bad example) sets another of them. */
    private static void oneOf(ObjectNode tree, JsonNode patch) {
        List<String> group = ONE_OF.get(tree.path("kind").asText());
        JsonNode spec = patch.path("spec");
        if (group == null || !(tree.get("spec") instanceof ObjectNode baseSpec)
                || group.stream().noneMatch(spec::has)) {
            return;
        }
        group.stream().filter(f -> !spec.has(f)).forEach(baseSpec::remove);
    }

    private static void remove(ObjectNode tree, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode o) {
            o.remove(pointer.substring(slash + 1));
        }
    }

    private static JsonNode yaml(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(text);
        return JSON.valueToTree(loaded);
    }

    private static String read(String name) throws IOException {
        return readIfPresent(name).orElseThrow(() -> new IOException(DIR + name + " not found"));
    }

    private static Optional<String> readIfPresent(String name) throws IOException {
        try (InputStream in = CatalogExamplesTest.class.getResourceAsStream(DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
