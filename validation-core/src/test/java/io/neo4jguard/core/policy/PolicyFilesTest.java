package io.neo4jguard.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.TestChecks;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shipped policy files load, mean what their comments say, and name only real rules. */
class PolicyFilesTest {
    private static final Path POLICIES = RepositoryRoot.get().resolve("policies");

    /** Rules made up for every selector the file names, so its structure is checked before the catalog is. */
    private static List<RuleMeta> rulesNamedIn(Path file) throws Exception {
        Resource doc = Manifests.parse(file.toString(), Files.readString(file)).get(0);
        Set<String> selectors = new LinkedHashSet<>();
        doc.tree().path("rules").fieldNames().forEachRemaining(selectors::add);
        for (JsonNode e : doc.tree().path("exemptions")) {
            e.path("rules").forEach(r -> selectors.add(r.asText()));
        }
        selectors.remove(RuleSelectors.ALL);
        List<RuleMeta> out = new ArrayList<>();
        out.add(Engine.CHECK_FAILED);
        for (String s : selectors) {
            String id = s.contains(".") ? s : s + ".any";
            if (out.stream().noneMatch(r -> r.id().equals(id))) {
                out.add(new RuleMeta(id, "t", Severity.WARNING, Set.copyOf(Kinds.ALL), "r", "m", ""));
            }
        }
        return out;
    }

    private static Resource cluster(String namespace, String labels) {
        return Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: %s, labels: %s}
                """.formatted(namespace, labels));
    }

    @Test
    void defaultPolicyChangesNothing() throws Exception {
        Path file = POLICIES.resolve("default.yaml");
        Policy p = Policy.load(file, rulesNamedIn(file));
        assertThat(p.ruleSettings()).isEmpty();
        assertThat(p.exemptions()).isEmpty();
        assertThat(p.enforcement("anything")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.defaulting()).isEqualTo(DefaultsSettings.STANDARD);
        RuleMeta warning = TestChecks.NO_LIMIT;
        assertThat(Policy.load(file, TestChecks.allRules()).severityFor(warning, cluster("prod", "{}")))
                .contains(Severity.WARNING);
    }

    @Test
    void productionPolicyMeansWhatItsCommentsSay() throws Exception {
        Path file = POLICIES.resolve("production.yaml");
        List<RuleMeta> rules = rulesNamedIn(file);
        Policy p = Policy.load(file, rules);
        RuleMeta memoryWarning = rules.stream().filter(r -> r.id().equals("memory.any")).findFirst().orElseThrow();
        RuleMeta refs = rules.stream().filter(r -> r.id().equals("refs.target-not-in-run")).findFirst().orElseThrow();
        assertThat(p.severityFor(memoryWarning, cluster("prod", "{}"))).contains(Severity.ERROR);
        assertThat(p.severityFor(refs, cluster("prod", "{}"))).contains(Severity.ERROR);
        assertThat(p.severityFor(memoryWarning, cluster("loadtest-42", "{}"))).isEmpty();
        assertThat(p.severityFor(refs, cluster("loadtest-42", "{}"))).contains(Severity.ERROR);
        assertThat(p.severityFor(refs, cluster("prod", "{neo4j-guard.io/break-glass: \"true\"}"))).isEmpty();
        assertThat(p.defaulting().antiAffinity()).isEqualTo(DefaultsSettings.AntiAffinity.REQUIRED);
        assertThat(p.enforcement("prod")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.enforcement("new-team")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.enforcement("staging-eu")).isEqualTo(Enforcement.WARN);
        assertThat(p.enforcement("staging-prod-mirror")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.exemptions()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void shippedPoliciesNameOnlyRulesOfTheCatalog() throws Exception {
        Validator standard = Validator.standard();
        assumeTrue(standard.rules().size() > 1, "the rule catalog is empty in this build; nothing to check against");
        for (Iterator<Path> it = Files.list(POLICIES).filter(f -> f.toString().endsWith(".yaml")).sorted().iterator();
             it.hasNext(); ) {
            Path file = it.next();
            assertThat(Policy.load(file, standard.rules())).as(file.toString()).isNotNull();
        }
    }
}
