package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.database.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Random specs and random targets never make a plugin check throw. */
class PluginChecksProperties {
    @Provide
    Arbitrary<Resource> plugins() {
        return Arbitraries.oneOf(Fixtures.randomObject(Kinds.PLUGIN), Fixtures.plausibleObject(Kinds.PLUGIN));
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
    void target(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginTargetCheck(), p, r);
    }

    @Property(tries = 400)
    void identity(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginIdentityCheck(), p, r);
    }

    @Property(tries = 400)
    void duplicate(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginDuplicateCheck(), p, r);
    }

    @Property(tries = 400)
    void source(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginSourceCheck(), p, r);
    }

    @Property(tries = 400)
    void dependencies(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginDependencyCheck(), p, r);
    }

    @Property(tries = 400)
    void security(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginSecurityCheck(), p, r);
    }

    @Property(tries = 400)
    void compatibility(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginCompatibilityCheck(), p, r);
    }

    @Property(tries = 400)
    void resources(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginResourcesCheck(), p, r);
    }

    @Property(tries = 400)
    void config(@ForAll("plugins") Resource p, @ForAll("resolvers") Resolver r) {
        neverThrows(new PluginConfigCheck(), p, r);
    }

    @Property
    void versionParsersNeverThrow(@ForAll String text) {
        VersionConstraint.problem(text);
        PluginVersion.parse(text);
        PluginSourceCheck.urlProblem(text);
    }
}
