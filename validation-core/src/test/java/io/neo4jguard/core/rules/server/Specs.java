package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.testkit.Manifests;

import java.util.List;

/** The checks of this package and test objects from YAML text (named graph, in namespace default). */
final class Specs {
    /** Every check of this package, as the integrator adds them to the catalog. */
    static final List<Check> ALL = List.of(new ConfigKeysCheck(), new ManagedConfigCheck(), new DeprecatedConfigCheck(),
            new MemoryCheck(), new TrustedCaSecretsCheck(), new ExtraVolumesCheck(), new MountsCheck());

    private Specs() {
    }

    /** A Neo4jEnterpriseCluster whose spec is the given YAML (indented as top-level text). */
    static Resource cluster(String spec) {
        return parse("Neo4jEnterpriseCluster", spec);
    }

    static Resource standalone(String spec) {
        return parse("Neo4jEnterpriseStandalone", spec);
    }

    /** An object named graph without a namespace (so in default), whose spec is the given YAML. */
    static Resource parse(String kind, String spec) {
        return Manifests.one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: " + kind + "\nmetadata:\n  name: graph\nspec:\n"
                + Manifests.indent(spec.stripIndent()));
    }
}
