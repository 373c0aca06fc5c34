package io.neo4jguard.core.rules;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.report.RuleSources;
import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule metadata is the user's documentation ({@code docs/rules.md}, {@code explain}, SARIF): one test over
 * every shipped rule that each is complete, points at its source file, and cites real sources rather than our
 * internal notes. (The ID grammar is enforced by {@link RuleMeta} itself.)
 */
class RuleMetadataTest {
    private static final List<RuleMeta> RULES = Validator.standard().rules();

    /**
     * The shortest rationale that still says what goes wrong and why (the shortest shipped ones, e.g. the
     * engine's own rule, are about 150 characters; 60 catches a stub or a placeholder).
     */
    private static final int MIN_RATIONALE = 60;

    /**
     * Rules without a YAML example, because there is nothing in the object to show: the engine's internal
     * error; findings about what the resolver could see (a target outside the CLI run, a lookup that failed,
     * a Secret not yet created, a plugin version the compatibility table does not list); and a password's
     * length, which lives in a Secret's data, not in the object.
     */
    private static final Set<String> NO_EXAMPLE = Set.of("engine.check-failed", "refs.target-not-in-run",
            "refs.target-unresolved", "backup.chain-parent-not-in-run", "restore.backup-ref-not-in-run",
            "database.seed-credentials-pending", "user.password-secret-pending", "plugin.compatibility-unknown",
            "user.password-short");

    /** Our internal research notes: a user cannot follow these, so metadata names the real source instead. */
    private static final Pattern INTERNAL_CITATION = Pattern.compile(
            "neo4j-facts|anchor[- ]rules|anchor-operator-rules|reconciler-facts|policy-engines|§");

    @Test
    void theCatalogHasRules() {
        assertThat(RULES).hasSizeGreaterThan(250);
        assertThat(RULES).extracting(RuleMeta::id).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleIsCompleteAndWellNamed() {
        List<String> problems = new ArrayList<>();
        for (RuleMeta r : RULES) {
            if (r.title().isBlank() || r.title().endsWith(".")) {
                problems.add(r.id() + ": the title is empty or ends with a full stop");
            }
            if (r.rationale().strip().length() < MIN_RATIONALE) {
                problems.add(r.id() + ": the rationale has fewer than " + MIN_RATIONALE + " characters");
            }
            if (r.remediation().isBlank()) {
                problems.add(r.id() + ": no remediation");
            }
            if (r.kinds().isEmpty() || !Kinds.ALL.containsAll(r.kinds())) {
                problems.add(r.id() + ": kinds " + r.kinds() + " are empty or not ours");
            }
            if (r.example().isBlank() && !NO_EXAMPLE.contains(r.id())) {
                problems.add(r.id() + ": no example");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleLeadsToAnExistingSourceFile() {
        Map<String, String> sources = RuleSources.of(Catalog.standard());
        List<String> problems = new ArrayList<>();
        for (RuleMeta r : RULES) {
            String source = sources.get(r.id());
            if (source == null || !Files.isRegularFile(RepositoryRoot.get().resolve(source))) {
                problems.add(r.id() + ": source " + source);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void metadataCitesRealSourcesNotInternalNotes() {
        List<String> problems = new ArrayList<>();
        for (RuleMeta r : RULES) {
            for (String text : List.of(r.title(), r.rationale(), r.remediation(), r.example())) {
                java.util.regex.Matcher m = INTERNAL_CITATION.matcher(text);
                if (m.find()) {
                    problems.add(r.id() + ": cites " + text.substring(Math.max(0, m.start() - 30),
                            Math.min(text.length(), m.end() + 30)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
