package io.neo4jguard.core.version;

import io.neo4jguard.core.units.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Neo4jVersionTest {
    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // tag                                 | major | minor | patch | hasPatch | flavour           | toString
            "5.26.0-enterprise                     | 5     | 26    | 0     | true     | enterprise        | 5.26.0",
            "5.26.30                               | 5     | 26    | 30    | true     | ''                | 5.26.30",
            "5.26                                  | 5     | 26    | 0     | false    | ''                | 5.26",
            "2025.10.1-enterprise-ubi9             | 2025  | 10    | 1     | true     | enterprise-ubi9   | 2025.10.1",
            "2026.04                               | 2026  | 4     | 0     | false    | ''                | 2026.04",
            "2025.01.0-enterprise-trixie           | 2025  | 1     | 0     | true     | enterprise-trixie | 2025.01.0",
            "2025.1.0                              | 2025  | 1     | 0     | true     | ''                | 2025.01.0",
            "4.4.12-enterprise                     | 4     | 4     | 12    | true     | enterprise        | 4.4.12",
            "5.26.0-community                      | 5     | 26    | 0     | true     | community         | 5.26.0",
    })
    void parsesOfficialTagShapes(String tag, int major, int minor, int patch, boolean hasPatch, String flavour,
                                 String printed) {
        Parsed<Neo4jVersion> p = Neo4jVersion.parse(tag);
        assertThat(p.ok()).as(String.valueOf(p.error())).isTrue();
        assertThat(p.value()).isEqualTo(new Neo4jVersion(major, minor, patch, hasPatch, flavour));
        assertThat(p.value().toString()).isEqualTo(printed);
    }

    @Test
    void digestAfterTheTagIsAcceptedAndIgnored() {
        Parsed<Neo4jVersion> p = Neo4jVersion.parse("5.26.0-enterprise" + DIGEST);
        assertThat(p.value()).isEqualTo(Neo4jVersion.parse("5.26.0-enterprise").value());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "v5.26.0-enterprise         | no leading v; write 5.26.0-enterprise",
            "V2025.10.1                 | write 2025.10.1",
            "latest                     | floating tag",
            "enterprise                 | floating tag",
            "5-enterprise               | floating tag",
            "2025                       | floating tag",
            "neo4j:5.26.0-enterprise    | whole image reference",
            "docker.io/neo4j            | whole image reference",
            "'5.26.0 '                  | whitespace",
            "'5.26.0\t'                 | whitespace",
            "5.26.0@sha256:xyz          | malformed digest",
            "@sha256:0123456789abcdef0123456789abcdef | only a digest",
            "banana                     | not a Neo4j version tag",
            "5.26.0-ent erprise         | whitespace",
            "5.26.0-ent/erprise         | whole image reference",
            "5.26.0-ent+erprise         | not a Neo4j version tag",
            "5..26                      | not a Neo4j version tag",
            "5.26.0.1                   | not a Neo4j version tag",
            "12345.1                    | not a Neo4j version tag",
            "5.123                      | not a Neo4j version tag",
            "5.26.12345                 | not a Neo4j version tag",
            "５.26.0                     | not a Neo4j version tag",
            "-5.26                      | not a Neo4j version tag",
    })
    void refusesWithAReason(String tag, String reason) {
        Parsed<Neo4jVersion> p = Neo4jVersion.parse(tag);
        assertThat(p.ok()).as("accepted as %s", p.value()).isFalse();
        assertThat(p.error()).contains(reason);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\t"})
    void emptyIsAnError(String tag) {
        assertThat(Neo4jVersion.parse(tag).error()).startsWith("empty image tag");
        assertThat(Neo4jVersion.parse(null).ok()).isFalse();
    }

    @Test
    void tagsLongerThanDockerAllowsAreRefused() {
        assertThat(Neo4jVersion.parse("5.26.0-" + "a".repeat(122)).ok()).isFalse();
        assertThat(Neo4jVersion.parse("5.26.0-" + "a".repeat(121)).ok()).isTrue(); // 128 exactly
    }

    @Test
    void ordersByReleaseAndEveryCalVerIsNewerThan526() {
        List<String> released = List.of("4.4.0", "5.0.0", "5.25.1", "5.26", "5.26.1", "5.26.30",
                "2025.01.0", "2025.01.1", "2025.02", "2025.10.1-enterprise-ubi9", "2025.12.1", "2026.01.3", "2026.08.1");
        List<Neo4jVersion> shuffled = new ArrayList<>(released.stream().map(t -> Neo4jVersion.parse(t).value()).toList());
        Collections.shuffle(shuffled, new java.util.Random(42));
        Collections.sort(shuffled);
        assertThat(shuffled.stream().map(Neo4jVersion::toString).toList()).containsExactly(
                "4.4.0", "5.0.0", "5.25.1", "5.26", "5.26.1", "5.26.30", "2025.01.0", "2025.01.1", "2025.02",
                "2025.10.1", "2025.12.1", "2026.01.3", "2026.08.1");
        assertThat(Neo4jVersion.of(2025, 1).compareTo(Neo4jVersion.of(5, 26, 9999))).isPositive();
    }

    @Test
    void flavourAndMissingPatchDoNotAffectOrder() {
        Neo4jVersion bare = Neo4jVersion.parse("5.26").value();
        Neo4jVersion full = Neo4jVersion.parse("5.26.0-enterprise").value();
        assertThat(bare.compareTo(full)).isZero();
        assertThat(bare).isNotEqualTo(full);
        assertThat(bare.atLeast(full)).isTrue();
        assertThat(full.atLeast(bare)).isTrue();
    }

    @ParameterizedTest(name = "{0}: calver={1} enterprise={2} line={3}")
    @CsvSource(delimiter = '|', value = {
            "5.26.0-enterprise         | false | true  | 5.26",
            "5.26.0                    | false | false | 5.26",
            "2025.10.1-enterprise-ubi9 | true  | true  | 2025.10",
            "2024.12.0                 | false | false | 2024.12",
            "2026.04-Enterprise        | true  | true  | 2026.04",
    })
    void classifies(String tag, boolean calver, boolean enterprise, String line) {
        Neo4jVersion v = Neo4jVersion.parse(tag).value();
        assertThat(v.isCalVer()).isEqualTo(calver);
        assertThat(v.isEnterpriseFlavour()).isEqualTo(enterprise);
        assertThat(v.line()).isEqualTo(line);
    }
}
