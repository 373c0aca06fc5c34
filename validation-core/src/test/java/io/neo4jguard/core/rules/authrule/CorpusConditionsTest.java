package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Neo4jAuthRule examples shipped with the operator (read in place from the shared corpus, never copied)
 * must pass the condition, name and role checks. The corpus lives outside the repository: set
 * {@code -Dneo4jguard.corpus=<dir>}; without it the test is skipped.
 */
class CorpusConditionsTest {
    private static final Path CORPUS = Path.of(System.getProperty("neo4jguard.corpus",
            "/work/shared/corpus/neo4j-operator-examples"));

    private static List<Resource> read(String relative) throws IOException {
        Path p = CORPUS.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "corpus not available at " + p);
        return Manifests.parse(Files.readString(p));
    }

    private static List<Finding> errors(Resource r, Resolver resolver, Check... checks) {
        List<Finding> out = new ArrayList<>();
        for (Check c : checks) {
            out.addAll(AuthRules.errors(CheckRun.run(c, r, resolver)));
        }
        return out;
    }

    @Test
    void abacExamplesPass() throws IOException {
        List<Resource> rules = read("examples/users-roles/07-authrule-abac.yaml").stream()
                .filter(r -> r.kind().equals(Kinds.AUTH_RULE)).toList();
        assertThat(rules).hasSize(4);
        for (Resource r : rules) {
            assertThat(errors(r, null, new AuthRuleConditionCheck(), new AuthRuleNameCheck(),
                    new AuthRuleRolesCheck())).as(r.name()).isEmpty();
            assertThat(CheckRun.run(new AuthRuleConditionCheck(), r)).as(r.name()).isEmpty();
        }
    }

    @Test
    void sampleConditionPassesAndItsTargetIsTooOld() throws IOException {
        Resource rule = read("config/samples/neo4j_v1beta1_neo4jauthrule.yaml").get(0);
        assertThat(CheckRun.run(new AuthRuleConditionCheck(), rule)).isEmpty();
        assertThat(errors(rule, null, new AuthRuleNameCheck(), new AuthRuleRolesCheck())).isEmpty();

        // Checked together with the other samples, it targets the 5.26.0 sample cluster (the reference operator's example manifests).
        List<Resource> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("config/samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                samples.addAll(Manifests.parse(Files.readString(f)));
            }
        }
        Resolver run = Resolvers.of(false, samples.toArray(Resource[]::new));
        assertThat(CheckRun.run(new AuthRuleTargetCheck(), rule, run))
                .filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::rule).containsExactly("authrule.version-too-old");
    }
}
