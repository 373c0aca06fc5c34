package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.Manifests.one;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDuplicateCheckTest {
    private final DatabaseDuplicateCheck check = new DatabaseDuplicateCheck();

    private static Resource db(String object, String cluster, String name, String created) {
        return one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jDatabase\nmetadata:\n  name: " + object
                + "\n  namespace: default\n" + (created == null ? "" : "  creationTimestamp: \"" + created + "\"\n")
                + "spec:\n  clusterRef: " + cluster + "\n  name: " + name + "\n");
    }

    @Test
    void sameDatabaseOnSameClusterIsReported() {
        Resource a = db("a", "graph", "sales", null);
        Resource b = db("b", "graph", "Sales", null); // Neo4j folds names to lower case
        assertThat(ids(run(check, a, Resolvers.of(false, a, b)))).containsExactly("database.duplicate");
        assertThat(run(check, a, Resolvers.of(false, a, b)).get(0).message()).contains("Neo4jDatabase b");
    }

    @Test
    void otherClusterOtherNameOrSelfIsFine() {
        Resource a = db("a", "graph", "sales", null);
        assertThat(run(check, a, Resolvers.of(false, a, db("b", "other", "sales", null)))).isEmpty();
        assertThat(run(check, a, Resolvers.of(false, a, db("b", "graph", "sales2", null)))).isEmpty();
        assertThat(run(check, a, Resolvers.of(false, a))).isEmpty();
    }

    @Test
    void theOlderObjectKeepsTheDatabase() {
        Resource older = db("a", "graph", "sales", "2025-01-01T00:00:00Z");
        Resource newer = db("b", "graph", "sales", "2025-01-02T00:00:00Z");
        assertThat(run(check, older, Resolvers.of(true, older, newer))).isEmpty();
        assertThat(ids(run(check, newer, Resolvers.of(true, older, newer)))).containsExactly("database.duplicate");
        // Unknown age (no timestamp on this object): reported.
        Resource fresh = db("c", "graph", "sales", null);
        assertThat(ids(run(check, fresh, Resolvers.of(true, older, fresh)))).containsExactly("database.duplicate");
    }
}
