package io.neo4jguard.core.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Objects for tests, from YAML text as a user writes them (never assembled field by field). */
public final class Manifests {
    private Manifests() {
    }

    /** Every object of a YAML text; a text that does not parse fails the test with the parser's message. */
    public static List<Resource> parse(String file, String yaml) {
        try {
            return new ManifestParser().parse(file, yaml);
        } catch (ReadException e) {
            throw new AssertionError("test YAML does not parse: " + e.describe() + "\n" + yaml, e);
        }
    }

    public static List<Resource> parse(String yaml) {
        return parse("test.yaml", yaml);
    }

    /** The single object of a YAML text. */
    public static Resource one(String yaml) {
        List<Resource> all = parse(yaml);
        if (all.size() != 1) {
            throw new AssertionError("expected one object, got " + all.size() + "\n" + yaml);
        }
        return all.get(0);
    }

    /**
     * An object of one of our kinds: {@code spec} is YAML written from column 0 (or a text block, whose common
     * indentation is stripped) and is indented under {@code spec:}.
     */
    public static Resource object(String kind, String name, String namespace, String spec) {
        return one("apiVersion: " + Kinds.API_VERSION + "\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\nspec:\n" + indent(spec.stripIndent()));
    }

    /** Every line of {@code text} two spaces further in. */
    public static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n")) + "\n";
    }

    /** A Secret with string data (plain values, as a manifest would write them). */
    public static Resource secret(String name, String namespace, Map<String, String> stringData) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("apiVersion", "v1");
        tree.put("kind", "Secret");
        tree.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode data = tree.putObject("stringData");
        stringData.forEach(data::put);
        return Resource.of(tree);
    }
}
