package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class NameLengthCheckTest {
    private final NameLengthCheck check = new NameLengthCheck();

    private static Resource named(String kind, String name) {
        return ServerFixtures.object(kind, name, "acceptLicenseAgreement: \"yes\"");
    }

    private static String name(int length) {
        return "g" + "a".repeat(length - 1);
    }

    @ParameterizedTest(name = "{0} of {1} characters: {2}")
    @CsvSource({
            // kind, length, expected rule ("" = none)
            "Neo4jEnterpriseCluster, 1, ''",
            "Neo4jEnterpriseCluster, 45, ''",
            "Neo4jEnterpriseCluster, 46, names.statefulset-name-too-long",
            "Neo4jEnterpriseCluster, 56, names.statefulset-name-too-long",
            "Neo4jEnterpriseCluster, 57, names.too-long",
            "Neo4jEnterpriseCluster, 63, names.too-long",
            "Neo4jEnterpriseStandalone, 52, ''",
            "Neo4jEnterpriseStandalone, 53, names.statefulset-name-too-long",
            "Neo4jEnterpriseStandalone, 63, names.statefulset-name-too-long",
            "Neo4jEnterpriseStandalone, 64, names.too-long",
    })
    void lengthLimits(String kind, int length, String rule) {
        List<Finding> fs = run(check, named(kind, name(length)));
        if (rule.isEmpty()) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(fs).extracting(Finding::rule).containsExactly(rule);
            assertThat(fs.get(0).field()).isEqualTo("metadata.name");
        }
    }

    @Test
    void tooLongMessageNamesTheDerivedLimit() {
        Finding f = run(check, named(Kinds.CLUSTER, name(57))).get(0);
        assertThat(f.message()).startsWith("Too long: ").contains("may not be more than 56 characters")
                .contains("<name>-server");
        assertThat(f.hint()).contains("45");
        Finding g = run(check, named(Kinds.CLUSTER, name(50))).get(0);
        assertThat(g.message()).contains("may not be more than 45 characters").contains("controller-revision-hash");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "graph, true",
            "graph-prod-1, true",
            "g, true",
            "1graph, false",
            "Graph, false",
            "graph.prod, false",
            "graph-, false",
            "gra_ph, false",
    })
    void dnsLabelGrammar(String name, boolean ok) {
        List<Finding> fs = run(check, named(Kinds.CLUSTER, name));
        if (ok) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(fs).extracting(Finding::rule).containsExactly("names.dns-label");
            assertThat(fs.get(0).message()).contains("DNS-1035 label");
        }
    }

    @Test
    void suggestsALowerCaseName() {
        Finding f = run(check, named(Kinds.STANDALONE, "My.Graph")).get(0);
        assertThat(f.hint()).contains("\"my-graph\"");
    }

    @Test
    void noNameNoFinding() {
        Resource r = Manifests.one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jEnterpriseCluster\n"
                + "metadata: {generateName: g-}\n");
        assertThat(run(check, r)).isEmpty();
    }
}
