package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.rules.database.Fixtures.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.rules.database.Fixtures.resolver;
import static io.neo4jguard.core.rules.database.Fixtures.run;
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
        assertThat(ids(run(check, db, resolver(false)))).containsExactly("refs.target-not-in-run");
        assertThat(ids(run(check, db, resolver(true)))).containsExactly("refs.target-missing");
    }

    @Test
    void clusterOrStandaloneResolves() {
        var db = object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales");
        assertThat(run(check, db, resolver(true, cluster("graph", 3, "5.26.0-enterprise")))).isEmpty();
        assertThat(run(check, db, resolver(true, standalone("graph", "2025.10.1-enterprise")))).isEmpty();
        // A target in another namespace does not count.
        var elsewhere = Fixtures.parse("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: other}
                spec: {topology: {servers: 3}}
                """);
        assertThat(ids(run(check, db, resolver(true, elsewhere)))).containsExactly("refs.target-missing");
    }
}
