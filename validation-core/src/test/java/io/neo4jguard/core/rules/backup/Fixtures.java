package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: objects from YAML text, a resolver over a set of objects, and running one check. */
final class Fixtures {
    private Fixtures() {
    }

    static List<Resource> parse(String yaml) {
        try {
            return new ManifestParser().parse("test.yaml", yaml);
        } catch (ReadException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Resource one(String yaml) {
        return parse(yaml).get(0);
    }

    static List<Finding> run(Check check, String yaml) {
        return run(check, yaml, Resolver.NONE);
    }

    static List<Finding> run(Check check, String yaml, Resolver resolver) {
        RuleContext ctx = RuleContext.forTest(one(yaml), null, resolver, check);
        check.check(ctx);
        return ctx.reported();
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::rule).collect(Collectors.toList());
    }

    static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::rule)
                .collect(Collectors.toList());
    }

    /** A resolver that knows exactly the given objects (namespace "default" when a manifest has none). */
    static Resolver objects(boolean authoritative, String... yamls) {
        List<Resource> all = new ArrayList<>();
        for (String y : yamls) {
            all.addAll(parse(y));
        }
        return of(authoritative, all);
    }

    static Resolver of(boolean authoritative, List<Resource> all) {
        return new Resolver() {
            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                for (Resource r : all) {
                    if (r.kind().equals(kind) && r.name().equals(name) && ns(r).equals(namespace)) {
                        return Resolution.found(r);
                    }
                }
                return Resolution.notFound();
            }

            @Override
            public List<Resource> list(String kind, String namespace) {
                return all.stream().filter(r -> r.kind().equals(kind) && ns(r).equals(namespace)).toList();
            }

            @Override
            public boolean authoritative() {
                return authoritative;
            }
        };
    }

    private static String ns(Resource r) {
        return r.namespace().isEmpty() ? "default" : r.namespace();
    }

    static String cluster(String name, String tag) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                spec:
                  image:
                    repo: neo4j
                    tag: "%s"
                  topology:
                    servers: 3
                """.formatted(name, tag);
    }

    static String standalone(String name, String tag) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseStandalone
                metadata:
                  name: %s
                spec:
                  image:
                    repo: neo4j
                    tag: "%s"
                """.formatted(name, tag);
    }
}
