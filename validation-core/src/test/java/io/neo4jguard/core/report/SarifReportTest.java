package io.neo4jguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.RuleMeta;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTest {
    private static final List<RuleMeta> RULES = ReportFixture.VALIDATOR.rules();
    private final SarifReport sarif = new SarifReport(RULES, Path.of("/repo"));

    @Test
    void meetsGitHubsRequirements() {
        assertThat(Schemas.sarifProblems(sarif.render(ReportFixture.report()))).isEmpty();
        assertThat(Schemas.sarifProblems(sarif.render(ReportFixture.hostile()))).isEmpty();
        assertThat(Schemas.sarifProblems(sarif.render(Report.of(List.of(), 0, 0)))).isEmpty();
    }

    @Test
    void subsetSchemaBitesOnALineBelowOne() {
        String broken = sarif.render(ReportFixture.report()).replaceFirst("\"startLine\": \\d+", "\"startLine\": 0");
        assertThat(Schemas.sarifProblems(broken)).isNotEmpty();
    }

    @Test
    void describesEveryRuleFromItsMetadata() {
        JsonNode root = Schemas.tree(sarif.render(ReportFixture.report()));
        assertThat(root.at("/$schema").asText()).isEqualTo(SarifReport.SCHEMA);
        assertThat(root.at("/version").asText()).isEqualTo("2.1.0");
        JsonNode rules = root.at("/runs/0/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(RULES.size());
        RuleMeta heap = RULES.stream().filter(r -> r.id().equals("memory.test-heap-syntax")).findFirst().orElseThrow();
        JsonNode d = rules.get(RULES.indexOf(heap));
        assertThat(d.at("/id").asText()).isEqualTo(heap.id());
        assertThat(d.at("/name").asText()).isEqualTo("MemoryTestHeapSyntax");
        assertThat(d.at("/shortDescription/text").asText()).isEqualTo(heap.title());
        assertThat(d.at("/fullDescription/text").asText()).isEqualTo(heap.rationale());
        assertThat(d.at("/help/text").asText()).startsWith(heap.remediation()).contains(heap.example().strip());
        assertThat(d.at("/help/markdown").asText()).contains("```yaml");
        assertThat(d.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(root.at("/runs/0/tool/driver/name").asText()).isEqualTo("neo4j-guard");
    }

    @Test
    void driverGivesTheToolsVersionAndPage() {
        // What the SARIF Multitool's SARIF2005 asks for (webhook-server's SarifMultitoolIT runs the tool itself):
        // a version property and informationUri, filled in by the build, not left as placeholders.
        JsonNode driver = Schemas.tree(sarif.render(ReportFixture.report())).at("/runs/0/tool/driver");
        assertThat(driver.at("/version").asText()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
        assertThat(driver.at("/informationUri").asText()).startsWith("https://").doesNotContain("${");
    }

    @Test
    void resultsPointAtFileLineAndColumnAndTheirRule() {
        JsonNode root = Schemas.tree(sarif.render(ReportFixture.report()));
        JsonNode results = root.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(3);
        JsonNode first = results.get(0);
        assertThat(first.at("/ruleId").asText()).isEqualTo("memory.test-heap-syntax");
        assertThat(root.at("/runs/0/tool/driver/rules/" + first.at("/ruleIndex").asInt() + "/id").asText())
                .isEqualTo("memory.test-heap-syntax");
        assertThat(first.at("/level").asText()).isEqualTo("error");
        assertThat(first.at("/message/text").asText())
                .startsWith("Neo4jEnterpriseCluster/graph: spec.config[server.memory.heap.max_size]: Invalid value")
                .endsWith("(hint: write 4g)");
        JsonNode loc = first.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("k8s/cluster.yaml");
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(10);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(5);
        assertThat(first.at("/properties/object").asText()).isEqualTo("Neo4jEnterpriseCluster/prod/graph");
        assertThat(first.has("fixes")).isFalse();
        // A warning stays a warning.
        assertThat(results.get(2).at("/level").asText()).isEqualTo("warning");
    }

    @Test
    void unknownLineFallsBackToTheObjectAndNeverBelowOne() {
        JsonNode results = Schemas.tree(sarif.render(ReportFixture.hostile())).at("/runs/0/results");
        JsonNode warning = results.get(1).at("/locations/0/physicalLocation");
        assertThat(warning.at("/region/startLine").asInt()).isEqualTo(1);
        assertThat(warning.at("/artifactLocation/uri").asText()).isEqualTo("dir%20with%20space/%3C&%3E%22'.yaml");
    }

    @Test
    void uriIsRelativeToTheBaseWithForwardSlashesOrAFileUriOutsideIt() {
        assertThat(sarif.uri("k8s/a.yaml")).isEqualTo("k8s/a.yaml");
        assertThat(sarif.uri("./k8s/../k8s/a.yaml")).isEqualTo("k8s/a.yaml");
        assertThat(sarif.uri("/repo/k8s/a.yaml")).isEqualTo("k8s/a.yaml");
        assertThat(sarif.uri("/elsewhere/a b.yaml")).isEqualTo("file:///elsewhere/a%20b.yaml");
        assertThat(sarif.uri("a:b.yaml")).isEqualTo("./a:b.yaml");
        assertThat(sarif.uri("caf\u00e9.yaml")).isEqualTo("caf%C3%A9.yaml");
        assertThat(sarif.uri("-")).isEqualTo("-");
    }

    /** A hook that maps every fix to one replacement on the finding's line, as the CLI's does for real text. */
    private static final SarifReport.Fixes ONE_LINE = (o, f) -> f.fix().isEmpty() ? List.of()
            : List.of(new SarifReport.Replacement(f.location().line(), 34, f.location().line(), 37, "4g"));

    @Test
    void fixesHookTurnsReplacementsIntoSarifFixesInTheResultsFile() {
        SarifReport withFixes = new SarifReport(RULES, Path.of("/repo"), ONE_LINE);
        String rendered = withFixes.render(ReportFixture.report());
        assertThat(Schemas.sarifProblems(rendered)).isEmpty();
        JsonNode results = Schemas.tree(rendered).at("/runs/0/results");
        JsonNode fix = results.get(0).at("/fixes/0");
        assertThat(fix.at("/description/text").asText()).isEqualTo("write 4g");
        JsonNode change = fix.at("/artifactChanges/0");
        assertThat(change.at("/artifactLocation")).isEqualTo(results.get(0).at("/locations/0/physicalLocation/artifactLocation"));
        JsonNode replacement = change.at("/replacements/0");
        assertThat(replacement.at("/deletedRegion/startLine").asInt()).isEqualTo(10);
        assertThat(replacement.at("/deletedRegion/endLine").asInt()).isEqualTo(10);
        assertThat(replacement.at("/deletedRegion/startColumn").asInt()).isEqualTo(34);
        assertThat(replacement.at("/deletedRegion/endColumn").asInt()).isEqualTo(37);
        assertThat(replacement.at("/insertedContent/text").asText()).isEqualTo("4g");
        // A finding without a fix gets no fixes; the default report has none at all.
        assertThat(results.get(1).has("fixes")).isFalse();
        assertThat(sarif.render(ReportFixture.report())).doesNotContain("\"fixes\"");
    }

    @Test
    void subsetSchemaBitesOnAMalformedFix() {
        String rendered = new SarifReport(RULES, Path.of("/repo"), ONE_LINE).render(ReportFixture.report());
        assertThat(Schemas.sarifProblems(rendered.replaceFirst("\"endColumn\": \\d+", "\"endColumn\": 0"))).isNotEmpty();
        assertThat(Schemas.sarifProblems(rendered.replaceFirst("\"deletedRegion\"", "\"deleted\""))).isNotEmpty();
    }
}
