package io.neo4jguard.core.report;

import io.neo4jguard.core.TestChecks;
import io.neo4jguard.core.cli.Main;
import io.neo4jguard.core.rules.Catalog;
import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/rules.md is generated from the rule metadata, never edited by hand. This test runs
 * {@code neo4j-guard rules --format markdown} in-process and fails when the committed file differs from its
 * output; with {@code -Dneo4jguard.updateDocs=true} it writes the file instead.
 */
class RulesDocTest {
    @Test
    void committedRuleReferenceMatchesTheRuleMetadata() throws Exception {
        Path file = RepositoryRoot.get().resolve("docs/rules.md");
        String expected = rulesAsMarkdown();
        if (Boolean.getBoolean("neo4jguard.updateDocs")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file).replace("\r\n", "\n") : "";
        if (!committed.equals(expected)) {
            fail("docs/rules.md is out of date with the rule metadata. Regenerate it with\n  "
                    + RulesDoc.REGENERATE + "\nand commit the result.");
        }
    }

    /** What {@code neo4j-guard rules --format markdown} prints with the shipped rules. */
    private static String rulesAsMarkdown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(Catalog.standard(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, Path.of("")).run("rules", "--format", "markdown");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersEveryFieldOfEveryRule() {
        String doc = RulesDoc.render(TestChecks.allRules());
        assertThat(doc).startsWith("<!-- Generated from the rule metadata");
        assertThat(doc).contains("| [`memory.test-heap-syntax`](#memorytest-heap-syntax) | error | Neo4j sizes use g/m, not Gi/Mi |");
        assertThat(doc).contains("\n## memory\n").contains("\n## topology\n").contains("\n## refs\n");
        assertThat(doc).contains("### memory.test-no-limit\n\n**No memory limit set**\n\n- Severity: `warning`\n"
                + "- Kinds: `Neo4jEnterpriseCluster`, `Neo4jEnterpriseStandalone`\n\n"
                + "Test rationale for memory.test-no-limit: why it matters, in one paragraph.\n\n"
                + "**Remediation.** Test remediation for memory.test-no-limit.\n\n"
                + "```yaml\nspec:\n  example: memory.test-no-limit\n```\n");
        assertThat(doc).contains("- Kinds: all ten kinds");
        // Concerns in alphabetical order, rules by ID within each.
        assertThat(doc.indexOf("## engine")).isLessThan(doc.indexOf("## memory"));
        assertThat(doc.indexOf("### memory.test-heap-syntax")).isLessThan(doc.indexOf("### memory.test-no-limit"));
    }

    @Test
    void anchorsFollowGitHubHeadingIds() {
        assertThat(RulesDoc.anchor("memory.heap-pagecache-over-limit")).isEqualTo("memoryheap-pagecache-over-limit");
    }
}
