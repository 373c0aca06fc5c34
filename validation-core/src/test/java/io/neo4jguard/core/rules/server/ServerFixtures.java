package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds clusters and standalones from YAML text and runs one check on them. */
final class ServerFixtures {
    private ServerFixtures() {
    }

    /** A Neo4jEnterpriseCluster named graph whose spec is the given YAML (written from column 0). */
    static Resource cluster(String spec) {
        return object(Kinds.CLUSTER, "graph", spec);
    }

    static Resource standalone(String spec) {
        return object(Kinds.STANDALONE, "single", spec);
    }

    static Resource object(String kind, String name, String spec) {
        return parse("apiVersion: neo4j.neo4j.com/v1beta1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: ns\nspec:\n" + indent(spec));
    }

    static Resource parse(String yaml) {
        try {
            return new ManifestParser().parse("test.yaml", yaml).get(0);
        } catch (Exception e) {
            throw new AssertionError("bad test YAML: " + e.getMessage() + "\n" + yaml, e);
        }
    }

    static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n")) + "\n";
    }

    static List<Finding> run(Check check, Resource r) {
        return run(check, r, null, null);
    }

    static List<Finding> run(Check check, Resource r, Resource old, Resolver resolver) {
        RuleContext ctx = RuleContext.forTest(r, old, resolver, check);
        check.check(ctx);
        return ctx.reported();
    }

    static List<String> rules(List<Finding> fs) {
        return fs.stream().map(Finding::rule).toList();
    }

    /** "rule@field" for each finding: compact assertions on both. */
    static List<String> at(List<Finding> fs) {
        return fs.stream().map(f -> f.rule() + "@" + f.field()).toList();
    }

    /** A resolver that knows exactly the given objects (authoritative). */
    static Resolver resolver(Resource... objects) {
        List<Resource> all = new ArrayList<>(List.of(objects));
        return new Resolver() {
            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                return all.stream()
                        .filter(o -> o.kind().equals(kind) && ns(o).equals(namespace) && o.name().equals(name))
                        .findFirst().map(Resolution::found).orElse(Resolution.notFound());
            }

            @Override
            public List<Resource> list(String kind, String namespace) {
                return all.stream().filter(o -> o.kind().equals(kind) && ns(o).equals(namespace)).toList();
            }

            @Override
            public boolean authoritative() {
                return true;
            }
        };
    }

    private static String ns(Resource r) {
        return r.namespace().isEmpty() ? "default" : r.namespace();
    }
}
