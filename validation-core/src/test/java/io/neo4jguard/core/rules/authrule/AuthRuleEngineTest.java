package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four checks together, through the engine, as the Catalog will run them. */
class AuthRuleEngineTest {
    private static final List<Check> CHECKS = List.of(new AuthRuleNameCheck(), new AuthRuleRolesCheck(),
            new AuthRuleTargetCheck(), new AuthRuleConditionCheck());

    private final Engine engine = new Engine(CHECKS, Policy.defaults());

    @Test
    void ruleIdsAreUnique() {
        assertThat(engine.rules()).extracting(r -> r.id()).doesNotHaveDuplicates()
                .contains("authrule.name-invalid", "authrule.condition-invalid", "authrule.version-too-old",
                        "refs.target-missing");
        assertThat(engine.rules()).filteredOn(r -> r.id().startsWith("authrule.")).hasSize(13);
    }

    @Test
    void otherKindsGetNoAuthRuleFindings() {
        Resource db = Manifests.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jDatabase
                metadata: {name: db, namespace: prod}
                spec: {name: "1 bad", clusterRef: ""}
                """).get(0);
        assertThat(engine.validate(db, null, Resolvers.of(true))).isEmpty();
    }

    @Test
    void everyProblemOfARuleIsReportedAtOnce() {
        Resource rule = Manifests.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jAuthRule
                metadata: {name: rule.with.dots, namespace: prod}
                spec:
                  clusterRef: prod-cluster
                  condition: abac.oidc.user_attribute('department') = 'sales' //
                  grantedRoles: [analytics-reader, reader, reader]
                """).get(0);
        List<Finding> fs = engine.validate(rule, null,
                Resolvers.of(true, AuthRules.cluster("prod-cluster", "prod", "5.26.0-enterprise")));
        assertThat(fs).extracting(Finding::rule).containsExactlyInAnyOrder("authrule.name-invalid",
                "authrule.granted-role-invalid", "authrule.granted-role-duplicate", "authrule.version-too-old",
                "authrule.condition-invalid");
        assertThat(fs).filteredOn(f -> f.rule().equals("authrule.condition-invalid")).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(6));
    }

    @Test
    void aGoodRuleOnA202603ClusterIsClean() {
        Resource rule = AuthRules.rule("""
                clusterRef: prod-cluster
                name: analytics_team
                condition: abac.oidc.user_attribute('department') = 'analytics'
                grantedRoles: [analytics_reader]
                enabled: false
                """);
        assertThat(engine.validate(rule, null,
                Resolvers.of(true, AuthRules.cluster("prod-cluster", "prod", "2026.03.0-enterprise"))))
                .isEmpty();
    }
}
