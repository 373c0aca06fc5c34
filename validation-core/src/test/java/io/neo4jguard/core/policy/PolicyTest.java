package io.neo4jguard.core.policy;

import io.neo4jguard.core.TestChecks;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.neo4jguard.core.TestChecks.HEAP_SYNTAX;
import static io.neo4jguard.core.TestChecks.MIN_SERVERS;
import static io.neo4jguard.core.TestChecks.NO_LIMIT;
import static io.neo4jguard.core.TestChecks.SCALE_DOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {
    private static final List<RuleMeta> RULES = TestChecks.allRules();
    private static final String HEAD = "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\n";

    private static Policy policy(String body) throws PolicyException {
        return Policy.parse("p.yaml", HEAD + body, RULES);
    }

    private static Resource object(String namespace, String name, String labels, String annotations) {
        return Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                  %s
                  labels: %s
                  annotations: %s
                spec: {}
                """.formatted(name, namespace == null ? "" : "namespace: " + namespace, labels, annotations));
    }

    private static Resource object(String namespace, String name) {
        return object(namespace, name, "{}", "{}");
    }

    @Test
    void defaultPolicyKeepsEveryRuleAtItsOwnSeverity() {
        Resource r = object("prod", "graph");
        assertThat(Policy.defaults().severityFor(MIN_SERVERS, r)).contains(Severity.ERROR);
        assertThat(Policy.defaults().severityFor(NO_LIMIT, r)).contains(Severity.WARNING);
        assertThat(Policy.defaults().enforcement("prod")).isEqualTo(Enforcement.ENFORCE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "off                          |",
            "false                        |",
            "'off'                        |",
            "disabled                     |",
            "{enabled: false}             |",
            "{enabled: false, severity: warning} |",
            "warning                      | WARNING",
            "{severity: warning}          | WARNING",
            "error                        | ERROR",
            "on                           | ERROR",
            "{enabled: true}              | ERROR"})
    void ruleEntryDisablesOrChangesSeverity(String value, Severity expected) throws Exception {
        Policy p = policy("rules:\n  topology.test-min-servers: " + value + "\n");
        assertThat(p.severityFor(MIN_SERVERS, object("a", "b"))).isEqualTo(Optional.ofNullable(expected));
        // Other rules are untouched.
        assertThat(p.severityFor(SCALE_DOWN, object("a", "b"))).contains(Severity.ERROR);
    }

    @Test
    void warningCanBecomeError() throws Exception {
        Policy p = policy("rules:\n  memory.test-no-limit: error\n");
        assertThat(p.severityFor(NO_LIMIT, object("a", "b"))).contains(Severity.ERROR);
    }

    @Test
    void concernNamesEveryRuleOfTheGroupAndAnIdEntryWins() throws Exception {
        Policy p = policy("""
                rules:
                  memory: off
                  memory.test-no-limit: error
                  topology: warning
                """);
        Resource r = object("a", "b");
        assertThat(p.severityFor(HEAP_SYNTAX, r)).isEmpty();
        assertThat(p.severityFor(NO_LIMIT, r)).contains(Severity.ERROR);
        assertThat(p.severityFor(MIN_SERVERS, r)).contains(Severity.WARNING);
        assertThat(p.severityFor(SCALE_DOWN, r)).contains(Severity.WARNING);
    }

    @Test
    void exemptionByNamespaceIncludingPatternsAndDefaultForMissingNamespace() throws Exception {
        Policy p = policy("""
                exemptions:
                  - rules: [topology.test-min-servers]
                    namespaces: [sandbox, "team-*", default]
                    reason: sandboxes run one server on purpose
                """);
        assertThat(p.severityFor(MIN_SERVERS, object("sandbox", "g"))).isEmpty();
        assertThat(p.severityFor(MIN_SERVERS, object("team-blue", "g"))).isEmpty();
        assertThat(p.severityFor(MIN_SERVERS, object(null, "g"))).isEmpty();
        assertThat(p.severityFor(MIN_SERVERS, object("prod", "g"))).contains(Severity.ERROR);
        assertThat(p.severityFor(MIN_SERVERS, object("sandbox-2", "g"))).contains(Severity.ERROR);
        // Only the listed rule.
        assertThat(p.severityFor(SCALE_DOWN, object("sandbox", "g"))).contains(Severity.ERROR);
        assertThat(p.exemptions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("sandboxes run one server on purpose");
            assertThat(e.location().line()).isEqualTo(4);
        });
    }

    @Test
    void exemptionByNameNeedsEverySelectorToMatch() throws Exception {
        Policy p = policy("""
                exemptions:
                  - rules: [memory]
                    namespaces: [dev]
                    names: ["scratch-*", demo]
                """);
        assertThat(p.severityFor(HEAP_SYNTAX, object("dev", "scratch-1"))).isEmpty();
        assertThat(p.severityFor(NO_LIMIT, object("dev", "demo"))).isEmpty();
        assertThat(p.severityFor(NO_LIMIT, object("dev", "graph"))).contains(Severity.WARNING);
        assertThat(p.severityFor(NO_LIMIT, object("prod", "demo"))).contains(Severity.WARNING);
        assertThat(p.severityFor(MIN_SERVERS, object("dev", "demo"))).contains(Severity.ERROR);
    }

    @Test
    void exemptionByLabelsWithValuePatterns() throws Exception {
        Policy p = policy("""
                exemptions:
                  - rules: ["*"]
                    labels: {neo4j-guard.io/exempt: "true", tier: "*"}
                """);
        assertThat(p.severityFor(MIN_SERVERS, object("a", "b", "{neo4j-guard.io/exempt: \"true\", tier: x}", "{}")))
                .isEmpty();
        assertThat(p.severityFor(NO_LIMIT, object("a", "b", "{neo4j-guard.io/exempt: \"true\", tier: x}", "{}")))
                .isEmpty();
        // Every label must match; a missing label does not match even "*".
        assertThat(p.severityFor(MIN_SERVERS, object("a", "b", "{neo4j-guard.io/exempt: \"true\"}", "{}")))
                .contains(Severity.ERROR);
        assertThat(p.severityFor(MIN_SERVERS, object("a", "b", "{neo4j-guard.io/exempt: \"false\", tier: x}", "{}")))
                .contains(Severity.ERROR);
    }

    @Test
    void annotationSkipsRulesAndConcerns() {
        Resource r = object("a", "b", "{}", "{neo4j-guard.io/skip: \"memory, topology.test-scale-down\"}");
        assertThat(Policy.defaults().severityFor(HEAP_SYNTAX, r)).isEmpty();
        assertThat(Policy.defaults().severityFor(NO_LIMIT, r)).isEmpty();
        assertThat(Policy.defaults().severityFor(SCALE_DOWN, r)).isEmpty();
        assertThat(Policy.defaults().severityFor(MIN_SERVERS, r)).contains(Severity.ERROR);
    }

    @Test
    void annotationWinsOverAPolicyThatRaisesSeverity() throws Exception {
        Policy p = policy("rules:\n  memory: error\n");
        Resource r = object("a", "b", "{}", "{neo4j-guard.io/skip: memory.test-no-limit}");
        assertThat(p.severityFor(NO_LIMIT, r)).isEmpty();
        assertThat(p.severityFor(HEAP_SYNTAX, r)).contains(Severity.ERROR);
    }

    @Test
    void enforcementPerNamespaceExactBeatsPatternAndLongerPatternBeatsShorter() throws Exception {
        Policy p = policy("""
                enforcement:
                  default: warn
                  namespaces:
                    "team-*": enforce
                    "team-sandbox-*": warn
                    team-sandbox-prod: enforce
                    prod: enforce
                """);
        assertThat(p.enforcement("prod")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.enforcement("team-a")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.enforcement("team-sandbox-1")).isEqualTo(Enforcement.WARN);
        assertThat(p.enforcement("team-sandbox-prod")).isEqualTo(Enforcement.ENFORCE);
        assertThat(p.enforcement("other")).isEqualTo(Enforcement.WARN);
        assertThat(p.enforcement("")).isEqualTo(Enforcement.WARN);
        assertThat(p.defaultEnforcement()).isEqualTo(Enforcement.WARN);
        assertThat(p.namespaceEnforcement().keySet())
                .containsExactly("prod", "team-sandbox-prod", "team-sandbox-*", "team-*");
    }

    @Test
    void enforcementDefaultsToEnforceAndEmptyNamespaceIsDefault() throws Exception {
        Policy p = policy("enforcement:\n  namespaces: {default: warn}\n");
        assertThat(p.enforcement("")).isEqualTo(Enforcement.WARN);
        assertThat(p.enforcement(null)).isEqualTo(Enforcement.WARN);
        assertThat(p.enforcement("prod")).isEqualTo(Enforcement.ENFORCE);
    }

    @Test
    void unknownRuleIdNamesLineAndSuggestsTheClosest() {
        assertThatThrownBy(() -> policy("rules:\n  topology.test-min-server: off\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:4:3:")
                .hasMessageContaining("unknown rule or concern \"topology.test-min-server\"")
                .hasMessageContaining("did you mean topology.test-min-servers");
    }

    @Test
    void unknownConcernInAnExemptionNamesItsLine() {
        assertThatThrownBy(() -> policy("""
                exemptions:
                  - rules: [memory, memroy]
                    namespaces: [a]
                """))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:4:21:")
                .hasMessageContaining("\"memroy\"")
                .hasMessageContaining("did you mean memory");
    }

    @Test
    void badSeverityAndBadEnforcementAreReportedTogether() {
        assertThatThrownBy(() -> policy("""
                rules:
                  memory: fatal
                enforcement:
                  default: block
                """))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).toString())
                            .isEqualTo("p.yaml:4:3: rules.memory: invalid severity \"fatal\"; expected error or warning");
                    assertThat(e.problems().get(1).toString())
                            .startsWith("p.yaml:6:3: enforcement.default: invalid enforcement \"block\"");
                });
    }

    @Test
    void yamlErrorNamesFileAndLine() {
        assertThatThrownBy(() -> policy("rules:\n  memory: [off\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("p.yaml:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void unknownFieldsAreErrorsNotIgnored() {
        assertThatThrownBy(() -> policy("exemption:\n  - rules: [memory]\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:3:1: exemption: unknown field \"exemption\"");
        assertThatThrownBy(() -> policy("exemptions:\n  - rules: [memory]\n    namespace: [a]\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unknown field \"namespace\"");
        assertThatThrownBy(() -> policy("rules:\n  memory: {severity: warning, enable: false}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unknown field \"enable\"");
    }

    @Test
    void defaultsSectionMakesAntiAffinityRequired() throws Exception {
        assertThat(Policy.defaults().defaulting().antiAffinity()).isEqualTo(DefaultsSettings.AntiAffinity.PREFERRED);
        assertThat(policy("rules: {}\n").defaulting()).isEqualTo(DefaultsSettings.STANDARD);
        assertThat(policy("defaults: {antiAffinity: required}\n").defaulting().antiAffinity())
                .isEqualTo(DefaultsSettings.AntiAffinity.REQUIRED);
        assertThat(policy("defaults:\n  antiAffinity: preferred\n").defaulting().antiAffinity())
                .isEqualTo(DefaultsSettings.AntiAffinity.PREFERRED);
    }

    @Test
    void defaultsSectionIsCheckedLikeTheRest() {
        assertThatThrownBy(() -> policy("defaults: {antiAffinity: always}\n"))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.problems()).singleElement()
                        .hasToString("p.yaml:3:12: defaults.antiAffinity: invalid antiAffinity \"always\"; "
                                + "expected preferred or required"));
        assertThatThrownBy(() -> policy("defaults: {antiAfinity: required}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unknown field \"antiAfinity\"; expected one of antiAffinity");
        assertThatThrownBy(() -> policy("defaults: [required]\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:3:1: defaults: must be a mapping");
    }

    @Test
    void apiVersionAndKindAreRequired() {
        assertThatThrownBy(() -> Policy.parse("p.yaml", "rules: {}\n", RULES))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("apiVersion: Required value: neo4j-guard.io/v1alpha1");
        assertThatThrownBy(() -> Policy.parse("p.yaml", "apiVersion: v1\nkind: Policy\n", RULES))
                .hasMessageContaining("p.yaml:1:1: apiVersion: Unsupported value: \"v1\"");
    }

    @Test
    void exemptionNeedsRulesAndASelector() {
        assertThatThrownBy(() -> policy("exemptions:\n  - namespaces: [a]\n"))
                .hasMessageContaining("rules: Required value");
        assertThatThrownBy(() -> policy("exemptions:\n  - rules: [memory]\n"))
                .hasMessageContaining("an exemption needs namespaces, names or labels");
        assertThatThrownBy(() -> policy("exemptions:\n  - rules: [memory]\n    namespaces: a\n"))
                .hasMessageContaining("exemptions[0].namespaces: must be a list of strings");
    }

    @Test
    void emptyOrMultiDocumentFilesAreRefused() {
        assertThatThrownBy(() -> Policy.parse("p.yaml", "# nothing\n", RULES))
                .hasMessageContaining("empty policy file");
        assertThatThrownBy(() -> Policy.parse("p.yaml", HEAD + "---\n" + HEAD, RULES))
                .hasMessageContaining("p.yaml:4:1: a policy file holds exactly one YAML document");
    }

    @Test
    void loadsFromAFileAndNamesAMissingOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, HEAD + "rules:\n  memory: off\n");
        Policy p = Policy.load(f, RULES);
        assertThat(p.source()).isEqualTo(f.toString());
        assertThat(p.ruleSettings()).containsKey("memory");
        assertThatThrownBy(() -> Policy.load(dir.resolve("nope.yaml"), "nope.yaml", RULES))
                .hasMessage("nope.yaml: no such file");
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Policy.load(dir.resolve("latin1.yaml"), "latin1.yaml", RULES))
                .hasMessage("latin1.yaml: not UTF-8 text");
    }
}
