package io.neo4jguard.core.policy;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** policies/reconciler-lite.yaml relaxes exactly the operator-only rules to warnings, and nothing else. */
class ReconcilerLitePolicyTest {
    private static final Path FILE = io.neo4jguard.core.testkit.RepositoryRoot.get().resolve("policies/reconciler-lite.yaml");
    private static final List<RuleMeta> RULES = Validator.standard().rules();
    private static final Resource CLUSTER = io.neo4jguard.core.testkit.Manifests.one("""
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata: {name: graph, namespace: db}
            """);

    @Test
    void operatorOnlyRulesWarnAndEveryOtherRuleKeepsItsSeverity() throws Exception {
        Policy p = Policy.load(FILE, RULES);
        assertThat(RULES).filteredOn(RuleMeta::operatorOnly).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r.severity()).as(r.id()).isEqualTo(Severity.ERROR))
                .allSatisfy(r -> assertThat(p.severityFor(r, CLUSTER)).as(r.id()).contains(Severity.WARNING));
        assertThat(RULES).filteredOn(r -> !r.operatorOnly())
                .allSatisfy(r -> assertThat(p.severityFor(r, CLUSTER)).as(r.id()).contains(r.severity()));
    }

    @Test
    void aRuleIdOrConcernEntryWinsOverTheOperatorOnlySelector() throws Exception {
        RuleMeta memoryFloor = RULES.stream().filter(r -> r.id().equals("memory.operator-heap-floor"))
                .findFirst().orElseThrow();
        Policy concern = Policy.parse("p.yaml", "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\nrules:\n"
                + "  operator-only: warning\n  memory: error\n", RULES);
        assertThat(concern.severityFor(memoryFloor, CLUSTER)).contains(Severity.ERROR);
        Policy off = Policy.parse("p.yaml", "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\nrules:\n"
                + "  operator-only: off\n  memory.operator-heap-floor: warning\n", RULES);
        assertThat(off.severityFor(memoryFloor, CLUSTER)).contains(Severity.WARNING);
        RuleMeta overhead = RULES.stream().filter(r -> r.id().equals("memory.operator-overhead"))
                .findFirst().orElseThrow();
        assertThat(off.severityFor(overhead, CLUSTER)).isEmpty();
    }

    @Test
    void theSelectorIsKnownOnlyWhenSomeRuleIsOperatorOnly() {
        assertThat(RuleSelectors.known(RuleSelectors.OPERATOR_ONLY, RULES)).isTrue();
        assertThat(RuleSelectors.known(RuleSelectors.OPERATOR_ONLY,
                RULES.stream().filter(r -> !r.operatorOnly()).toList())).isFalse();
        assertThat(RuleSelectors.names(RULES)).contains(RuleSelectors.OPERATOR_ONLY);
    }
}
