package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRuleTargetCheckTest {
    private static final String SPEC = """
            clusterRef: prod-cluster
            condition: abac.oidc.user_attribute('department') = 'sales'
            grantedRoles: [reader]
            """;

    private static List<Finding> check(Resource rule, Resolver resolver) {
        return CheckRun.run(new AuthRuleTargetCheck(), rule, resolver);
    }

    private static Resolver clusterAt(String tag) {
        return Resolvers.of(true, AuthRules.cluster("prod-cluster", "prod", tag));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "5.26.0-enterprise, true",
            "5.26.12, true",
            "2025.12.1-enterprise, true",
            "2026.01.0, true",
            "2026.02.5-enterprise, true",
            "2026.03.0-enterprise, false",
            "2026.03, false",
            "2026.04.1-enterprise-ubi9, false",
            "2027.01.0, false",
    })
    void versionGateIs202603(String tag, boolean tooOld) {
        List<Finding> fs = check(AuthRules.rule(SPEC), clusterAt(tag));
        if (tooOld) {
            assertThat(fs).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("authrule.version-too-old");
                assertThat(f.field()).isEqualTo("spec.clusterRef");
                assertThat(f.message()).contains("2026.03", "Neo4jEnterpriseCluster/prod-cluster");
            });
        } else {
            assertThat(fs).isEmpty();
        }
    }

    @Test
    void standaloneTargetsAreResolvedToo() {
        Resource standalone = Manifests.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseStandalone
                metadata: {name: prod-cluster, namespace: prod}
                spec: {image: {repo: neo4j, tag: "5.26.3-enterprise"}}
                """).get(0);
        assertThat(check(AuthRules.rule(SPEC), Resolvers.of(true, standalone)))
                .extracting(Finding::rule).containsExactly("authrule.version-too-old");
    }

    @Test
    void missingClusterRefIsRequired() {
        assertThat(check(AuthRules.rule("grantedRoles: [reader]"), clusterAt("2026.03.0")))
                .extracting(Finding::rule).containsExactly("authrule.cluster-ref-required");
        assertThat(check(AuthRules.rule("clusterRef: \"  \""), clusterAt("2026.03.0")))
                .extracting(Finding::rule).containsExactly("authrule.cluster-ref-required");
    }

    @Test
    void unknownTargetIsReportedByTheSharedReferenceRules() {
        Resolver none = Resolvers.of(true);
        assertThat(check(AuthRules.rule(SPEC), none)).extracting(Finding::rule)
                .containsExactly("refs.target-missing");
        assertThat(check(AuthRules.rule(SPEC), Resolvers.of(false))).extracting(Finding::rule)
                .containsExactly("refs.target-not-in-run");
        // a target in another namespace is not the one referenced
        Resolver elsewhere = Resolvers.of(true, AuthRules.cluster("prod-cluster", "other", "5.26.0"));
        assertThat(check(AuthRules.rule(SPEC), elsewhere)).extracting(Finding::rule)
                .containsExactly("refs.target-missing");
    }

    @Test
    void unreadableTagIsLeftToTheImageRules() {
        assertThat(check(AuthRules.rule(SPEC), clusterAt("latest"))).isEmpty();
    }

    @ParameterizedTest(name = "user_tags on {0}: {1}")
    @CsvSource({"2026.03.0, true", "2026.05.2, true", "2026.06.0, false", "2026.08.1, false"})
    void nativeUserTagsNeed202606(String tag, boolean tooNew) {
        Resource rule = AuthRules.rule("""
                clusterRef: prod-cluster
                condition: "'admin' IN abac.native.user_tags() OR 'ops' IN ABAC.NATIVE.USER_TAGS()"
                """);
        List<Finding> fs = check(rule, clusterAt(tag));
        if (tooNew) {
            assertThat(fs).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("authrule.condition-function-too-new");
                assertThat(f.field()).isEqualTo("spec.condition");
                assertThat(f.message()).contains("2026.06");
            });
        } else {
            assertThat(fs).isEmpty();
        }
    }

    @Test
    void tooOldTargetIsOneFindingNotOnePerFunction() {
        Resource rule = AuthRules.rule("""
                clusterRef: prod-cluster
                condition: "'admin' IN abac.native.user_tags()"
                """);
        assertThat(check(rule, clusterAt("5.26.0"))).extracting(Finding::rule)
                .containsExactly("authrule.version-too-old");
    }
}
