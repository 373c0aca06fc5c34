package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.rules.database.Fixtures.ids;
import static io.neo4jguard.core.rules.database.Fixtures.parse;
import static io.neo4jguard.core.rules.database.Fixtures.resolver;
import static io.neo4jguard.core.rules.database.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDuplicateCheckTest {
    private final DatabaseDuplicateCheck check = new DatabaseDuplicateCheck();

    private static Resource db(String object, String cluster, String name, String created) {
        return parse("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jDatabase\nmetadata:\n  name: " + object
                + "\n  namespace: default\n" + (created == null ? "" : "  creationTimestamp: \"" + created + "\"\n")
                + "spec:\n  clusterRef: " + cluster + "\n  name: " + name + "\n");
    }

    @Test
    void sameDatabaseOnSameClusterIsReported() {
        Resource a = db("a", "graph", "sales", null);
        Resource b = db("b", "graph", "Sales", null); // Neo4j folds names to lower case
        assertThat(ids(run(check, a, resolver(false, a, b)))).containsExactly("database.duplicate");
        assertThat(run(check, a, resolver(false, a, b)).get(0).message()).contains("Neo4jDatabase b");
    }

    @Test
    void otherClusterOtherNameOrSelfIsFine() {
        Resource a = db("a", "graph", "sales", null);
        assertThat(run(check, a, resolver(false, a, db("b", "other", "sales", null)))).isEmpty();
        assertThat(run(check, a, resolver(false, a, db("b", "graph", "sales2", null)))).isEmpty();
        assertThat(run(check, a, resolver(false, a))).isEmpty();
    }

    @Test
    void theOlderObjectKeepsTheDatabase() {
        Resource older = db("a", "graph", "sales", "2025-01-01T00:00:00Z");
        Resource newer = db("b", "graph", "sales", "2025-01-02T00:00:00Z");
        assertThat(run(check, older, resolver(true, older, newer))).isEmpty();
        assertThat(ids(run(check, newer, resolver(true, older, newer)))).containsExactly("database.duplicate");
        // Unknown age (no timestamp on this object): reported.
        Resource fresh = db("c", "graph", "sales", null);
        assertThat(ids(run(check, fresh, resolver(true, older, fresh)))).containsExactly("database.duplicate");
    }
}
