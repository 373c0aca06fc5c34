package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.database.Fixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTargetCheckTest {
    private final DatabaseTargetCheck check = new DatabaseTargetCheck();

    @Test
    void clusterRefIsRequired() {
        assertThat(ids(run(check, object(Kinds.DATABASE, "db", "name: sales"))))
                .containsExactly("database.cluster-ref-required");
        List<Finding> blank = run(check, object(Kinds.DATABASE, "db", "clusterRef: \"  \"\nname: sales"));
        assertThat(blank).extracting(Finding::field).containsExactly("spec.clusterRef");
    }

    @Test
    void missingTargetIsAWarningInTheCliAndAnErrorWhenAuthoritative() {
        var db = object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales");
        assertThat(ids(run(check, db, Resolvers.of(false)))).containsExactly("refs.target-not-in-run");
        assertThat(ids(run(check, db, Resolvers.of(true)))).containsExactly("refs.target-missing");
    }

    @Test
    void clusterOrStandaloneResolves() {
        var db = object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales");
        assertThat(run(check, db, Resolvers.of(true, cluster("graph", 3, "5.26.0-enterprise")))).isEmpty();
        assertThat(run(check, db, Resolvers.of(true, standalone("graph", "2025.10.1-enterprise")))).isEmpty();
        // A target in another namespace does not count.
        var elsewhere = Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: other}
                spec: {topology: {servers: 3}}
                """);
        assertThat(ids(run(check, db, Resolvers.of(true, elsewhere)))).containsExactly("refs.target-missing");
    }
}
