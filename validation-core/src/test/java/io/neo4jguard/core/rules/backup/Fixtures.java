package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers of the backup and restore checks: running one check on a YAML text, a resolver over YAML texts, and
 * the YAML of their targets. Parsing and resolvers come from the test kit.
 */
final class Fixtures {
    private Fixtures() {
    }

    static List<Finding> run(Check check, String yaml) {
        return run(check, yaml, Resolver.NONE);
    }

    static List<Finding> run(Check check, String yaml, Resolver resolver) {
        return CheckRun.run(check, Manifests.one(yaml), resolver);
    }

    /** A resolver that knows exactly the objects of the given YAML texts. */
    static Resolver objects(boolean authoritative, String... yamls) {
        List<Resource> all = new ArrayList<>();
        for (String y : yamls) {
            all.addAll(Manifests.parse(y));
        }
        return Resolvers.of(authoritative, all);
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
