package io.neo4jguard.core;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunResolverTest {
    private final List<Resource> run = Manifests.parse("run.yaml", TestChecks.cluster("graph", null, 3)
            + "---\n" + TestChecks.cluster("other", "prod", 3)
            + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: admin, namespace: prod}\n"
            + "---\napiVersion: example.com/v1\nkind: Neo4jEnterpriseStandalone\nmetadata: {name: impostor}\n");

    @Test
    void findsObjectsOfAnyKindWithMissingNamespaceAsDefault() {
        RunResolver r = new RunResolver(run, false);
        assertThat(r.resolve(Kinds.CLUSTER, "default", "graph").status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(r.resolve(Kinds.CLUSTER, "", "graph").status()).isEqualTo(Resolution.Status.FOUND);
        assertThat(r.resolve(Kinds.CLUSTER, "prod", "graph").status()).isEqualTo(Resolution.Status.NOT_FOUND);
        assertThat(r.resolve("Secret", "prod", "admin").object()).hasValueSatisfying(s ->
                assertThat(s.kind()).isEqualTo("Secret"));
        assertThat(r.resolveServer("prod", "other").object().map(Resource::name)).contains("other");
        assertThat(r.list(Kinds.CLUSTER, "default")).extracting(Resource::name).containsExactly("graph");
        assertThat(r.list("ConfigMap", "default")).isEmpty();
    }

    @Test
    void ourKindUnderAForeignGroupIsNotAReferenceTarget() {
        RunResolver r = new RunResolver(run, false);
        assertThat(r.resolve(Kinds.STANDALONE, "default", "impostor").status())
                .isEqualTo(Resolution.Status.NOT_FOUND);
    }

    @Test
    void authoritativeOnlyWhenAsked() {
        assertThat(new RunResolver(run, false).authoritative()).isFalse();
        assertThat(new RunResolver(run, true).authoritative()).isTrue();
    }

    @Test
    void aDuplicateResolvesToTheFirstInRunOrderWhateverTheInputOrder() {
        List<Resource> a = Manifests.parse("a.yaml", TestChecks.cluster("graph", null, 3));
        List<Resource> b = Manifests.parse("b.yaml", TestChecks.cluster("graph", null, 5));
        Resource first = new RunResolver(TestChecks.concat(a, b), false).resolve(Kinds.CLUSTER, "", "graph")
                .object().orElseThrow();
        Resource reversed = new RunResolver(TestChecks.concat(b, a), false).resolve(Kinds.CLUSTER, "", "graph")
                .object().orElseThrow();
        assertThat(first.file()).isEqualTo("a.yaml");
        assertThat(reversed.file()).isEqualTo("a.yaml");
        assertThat(new RunResolver(TestChecks.concat(b, a), false).list(Kinds.CLUSTER, "default")).hasSize(1);
    }
}
