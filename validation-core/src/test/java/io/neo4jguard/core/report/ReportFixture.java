package io.neo4jguard.core.report;

import io.neo4jguard.core.TestChecks;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.testkit.Manifests;

import java.util.List;

/** A run with errors, a warning with a fix, a clean object and a Secret, from YAML through the real checks. */
final class ReportFixture {
    static final Validator VALIDATOR = Validator.of(TestChecks.all(), Policy.defaults());

    static final String CLUSTER_YAML = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph
              namespace: prod
            spec:
              topology:
                servers: 1
              config:
                server.memory.heap.max_size: 4Gi
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: admin}
            """;

    private ReportFixture() {
    }

    static Report report() {
        List<Resource> objects = TestChecks.concat(
                Manifests.parse("k8s/cluster.yaml", CLUSTER_YAML),
                Manifests.parse("k8s/ok.yaml", TestChecks.cluster("fine", null, 3)));
        return VALIDATOR.check(objects, List.of(), false);
    }

    /** One object whose findings carry every character a format must escape or drop. */
    static Report hostile() {
        Resource r = Manifests.parse("dir with space/<&>\"'.yaml", TestChecks.cluster("g", null, 3)).get(0);
        String nasty = "a <tag> & \"quote\" 'apos' \u0001ctl \u0000nul \uD800lone ]]> \u00e9\u4e2d\uD83D\uDE00\nnext";
        Finding error = new Finding("topology.test-min-servers", Severity.ERROR, "spec.topology.servers", nasty,
                nasty, new Location(r.file(), 7, 5), List.of());
        Finding warning = new Finding("memory.test-no-limit", Severity.WARNING, "", nasty, "",
                Location.UNKNOWN, List.of());
        return Report.of(List.of(new ObjectReport(r, List.of(error, warning))), 1, 0);
    }
}
