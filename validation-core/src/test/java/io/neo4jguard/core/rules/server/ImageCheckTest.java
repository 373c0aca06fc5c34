package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class ImageCheckTest {
    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);
    private final ImageCheck check = new ImageCheck();

    private List<Finding> image(String repo, String tag) {
        return run(check, cluster("image:\n  repo: \"" + repo + "\"\n  tag: \"" + tag + "\""));
    }

    private static List<String> expected(String rules) {
        return rules.isBlank() ? List.of() : Arrays.asList(rules.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource({
            "neo4j, 5.26.0-enterprise, ''",
            "neo4j, 5.26.30-enterprise, ''",
            "neo4j, 5.26-enterprise, ''",
            "neo4j, 2025.01.0-enterprise, ''",
            "neo4j, 2025.10.1-enterprise, ''",
            "neo4j, 2026.08.1-enterprise, ''",
            "docker.io/library/neo4j, 5.26.0-enterprise-ubi9, ''",
            "registry.example.com:5000/team/neo4j, 5.26.0-enterprise, ''",
            // edition
            "neo4j, 5.26.0, image.community-edition",
            "docker.io/neo4j, 5.26.0-ubi9, image.community-edition",
            "index.docker.io/library/neo4j, 2025.01.0, image.community-edition",
            "library/neo4j, 2025.10.1-trixie, image.community-edition",
            "neo4j, 5.26.0-community, image.community-edition",
            "registry.example.com/neo4j, 5.26.0-Community, image.community-edition",
            "registry.example.com/neo4j, 5.26.0, image.edition-unverifiable",
            "registry.example.com/neo4j, 5.26.0-enterprise, ''",
            // version
            "neo4j, latest, image.community-edition image.unparseable-tag",
            "neo4j, enterprise, image.unparseable-tag",
            "neo4j, v5.26.0-enterprise, image.unparseable-tag",
            "neo4j, 5.25.0-enterprise, image.unsupported-version",
            "neo4j, 5.27.0-enterprise, image.unsupported-version",
            "neo4j, 4.4.0-enterprise, image.unsupported-version",
            "neo4j, 2024.12.0-enterprise, image.unsupported-version",
            "neo4j, 2025.00.0-enterprise, image.unsupported-version",
            "neo4j, 2025.13.0-enterprise, image.unsupported-version",
            "neo4j, 2026.09.0-enterprise, image.newer-than-known",
            "neo4j, 2028.12.0-enterprise, image.newer-than-known",
            "neo4j, 2029.01.0-enterprise, image.unsupported-version",
            // reference format
            "NEO4J, 5.26.0-enterprise, image.reference-format",
            "neo4j:5.26, 5.26.0-enterprise, image.reference-format",
            "neo4j:5.26, 5.26.0, image.reference-format image.edition-unverifiable",
            "neo4j, 5.26.0-enter prise, image.reference-format image.community-edition image.unparseable-tag",
    })
    void repoAndTag(String repo, String tag, String rules) {
        assertThat(ids(image(repo, tag))).containsExactlyInAnyOrderElementsOf(expected(rules));
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource({
            "neo4j, 5.26.0, 5.26.0-enterprise",
            "neo4j, 5.26.0-ubi9, 5.26.0-enterprise-ubi9",
            "neo4j, 2025.10.1, 2025.10.1-enterprise",
            "neo4j, 5.26.0-community, 5.26.0-enterprise",
            "neo4j, 5.26.0-community-ubi9, 5.26.0-enterprise-ubi9",
            "registry.example.com/neo4j, 5.26.0-COMMUNITY, 5.26.0-enterprise",
    })
    void communityTagsGetTheEnterpriseFix(String repo, String tag, String fixed) {
        Finding f = image(repo, tag).stream().filter(x -> x.rule().equals("image.community-edition")).findFirst()
                .orElseThrow();
        assertThat(f.field()).isEqualTo("spec.image.tag");
        assertThat(f.hint()).contains(fixed);
        assertThat(f.fix()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/spec/image/tag");
            assertThat(p.value().textValue()).isEqualTo(fixed);
        });
    }

    @Test
    void bareOfficialTagMessageSaysCommunity() {
        assertThat(image("neo4j", "5.26.0").get(0).message())
                .isEqualTo("Invalid value: \"5.26.0\": on Docker Hub's official neo4j image a tag without "
                        + "-enterprise is Neo4j Community Edition");
    }

    @Test
    void unparseableTagNamesTheExpectedForm() {
        Finding floating = image("neo4j", "enterprise").get(0);
        assertThat(floating.message()).contains("floating tag").contains("pin a version such as 5.26.0-enterprise");
        assertThat(image("neo4j", "5.x-enterprise").get(0).message()).contains("5.26");
        assertThat(image("neo4j", "v5.26.0-enterprise").get(0).hint()).contains("\"5.26.0-enterprise\"");
    }

    @Test
    void digestPinningIsAcceptedNotRequired() {
        assertThat(image("neo4j", "5.26.0-enterprise" + DIGEST)).isEmpty();
        assertThat(image("neo4j", "5.26.0-enterprise")).isEmpty();
    }

    @Test
    void repoAndTagRequired() {
        assertThat(ServerFixtures.at(run(check, cluster("image: {pullPolicy: Always}"))))
                .containsExactlyInAnyOrder("image.repo-required@spec.image.repo", "image.tag-required@spec.image.tag");
        assertThat(ServerFixtures.at(run(check, cluster("image: {repo: \" \", tag: \"\"}"))))
                .containsExactlyInAnyOrder("image.repo-required@spec.image.repo", "image.tag-required@spec.image.tag");
        // An empty tag is one finding, not the reference's Required plus Invalid.
        assertThat(ids(run(check, standalone("image: {repo: neo4j, tag: \"\"}"))))
                .containsExactly("image.tag-required");
    }

    @ParameterizedTest(name = "pullPolicy {0}")
    @CsvSource({
            "Always, ''",
            "IfNotPresent, ''",
            "Never, ''",
            "ifnotpresent, IfNotPresent",
            "always, Always",
            "Sometimes, -",
    })
    void pullPolicy(String policy, String fix) {
        List<Finding> fs = run(check, standalone("image: {repo: neo4j, tag: 5.26.0-enterprise, pullPolicy: "
                + policy + "}"));
        if (fix.isEmpty()) {
            assertThat(fs).isEmpty();
            return;
        }
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("image.pull-policy");
            assertThat(f.field()).isEqualTo("spec.image.pullPolicy");
            if (fix.equals("-")) {
                assertThat(f.fix()).isEmpty();
            } else {
                assertThat(f.fix().get(0).value().textValue()).isEqualTo(fix);
            }
        });
    }

    @Test
    void standaloneGetsTheSameEditionAndVersionRules() {
        assertThat(ids(run(check, standalone("image: {repo: neo4j, tag: \"5.26.0\"}"))))
                .containsExactly("image.community-edition");
        assertThat(ids(run(check, standalone("image: {repo: neo4j, tag: 5.20.0-enterprise}"))))
                .containsExactly("image.unsupported-version");
    }

    @Test
    void imageErrorsDoNotHideOthers() {
        assertThat(ids(run(check, cluster("image: {repo: \"Neo4j\", tag: 5.27.0-community, pullPolicy: x}"))))
                .containsExactlyInAnyOrder("image.reference-format", "image.community-edition",
                        "image.unsupported-version", "image.pull-policy");
    }

    @Test
    void officialRepositorySpellings() {
        assertThat(ImageCheck.isOfficial("neo4j")).isTrue();
        assertThat(ImageCheck.isOfficial("docker.io/neo4j")).isTrue();
        assertThat(ImageCheck.isOfficial("docker.io/library/neo4j")).isTrue();
        assertThat(ImageCheck.isOfficial("index.docker.io/library/neo4j")).isTrue();
        assertThat(ImageCheck.isOfficial("public.ecr.aws/docker/library/neo4j")).isTrue();
        assertThat(ImageCheck.isOfficial("neo4j/neo4j")).isFalse();
        assertThat(ImageCheck.isOfficial("registry.example.com/neo4j")).isFalse();
        assertThat(ImageCheck.isOfficial("docker.io/bitnami/neo4j")).isFalse();
    }
}
