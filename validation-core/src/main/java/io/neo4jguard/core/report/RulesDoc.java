package io.neo4jguard.core.report;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/rules.md} from the rule metadata: the rule reference is never written by hand.
 * {@code RulesDocTest} fails when the committed file differs from what this generates.
 *
 * <p>Regenerate: {@code ./mvnw -q -pl validation-core test -Dtest=RulesDocTest -Dneo4jguard.updateDocs=true},
 * or {@code ./mvnw -q -pl validation-core compile exec:java -Dexec.mainClass=io.neo4jguard.core.report.RulesDoc}
 * ({@code main} writes {@code docs/rules.md} of the repository it runs in, or the file given as argument).
 */
public final class RulesDoc {
    static final String REGENERATE =
            "./mvnw -q -pl validation-core test -Dtest=RulesDocTest -Dneo4jguard.updateDocs=true";

    private RulesDoc() {
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : repositoryRoot(Path.of("").toAbsolutePath()).resolve("docs/rules.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(Validator.standard().rules()), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The repository root at or above {@code from}: the directory holding {@code validation-core/pom.xml}. */
    public static Path repositoryRoot(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("validation-core/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the neo4j-guard repository: " + from);
    }

    /** The whole document; LF line ends, deterministic for a given rule list. */
    public static String render(List<RuleMeta> rules) {
        Map<String, List<RuleMeta>> byConcern = new LinkedHashMap<>();
        rules.stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(r -> byConcern.computeIfAbsent(r.concern(), k -> new java.util.ArrayList<>()).add(r));
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule metadata by io.neo4jguard.core.report.RulesDoc; do not edit.\n")
                .append("     Regenerate: ").append(REGENERATE).append(" -->\n");
        b.append("# Rule reference\n\n");
        b.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules")
                .append(". Severity `error` denies admission (webhook) and fails `neo4j-guard check`; `warning` admits ")
                .append("the object and reports it. A policy file can turn a rule off, change its severity or exempt ")
                .append("objects; in a policy and in the `neo4j-guard.io/skip` annotation a concern (the part before ")
                .append("the dot, e.g. `memory`) names all its rules. `neo4j-guard explain <rule-id>` prints one rule.\n\n")
                .append("Rules marked *operator-only* are errors because the reference operator refuses the object at ")
                .append("reconcile (it would be stored and never deploy), not because Neo4j or Kubernetes would; the ")
                .append("policy selector `operator-only` names them all, and `policies/reconciler-lite.yaml` relaxes ")
                .append("them to warnings for objects neo4j-guard's own reconciler manages.\n\n");
        b.append("| Rule | Severity | Title |\n|---|---|---|\n");
        for (List<RuleMeta> group : byConcern.values()) {
            for (RuleMeta r : group) {
                b.append("| [`").append(r.id()).append("`](#").append(anchor(r.id())).append(") | ")
                        .append(r.severity().label()).append(r.operatorOnly() ? " (operator-only)" : "")
                        .append(" | ").append(cell(r.title())).append(" |\n");
            }
        }
        for (Map.Entry<String, List<RuleMeta>> e : byConcern.entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n");
            for (RuleMeta r : e.getValue()) {
                b.append("\n### ").append(r.id()).append("\n\n");
                b.append("**").append(r.title().strip()).append("**\n\n");
                b.append("- Severity: `").append(r.severity().label()).append("`")
                        .append(r.operatorOnly() ? " (operator-only: the reference operator refuses it)" : "")
                        .append("\n");
                b.append("- Kinds: ").append(kinds(r)).append("\n\n");
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
