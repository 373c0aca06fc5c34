package io.neo4jguard.webhook.guides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/ci.md as a user follows it: every ```sh block runs, in order, in a scratch git repository with a
 * good and a bad cluster under k8s/ and {@code neo4j-guard} on the PATH (this build's distribution); then
 * what the blocks made is checked: the SARIF and JUnit reports name the bad cluster's finding, and the
 * pre-commit hook refuses the bad cluster and lets the good one through. The commands of the YAML examples
 * (GitHub Actions' {@code run:}, GitLab's {@code script:}) must be among the commands run.
 */
class CiGuideIT {
    private static final String RULE = "memory.kubernetes-unit";

    @TempDir
    Path repo;
    private GuideShell shell;

    @Test
    void everyShellBlockRunsAndDoesWhatThePageSays() throws Exception {
        Path doc = DocBlocks.doc("ci.md");
        List<String> blocks = DocBlocks.blocks(doc, "sh");
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
        prepare();
        for (String block : blocks) {
            GuideShell.Result r = bash(block);
            assertThat(r.exit()).as("block:%n%s%noutput:%n%s", block, r.output()).isZero();
        }

        JsonNode sarif = new ObjectMapper().readTree(repo.resolve("neo4j-guard.sarif").toFile());
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).containsExactly(RULE);
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("k8s/bad-cluster.yaml");
        assertThat(Files.readString(repo.resolve("neo4j-guard-junit.xml"))).contains("type=\"" + RULE + "\"")
                .contains("<testsuite");

        GuideShell.Result refused = bash("git add k8s/bad-cluster.yaml && git commit -q -m bad");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains(RULE);
        GuideShell.Result accepted = bash("git reset -q && git add k8s/good-cluster.yaml && git commit -q -m good");
        assertThat(accepted.exit()).as(accepted.output()).isZero();
    }

    @Test
    void theCiExamplesRunTheTestedCommands() throws Exception {
        Path doc = DocBlocks.doc("ci.md");
        String tested = String.join("\n", DocBlocks.blocks(doc, "sh"));
        Pattern command = Pattern.compile("^\\s*(?:- run: |- )(neo4j-guard .*)$", Pattern.MULTILINE);
        List<String> commands = new ArrayList<>();
        for (String yaml : DocBlocks.blocks(doc, "yaml")) {
            Matcher m = command.matcher(yaml);
            while (m.find()) {
                commands.add(m.group(1));
            }
        }
        assertThat(commands).as("the CI examples' neo4j-guard steps").hasSizeGreaterThanOrEqualTo(3);
        for (String c : commands) {
            assertThat(tested).as("run by a sh block").contains(c);
        }
    }

    private GuideShell.Result bash(String script) throws IOException, InterruptedException {
        return shell.run(script);
    }

    private void prepare() throws IOException, InterruptedException {
        shell = new GuideShell(repo);
        Files.createDirectories(repo.resolve("k8s"));
        for (String name : List.of("good-cluster.yaml", "bad-cluster.yaml")) {
            try (InputStream in = CiGuideIT.class.getResourceAsStream("/io/neo4jguard/webhook/playground/" + name)) {
                Files.write(repo.resolve("k8s").resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(repo.resolve(".gitignore"), ".bin/\n*.sarif\n*.xml\n");
        GuideShell.Result init = bash("git init -q . && git config user.email ci@example.com"
                + " && git config user.name ci && git add .gitignore && git commit -q -m init");
        assertThat(init.exit()).as(init.output()).isZero();
    }
}
