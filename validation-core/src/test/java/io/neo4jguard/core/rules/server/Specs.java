package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.List;

/** Test objects from YAML text, and one check run over them. */
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

    static Resource parse(String kind, String spec) {
        StringBuilder b = new StringBuilder("apiVersion: neo4j.neo4j.com/v1beta1\nkind: " + kind
                + "\nmetadata:\n  name: graph\nspec:\n");
        for (String line : spec.stripIndent().split("\n", -1)) {
            b.append("  ").append(line).append('\n');
        }
        try {
            return new ManifestParser().parse("test.yaml", b.toString()).get(0);
        } catch (ReadException e) {
            throw new IllegalArgumentException(b.toString(), e);
        }
    }

    static List<Finding> run(Check check, Resource r) {
        RuleContext ctx = RuleContext.forTest(r, null, null, check);
        check.check(ctx);
        return ctx.reported();
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
