package io.neo4jguard.core.rules.access;

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

/** Random users, roles and bindings never make an access check throw. */
class AccessChecksProperties {
    @Provide
    Arbitrary<Resource> users() {
        return Arbitraries.oneOf(Fixtures.randomObject(Kinds.USER), Fixtures.plausibleObject(Kinds.USER));
    }

    @Provide
    Arbitrary<Resource> roles() {
        return Arbitraries.oneOf(Fixtures.randomObject(Kinds.ROLE), Fixtures.plausibleObject(Kinds.ROLE));
    }

    @Provide
    Arbitrary<Resource> bindings() {
        return Arbitraries.oneOf(Fixtures.randomObject(Kinds.ROLE_BINDING), Fixtures.plausibleObject(Kinds.ROLE_BINDING));
    }

    @Provide
    Arbitrary<Resource> anyAccess() {
        return Arbitraries.oneOf(users(), roles(), bindings());
    }

    @Provide
    Arbitrary<Resolver> resolvers() {
        return Arbitraries.oneOf(Fixtures.randomResolver(), Fixtures.plausibleResolver());
    }

    /** Cypher-ish text: keywords, quotes, braces, separators and arbitrary strings mixed. */
    @Provide
    Arbitrary<String> privileges() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("GRANT", "DENY", "IMMUTABLE", "ROLE", "ON", "TO", "r", "`r`", "'x'", "\"y\"", "{", "}",
                        "(", ")", ";", "//", "/*", "*/", "*", ",", "$p", "`", "'", "\\", "\n", "\ud83d\ude00"),
                Arbitraries.strings().ofMaxLength(8));
        return token.list().ofMaxSize(14).map(ts -> String.join(" ", ts));
    }

    private static void neverThrows(Check check, Resource object, Resolver resolver) {
        if (!check.kinds().contains(object.kind())) {
            return; // the engine runs a check only on its own kinds (RuleContext refuses the others)
        }
        RuleContext ctx = RuleContext.forTest(object, null, resolver, check);
        check.check(ctx);
        assertThat(ctx.reported()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    @Property(tries = 300)
    void target(@ForAll("anyAccess") Resource o, @ForAll("resolvers") Resolver r) {
        neverThrows(new AccessTargetCheck(), o, r);
    }

    @Property(tries = 300)
    void enums(@ForAll("anyAccess") Resource o, @ForAll("resolvers") Resolver r) {
        neverThrows(new AccessEnumCheck(), o, r);
    }

    @Property(tries = 400)
    void userName(@ForAll("users") Resource u, @ForAll("resolvers") Resolver r) {
        neverThrows(new UserNameCheck(), u, r);
    }

    @Property(tries = 400)
    void userAuth(@ForAll("users") Resource u, @ForAll("resolvers") Resolver r) {
        neverThrows(new UserAuthCheck(), u, r);
    }

    @Property(tries = 400)
    void userPassword(@ForAll("users") Resource u, @ForAll("resolvers") Resolver r) {
        neverThrows(new UserPasswordCheck(), u, r);
    }

    @Property(tries = 400)
    void userHomeDatabase(@ForAll("users") Resource u, @ForAll("resolvers") Resolver r) {
        neverThrows(new UserHomeDatabaseCheck(), u, r);
    }

    @Property(tries = 300)
    void roleEntries(@ForAll("anyAccess") Resource o, @ForAll("resolvers") Resolver r) {
        neverThrows(new RoleEntriesCheck(), o, r);
    }

    @Property(tries = 400)
    void roleName(@ForAll("roles") Resource role, @ForAll("resolvers") Resolver r) {
        neverThrows(new RoleNameCheck(), role, r);
    }

    @Property(tries = 400)
    void privilegesInObjects(@ForAll("roles") Resource role, @ForAll("resolvers") Resolver r) {
        neverThrows(new PrivilegeCheck(), role, r);
    }

    @Property
    void privilegeTextNeverThrows(@ForAll("privileges") String privilege, @ForAll String role) {
        PrivilegeCheck.problem(privilege, role);
        PrivilegeCheck.problem(privilege, null);
    }

    @Property
    void anyStringNeverThrows(@ForAll String text) {
        CypherTokens.tokenize(text);
        PrivilegeCheck.problem(text, "r");
        Identifiers.roleReference(text);
        if (!text.isEmpty()) {
            Identifiers.usernameProblem(text);
            Identifiers.roleNameProblem(text);
        }
        Identifiers.databaseNameProblem(text);
    }

    @Property(tries = 400)
    void roleBinding(@ForAll("bindings") Resource b, @ForAll("resolvers") Resolver r) {
        neverThrows(new RoleBindingCheck(), b, r);
    }

    @Property(tries = 400)
    void roleBindingOverlap(@ForAll("bindings") Resource b, @ForAll("resolvers") Resolver r) {
        neverThrows(new RoleBindingOverlapCheck(), b, r);
    }
}
