package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Random specs and random targets never make a database check throw (each reports only rules it declares). */
class DatabaseChecksProperties {
    @Provide
    Arbitrary<Resource> databases() {
        return Arbitraries.oneOf(Fixtures.randomObject(Kinds.DATABASE), Fixtures.plausibleObject(Kinds.DATABASE));
    }

    @Provide
    Arbitrary<Resolver> resolvers() {
        return Arbitraries.oneOf(Fixtures.randomResolver(), Fixtures.plausibleResolver());
    }

    private static void neverThrows(Check check, Resource object, Resolver resolver) {
        RuleContext ctx = RuleContext.forTest(object, null, resolver, check);
        check.check(ctx);
        assertThat(ctx.reported()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    @Property(tries = 400)
    void target(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new DatabaseTargetCheck(), db, r);
    }

    @Property(tries = 400)
    void name(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new DatabaseNameCheck(), db, r);
    }

    @Property(tries = 400)
    void duplicate(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new DatabaseDuplicateCheck(), db, r);
    }

    @Property(tries = 400)
    void topology(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new DatabaseTopologyCheck(), db, r);
    }

    @Property(tries = 400)
    void cypherLanguage(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new CypherLanguageCheck(), db, r);
    }

    @Property(tries = 400)
    void seedUri(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new SeedUriCheck(), db, r);
    }

    @Property(tries = 400)
    void seedConfig(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new SeedConfigCheck(), db, r);
    }

    @Property(tries = 400)
    void seedCredentials(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new SeedCredentialsCheck(), db, r);
    }

    @Property(tries = 400)
    void options(@ForAll("databases") Resource db, @ForAll("resolvers") Resolver r) {
        neverThrows(new DatabaseOptionsCheck(), db, r);
    }

    @Property
    void seedUriAndRestoreUntilParsersNeverThrow(@ForAll String text) {
        SeedUri.parse(text);
        RestoreUntil.problem(text);
        RestoreUntil.problem("txId:" + text);
    }
}
