package io.neo4jguard.core.version;

import io.neo4jguard.core.units.Parsed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class Neo4jVersionProperties {
    @Property
    void orderIsTotalAndConsistentWithEqualsOnTheNumbers(@ForAll("versions") Neo4jVersion a,
                                                         @ForAll("versions") Neo4jVersion b,
                                                         @ForAll("versions") Neo4jVersion c) {
        boolean sameNumbers = a.major() == b.major() && a.minor() == b.minor() && a.patch() == b.patch();
        assertThat(a.compareTo(b) == 0).isEqualTo(sameNumbers);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
        }
        assertThat(a.compareTo(a)).isZero();
    }

    @Property
    void everyCalVerIsNewerThanAny5x(@ForAll("calver") Neo4jVersion calver, @ForAll("semver5") Neo4jVersion five) {
        assertThat(calver.compareTo(five)).isPositive();
        assertThat(calver.isCalVer()).isTrue();
        assertThat(five.isCalVer()).isFalse();
    }

    @Property
    void printedVersionParsesBackToTheSameNumbers(@ForAll("versions") Neo4jVersion v) {
        Parsed<Neo4jVersion> back = Neo4jVersion.parse(v.toString());
        assertThat(back.ok()).as(String.valueOf(back.error())).isTrue();
        assertThat(back.value().compareTo(v)).isZero();
        assertThat(back.value().hasPatch()).isEqualTo(v.hasPatch());
    }

    @Property(tries = 2000)
    void parseNeverThrows(@ForAll String tag) {
        Parsed<Neo4jVersion> p = Neo4jVersion.parse(tag);
        assertThat(p.ok() || !p.error().isBlank()).isTrue();
    }

    @Property(tries = 2000)
    void parseNeverThrowsOnTagLikeStrings(@ForAll("tagLike") String tag) {
        Parsed<Neo4jVersion> p = Neo4jVersion.parse(tag);
        assertThat(p.ok() || !p.error().isBlank()).isTrue();
        if (p.ok()) {
            assertThat(SupportedVersions.judge(p.value())).isNotNull();
            assertThat(SupportedVersions.explain(p.value())).isNotBlank();
            for (Feature f : Feature.values()) {
                f.supportedBy(p.value());
            }
        }
    }

    @Provide
    Arbitrary<Neo4jVersion> versions() {
        return Arbitraries.oneOf(calver(), semver5(), Combinators.combine(
                Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 9999), Arbitraries.of(true, false))
                .as((ma, mi, p, has) -> has ? Neo4jVersion.of(ma, mi, p) : Neo4jVersion.of(ma, mi)));
    }

    @Provide
    Arbitrary<Neo4jVersion> calver() {
        return Combinators.combine(Arbitraries.integers().between(2025, 9999), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 9999), Arbitraries.of("", "enterprise", "enterprise-ubi9"))
                .as((y, m, p, f) -> new Neo4jVersion(y, m, p, true, f));
    }

    @Provide
    Arbitrary<Neo4jVersion> semver5() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9999),
                Arbitraries.of(true, false)).as((mi, p, has) -> has ? Neo4jVersion.of(5, mi, p) : Neo4jVersion.of(5, mi));
    }

    @Provide
    Arbitrary<String> tagLike() {
        return Arbitraries.strings().withChars("0123456789.-@:/vVsha256abcdefentrpi \t\u0665\uFF15")
                .ofMaxLength(40);
    }
}
