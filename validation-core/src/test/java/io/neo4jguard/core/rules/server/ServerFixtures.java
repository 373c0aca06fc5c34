package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Manifests;

import java.util.List;

/**
 * Clusters and standalones of the server checks' tests, in namespace {@code ns}. Parsing, running a check and
 * resolvers come from the test kit.
 */
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
        return Manifests.object(kind, name, "ns", spec);
    }

    /** "rule@field" for each finding: compact assertions on both. */
    static List<String> at(List<Finding> fs) {
        return fs.stream().map(f -> f.rule() + "@" + f.field()).toList();
    }
}
