package io.neo4jguard.core.rules.authrule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.testkit.Manifests;

import java.util.List;

/** Test objects for the auth-rule checks, built from YAML like users write them. */
final class AuthRules {
    private AuthRules() {
    }

    /** A Neo4jAuthRule named {@code analytics-team} with the given spec (YAML, indented by 2). */
    static Resource rule(String spec) {
        return Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jAuthRule
                metadata:
                  name: analytics-team
                  namespace: prod
                spec:
                """ + Manifests.indent(spec.stripIndent()));
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

    static List<Finding> errors(List<Finding> fs) {
        return fs.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    static Resource cluster(String name, String namespace, String tag) {
        return Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  image:
                    repo: neo4j
                    tag: "%s"
                """.formatted(name, namespace, tag));
    }
}
