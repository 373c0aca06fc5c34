package io.neo4jguard.core;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.policy.PolicyException;
import io.neo4jguard.core.report.ObjectReport;
import io.neo4jguard.core.report.Report;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatorTest {
    private final Validator validator = Validator.of(TestChecks.all(), Policy.defaults());

    @Test
    void standardValidatorRunsTheCatalogAndKnowsTheEngineRule() {
        Validator v = Validator.standard();
        assertThat(v.rule(Engine.CHECK_FAILED.id())).isPresent();
        assertThat(v.policy()).isSameAs(Policy.defaults());
    }

    @Test
    void validatesOneObjectAndReportsEveryProblem() {
        Resource r = Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: g}
                spec:
                  topology: {servers: 1}
                  config: {server.memory.heap.max_size: 4Gi}
                """);
        List<Finding> findings = validator.validate(r, null, null);
        assertThat(findings).extracting(Finding::rule).containsExactly(
                "memory.test-heap-syntax", "topology.test-min-servers", "memory.test-no-limit");
        assertThat(findings.get(1).location().line()).isEqualTo(5);
    }

    @Test
    void objectsThatAreNotOursAreContextNotValidated() {
        Report report = validator.check(Manifests.parse("a.yaml", TestChecks.cluster("g", null, 1)
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
                + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"), List.of(), false);
        assertThat(report.objects()).extracting(o -> o.resource().kind()).containsExactly("Neo4jEnterpriseCluster");
        assertThat(report.summary().skipped()).isEqualTo(2);
        assertThat(report.summary().objects()).isEqualTo(1);
        assertThat(report.summary().files()).isEqualTo(1);
        assertThat(report.summary().errors()).isEqualTo(1);
        assertThat(report.hasFindingsAtLeast(Severity.ERROR)).isTrue();
    }

    @Test
    void referencesResolveAcrossFilesOfTheRun() {
        List<Resource> objects = TestChecks.concat(
                Manifests.parse("db.yaml", TestChecks.database("sales", null, "graph")),
                Manifests.parse("cluster.yaml", TestChecks.cluster("graph", "default", 3)));
        Report report = validator.check(objects, List.of(), true);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void strictRefsTurnsAMissingTargetFromWarningIntoError() {
        List<Resource> objects = Manifests.parse("db.yaml", TestChecks.database("sales", "prod", "graph"));
        Finding lenient = validator.check(objects, List.of(), false).findings().findFirst().orElseThrow();
        Finding strict = validator.check(objects, List.of(), true).findings().findFirst().orElseThrow();
        assertThat(lenient.rule()).isEqualTo(References.TARGET_NOT_IN_RUN.id());
        assertThat(lenient.severity()).isEqualTo(Severity.WARNING);
        assertThat(strict.rule()).isEqualTo(References.TARGET_MISSING.id());
        assertThat(strict.severity()).isEqualTo(Severity.ERROR);
        assertThat(strict.field()).isEqualTo("spec.clusterRef");
    }

    @Test
    void oldObjectsMakeAnUpdateMatchedByKindNamespaceAndNameWithDefaultNamespace() {
        List<Resource> now = Manifests.parse("new.yaml", TestChecks.cluster("graph", null, 3)
                + "---\n" + TestChecks.cluster("other", "prod", 3));
        List<Resource> before = Manifests.parse("old.yaml", TestChecks.cluster("graph", "default", 6)
                + "---\n" + TestChecks.cluster("other", "staging", 6));
        Report report = validator.check(now, before, false);
        assertThat(report.objects()).extracting(o -> o.resource().name() + ":"
                        + o.findings().stream().map(Finding::rule).toList())
                .containsExactly("graph:[topology.test-scale-down]", "other:[]");
        assertThat(validator.check(now, List.of(), false).findings()).isEmpty();
    }

    @Test
    void aThrowingCheckBecomesAFindingNotACrash() {
        Validator v = Validator.of(List.of(new TestChecks.Broken()), Policy.defaults());
        Report report = v.check(Manifests.parse("p.yaml", """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jPlugin
                metadata: {name: apoc}
                """), List.of(), false);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("engine.check-failed");
            assertThat(f.message()).contains("Broken failed: IllegalStateException: boom");
        });
    }

    @Test
    void policyFileIsCheckedAgainstTheValidatorsRules(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\nrules:\n  memory: off\n");
        Validator relaxed = validator.withPolicyFile(good);
        Resource r = Manifests.one(TestChecks.cluster("g", null, 1).replace("limits: {memory: 8Gi}", "{}"));
        assertThat(validator.validate(r, null, Resolver.NONE)).extracting(Finding::rule)
                .contains("memory.test-no-limit");
        assertThat(relaxed.validate(r, null, Resolver.NONE)).extracting(Finding::rule)
                .containsExactly("topology.test-min-servers");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\nrules:\n  tls: off\n");
        assertThatThrownBy(() -> validator.withPolicyFile(bad))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("bad.yaml:4:3");
    }

    @Test
    void reportListsObjectsInSourceOrder() {
        List<Resource> objects = TestChecks.concat(
                Manifests.parse("b.yaml", TestChecks.cluster("c3", null, 3)),
                Manifests.parse("a.yaml", TestChecks.cluster("c2", null, 3) + "---\n"
                        + TestChecks.cluster("c1", null, 3)));
        assertThat(validator.check(objects, null, false).objects())
                .extracting(ObjectReport::qualifiedName)
                .containsExactly("Neo4jEnterpriseCluster/default/c2", "Neo4jEnterpriseCluster/default/c1",
                        "Neo4jEnterpriseCluster/default/c3");
    }
}
