package io.neo4jguard.core.rules.authrule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.List;

/** Test objects for the auth-rule checks, built from YAML like users write them. */
final class AuthRules {
    private AuthRules() {
    }

    static List<Resource> parse(String yaml) {
        try {
            return new ManifestParser().parse("test.yaml", yaml);
        } catch (ReadException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Neo4jAuthRule named {@code analytics-team} with the given spec (YAML, indented by 2). */
    static Resource rule(String spec) {
        return parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jAuthRule
                metadata:
                  name: analytics-team
                  namespace: prod
                spec:
                """ + spec.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n")).get(0);
    }

    /** A rule whose condition is exactly {@code condition} (no YAML quoting in the way). */
    static Resource withCondition(String condition) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("apiVersion", Kinds.API_VERSION).put("kind", Kinds.AUTH_RULE);
        tree.putObject("metadata").put("name", "r").put("namespace", "prod");
        ObjectNode spec = tree.putObject("spec");
        spec.put("clusterRef", "prod-cluster").put("name", "r").put("condition", condition);
        spec.putArray("grantedRoles").add("reader");
        return Resource.of(tree);
    }

    static List<Finding> run(Check check, Resource r, Resolver resolver) {
        RuleContext ctx = RuleContext.forTest(r, null, resolver, check);
        check.check(ctx);
        return ctx.reported();
    }

    static List<Finding> run(Check check, Resource r) {
        return run(check, r, null);
    }

    static List<Finding> errors(List<Finding> fs) {
        return fs.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** A resolver over a fixed set of objects (the CLI's view of one run); authoritative like the webhook. */
    static Resolver resolverOf(boolean authoritative, Resource... objects) {
        return new Resolver() {
            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                for (Resource o : objects) {
                    if (o.kind().equals(kind) && o.name().equals(name)
                            && (o.namespace().isEmpty() ? "default" : o.namespace()).equals(namespace)) {
                        return Resolution.found(o);
                    }
                }
                return Resolution.notFound();
            }

            @Override
            public boolean authoritative() {
                return authoritative;
            }
        };
    }

    static Resource cluster(String name, String namespace, String tag) {
        return parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  image:
                    repo: neo4j
                    tag: "%s"
                """.formatted(name, namespace, tag)).get(0);
    }
}
