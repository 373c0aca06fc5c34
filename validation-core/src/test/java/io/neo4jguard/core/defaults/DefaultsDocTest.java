package io.neo4jguard.core.defaults;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/defaults.md repeats each default's metadata verbatim; this keeps the two from drifting apart. */
class DefaultsDocTest {
    @Test
    void everyDefaultIsDocumentedWithItsOwnWords() throws Exception {
        String doc = Files.readString(RepositoryRoot.get().resolve("docs/defaults.md"))
                .replace("\r\n", "\n");
        assertThat(Defaults.standard().rules()).hasSize(3);
        for (RuleMeta m : Defaults.standard().rules()) {
            assertThat(doc).as(m.id())
                    .contains("### " + m.id() + "\n\n**" + m.title() + "**\n")
                    .contains("\n" + m.rationale() + "\n")
                    .contains("**Opt out.** " + m.remediation() + "\n")
                    .contains("```yaml\n" + m.example() + "\n```\n");
        }
    }

    /** The memory table is generated from the defaulter; with -Dneo4jguard.updateDocs=true this rewrites it. */
    @Test
    void theMemoryTableIsTheDefaultersOwnOutput() throws Exception {
        Path file = io.neo4jguard.core.testkit.RepositoryRoot.get().resolve("docs/defaults.md");
        String committed = Files.readString(file).replace("\r\n", "\n");
        String expected = MemoryPoolsTable.update(committed);
        if (Boolean.getBoolean("neo4jguard.updateDocs")) {
            Files.writeString(file, expected);
            committed = expected;
        }
        assertThat(committed).as("docs/defaults.md memory table; regenerate: " + MemoryPoolsTable.BEGIN)
                .isEqualTo(expected);
        assertThat(MemoryPoolsTable.render()).contains("| `64Gi` | `24g` | `28g` | 12g | `24g` (capped) |")
                .contains("| `16Gi` | `5g` | `7g` | 4g | the same |");
    }
}
