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
}
