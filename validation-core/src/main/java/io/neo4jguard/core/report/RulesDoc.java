package io.neo4jguard.core.report;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the rule reference, {@code docs/rules.md}, from the rule metadata: it is never written by hand.
 * {@code neo4j-guard rules --format markdown} prints it; {@code RulesDocTest} runs that command and fails
 * when the committed file differs.
 */
public final class RulesDoc {
    /** How to regenerate the committed file; printed in its header and by the test when it is stale. */
    public static final String REGENERATE =
            "./mvnw -q -pl validation-core test -Dtest=RulesDocTest -Dneo4jguard.updateDocs=true";

    private RulesDoc() {
    }

    /** The whole document without source links (rules that are not part of the repository's code). */
    public static String render(List<RuleMeta> rules) {
        return render(rules, Map.of());
    }

    /**
     * The whole document; LF line ends, deterministic for a given rule list.
     *
     * @param sources rule ID to its source file relative to the repository root ({@link RuleSources}); each
     *                rule with one links to it, relative to {@code docs/} where the document is committed
     */
    public static String render(List<RuleMeta> rules, Map<String, String> sources) {
        Map<String, List<RuleMeta>> byConcern = new LinkedHashMap<>();
        rules.stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(r -> byConcern.computeIfAbsent(r.concern(), k -> new java.util.ArrayList<>()).add(r));
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule metadata by `neo4j-guard rules --format markdown`; do not edit.\n")
                .append("     Regenerate: ").append(REGENERATE).append(" -->\n");
        b.append("# Rule reference\n\n");
        b.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules")
                .append(". Severity `error` denies admission (webhook) and fails `neo4j-guard check`; `warning` admits ")
                .append("the object and reports it. A policy file can turn a rule off, change its severity or exempt ")
                .append("objects; in a policy and in the `neo4j-guard.io/skip` annotation a concern (the part before ")
                .append("the dot, e.g. `memory`) names all its rules. `neo4j-guard explain <rule-id>` prints one rule.\n\n");
        b.append("| Rule | Severity | Title |\n|---|---|---|\n");
        for (List<RuleMeta> group : byConcern.values()) {
            for (RuleMeta r : group) {
                b.append("| [`").append(r.id()).append("`](#").append(anchor(r.id())).append(") | ")
                        .append(r.severity().label()).append(" | ").append(cell(r.title())).append(" |\n");
            }
        }
        for (Map.Entry<String, List<RuleMeta>> e : byConcern.entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n");
            for (RuleMeta r : e.getValue()) {
                b.append("\n### ").append(r.id()).append("\n\n");
                b.append("**").append(r.title().strip()).append("**\n\n");
                b.append("- Severity: `").append(r.severity().label()).append("`\n");
                b.append("- Kinds: ").append(kinds(r)).append("\n");
                String source = sources.get(r.id());
                if (source != null) {
                    b.append("- Source: [`").append(source.substring(source.lastIndexOf('/') + 1)).append("`](../")
                            .append(source).append(")\n");
                }
                b.append("\n");
                b.append(r.rationale().strip()).append("\n\n");
                b.append("**Remediation.** ").append(r.remediation().strip()).append("\n");
                if (!r.example().isBlank()) {
                    b.append("\n```yaml\n").append(r.example().stripTrailing()).append("\n```\n");
                }
            }
        }
        return b.toString();
    }

    private static String kinds(RuleMeta r) {
        if (r.kinds().containsAll(Kinds.ALL)) {
            return "all ten kinds";
        }
        return Kinds.ALL.stream().filter(r::appliesTo).map(k -> "`" + k + "`").collect(Collectors.joining(", "));
    }

    /** GitHub's heading anchors: lower case, punctuation but '-' dropped, spaces to '-'. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
