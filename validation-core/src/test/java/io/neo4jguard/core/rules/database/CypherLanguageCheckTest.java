package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.database.Fixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class CypherLanguageCheckTest {
    private final CypherLanguageCheck check = new CypherLanguageCheck();

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // the value itself
            "\"5\"        | -                  | -",
            "\"25\"       | -                  | -",
            "\"4\"        | -                  | database.cypher-language-invalid",
            "CYPHER_25    | -                  | database.cypher-language-invalid",
            "\"\"         | -                  | -",
            // the Cypher 25 gate: 2025.06 (Feature.CYPHER_25), both sides
            "\"25\"       | 5.26.0-enterprise  | database.cypher-language-version",
            "\"25\"       | 2025.05.0-enterprise | database.cypher-language-version",
            "\"25\"       | 2025.06.0-enterprise | -",
            "\"25\"       | 2026.08.1          | -",
            // "5": dropped on 5.26, unparseable clause on 2025.01-05, frozen from 2025.06
            "\"5\"        | 5.26.0-enterprise  | -",
            "\"5\"        | 2025.01.0-enterprise | database.cypher-language-version",
            "\"5\"        | 2025.05.0          | database.cypher-language-version",
            "\"5\"        | 2025.06.0          | database.cypher-5-frozen",
            // an unreadable tag cannot be gated
            "\"25\"       | latest             | -",
    })
    void languageAndGate(String value, String tag, String expected) {
        var db = object(Kinds.DATABASE, "db", "clusterRef: graph\nname: sales\ndefaultCypherLanguage: " + value);
        Resolver r = tag == null ? Resolver.NONE : Resolvers.of(false, cluster("graph", 3, tag));
        List<String> found = ids(run(check, db, r));
        assertThat(found).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }
}
