package io.neo4jguard.core.rules;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.rules.refs.References;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    private final List<Check> checks = Catalog.standard();

    @Test
    void everyKindHasChecksAndTheEngineAcceptsTheCatalog() {
        Engine engine = new Engine(checks, Policy.defaults());
        for (String kind : Kinds.ALL) {
            assertThat(checks).as(kind).anyMatch(c -> c.kinds().contains(kind));
        }
        assertThat(engine.rules()).hasSizeGreaterThan(250);
    }

    @Test
    void atMostOneCheckPerKindResolvesTheTargetReference() {
        // Two checks resolving the same clusterRef would report every missing target twice.
        for (String kind : Kinds.ALL) {
            long resolvers = checks.stream()
                    .filter(c -> c.kinds().contains(kind))
                    .filter(c -> c.rules().containsAll(References.RULES))
                    .count();
            assertThat(resolvers).as(kind).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aCheckRunsOnlyOnKindsOneOfItsOwnRulesCovers() {
        for (Check c : checks) {
            Set<String> own = new HashSet<>();
            c.rules().stream().filter(r -> !References.RULES.contains(r)).map(RuleMeta::kinds).forEach(own::addAll);
            assertThat(own).as(c.getClass().getSimpleName()).containsAll(c.kinds());
        }
    }

    @Test
    void ruleIdsAreUniqueAcrossChecks() {
        Set<String> seen = new HashSet<>();
        for (Check c : checks) {
            for (RuleMeta r : c.rules()) {
                if (References.RULES.contains(r)) {
                    continue;
                }
                assertThat(seen.add(r.id())).as("duplicate rule id " + r.id()).isTrue();
            }
        }
    }
}
