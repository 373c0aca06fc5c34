package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static io.neo4jguard.core.schema.Checked.check;
import static io.neo4jguard.core.schema.MinimalObjects.minimal;
import static io.neo4jguard.core.schema.MinimalObjects.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertAll;

class StructureCheckTest {

    static Stream<String> kinds() {
        return Kinds.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theMinimalObjectOfEveryKindPasses(String kind) {
        assertThat(check(minimal(kind))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEmptySpecNamesEveryRequiredField(String kind) {
        List<Finding> findings = check(object(kind, "  {}\n"));
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("schema.required");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.field()).startsWith("spec.");
            assertThat(f.message()).startsWith("Required value: ");
        });
    }

    @Test
    void requiredErrorsPointAtTheMissingField() {
        List<Finding> findings = check(object(Kinds.CLUSTER, """
                  image:
                    repo: neo4j
                  topology: {}
                  storage:
                    className: fast
                """));
        assertThat(findings).extracting(Finding::rule, Finding::field).containsExactlyInAnyOrder(
                tuple("schema.required", "spec.image.tag"),
                tuple("schema.required", "spec.topology.servers"),
                tuple("schema.required", "spec.storage.size"));
        Finding servers = byField(findings, "spec.topology.servers");
        assertThat(servers.message()).isEqualTo("Required value: the number of Neo4j servers (2 to 100; use "
                + "Neo4jEnterpriseStandalone for one)");
        assertThat(servers.hint()).isEqualTo("add servers under spec.topology");
    }

    @Test
    void requiredFieldsInListItemsCarryTheIndex() {
        List<Finding> findings = check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  extraVolumeMounts:
                    - name: a
                      mountPath: /plugins-extra
                    - name: b
                      mountPath: /x
                    - name: c
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("schema.required");
            assertThat(f.field()).isEqualTo("spec.extraVolumeMounts[2].mountPath");
            assertThat(f.message()).isEqualTo("Required value: path inside the Neo4j container");
        });
    }

    @Test
    void aMissingSpecIsRequired() {
        List<Finding> findings = check("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jDatabase
                metadata:
                  name: sales
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("schema.required");
            assertThat(f.field()).isEqualTo("spec");
        });
    }

    @Test
    void requiredMessagesUseTheFirstSentenceOfTheDescription() {
        assertThat(SchemaErrors.sentence("The image repository, e.g. neo4j.")).isEqualTo("the image repository, "
                + "e.g. neo4j");
        assertThat(SchemaErrors.sentence("Standard metadata. Only some fields are typed.")).isEqualTo(
                "standard metadata");
        assertThat(SchemaErrors.sentence("OIDC providers by name")).isEqualTo("OIDC providers by name");
        List<Finding> findings = check("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jRole\nspec:\n"
                + "  clusterRef: graph\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("metadata");
            assertThat(f.message()).isEqualTo("Required value: the object's name, namespace, labels and annotations");
        });
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(Kinds.CLUSTER, "topology:\n    servers: \"3\"", "spec.topology.servers",
                        "Invalid value: \"3\": must be an integer, not a string", "remove the quotes: 3"),
                Arguments.of(Kinds.CLUSTER, "topology:\n    servers: three", "spec.topology.servers",
                        "Invalid value: \"three\": must be an integer, not a string",
                        "write a whole number without quotes, e.g. 3"),
                Arguments.of(Kinds.CLUSTER, "image:\n    repo: neo4j\n    tag: 5.26", "spec.image.tag",
                        "Invalid value: 5.26: must be a string, not a decimal number",
                        "YAML reads an unquoted 5.26 as a number; quote it: \"5.26\""),
                Arguments.of(Kinds.CLUSTER, "acceptLicenseAgreement: yes", "spec.acceptLicenseAgreement",
                        "Invalid value: true: must be a string, not a boolean",
                        "YAML reads an unquoted yes, no, on, off, true or false as a boolean; quote it: \"yes\""),
                Arguments.of(Kinds.CLUSTER, "config:\n    server.memory.heap.max_size: 4",
                        "spec.config[server.memory.heap.max_size]",
                        "Invalid value: 4: must be a string, not an integer",
                        "YAML reads an unquoted 4 as a number; quote it: \"4\""),
                Arguments.of(Kinds.CLUSTER, "config:\n    dbms.security.auth_enabled: true",
                        "spec.config[dbms.security.auth_enabled]",
                        "Invalid value: true: must be a string, not a boolean",
                        "YAML reads an unquoted yes, no, on, off, true or false as a boolean; quote it: \"true\""),
                Arguments.of(Kinds.CLUSTER, "env:\n    - name: NEO4J_ACCEPT_LICENSE_AGREEMENT\n      value: yes",
                        "spec.env[0].value", "Invalid value: true: must be a string, not a boolean",
                        "YAML reads an unquoted yes, no, on, off, true or false as a boolean; quote it: \"true\""),
                Arguments.of(Kinds.CLUSTER, "resources:\n    limits:\n      cpu: 0.5", "spec.resources.limits.cpu",
                        "Invalid value: 0.5: must be a string or an integer, not a decimal number",
                        "YAML reads an unquoted 0.5 as a number; quote it: \"0.5\""),
                Arguments.of(Kinds.CLUSTER, "tls:\n    strictPeerValidation: \"false\"",
                        "spec.tls.strictPeerValidation", "Invalid value: \"false\": must be a boolean, not a string",
                        "remove the quotes and write false"),
                Arguments.of(Kinds.CLUSTER, "storage: 100Gi", "spec.storage",
                        "Invalid value: \"100Gi\": must be an object, not a string",
                        "write the fields of this object indented below its name (key: value)"),
                Arguments.of(Kinds.DATABASE, "defaultCypherLanguage: 25", "spec.defaultCypherLanguage",
                        "Invalid value: 25: must be a string, not an integer",
                        "YAML reads an unquoted 25 as a number; quote it: \"25\""),
                Arguments.of(Kinds.ROLE_BINDING, "roles: admin", "spec.roles",
                        "Invalid value: \"admin\": must be a list, not a string", "make it a list: - \"admin\""),
                Arguments.of(Kinds.PLUGIN, "version: 5.26", "spec.version",
                        "Invalid value: 5.26: must be a string, not a decimal number",
                        "YAML reads an unquoted 5.26 as a number; quote it: \"5.26\""));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void wrongTypesAreErrorsWithAPathAndAHint(String kind, String override, String field, String message,
                                              String hint) {
        Resource r = Checked.parse(object(kind, withOverride(kind, override)));
        List<Finding> findings = check(r);
        assertThat(findings).as(findings.toString()).singleElement().satisfies(f -> assertAll(
                () -> assertThat(f.rule()).isEqualTo("schema.invalid-type"),
                () -> assertThat(f.severity()).isEqualTo(Severity.ERROR),
                () -> assertThat(f.field()).isEqualTo(field),
                () -> assertThat(f.message()).isEqualTo(message),
                () -> assertThat(f.hint()).isEqualTo(hint)));
        Finding f = findings.get(0);
        if (!f.fix().isEmpty()) {
            assertThat(check(Checked.apply(r, f.fix()))).as("after the fix").isEmpty();
        }
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(Kinds.CLUSTER, "topology:\n    servers: 1", "spec.topology.servers",
                        "Invalid value: 1: must be greater than or equal to 2"),
                Arguments.of(Kinds.CLUSTER, "topology:\n    servers: 101", "spec.topology.servers",
                        "Invalid value: 101: must be less than or equal to 100"),
                Arguments.of(Kinds.CLUSTER, "acceptLicenseAgreement: \"no thanks\"", "spec.acceptLicenseAgreement",
                        "Unsupported value: \"no thanks\": supported values: \"yes\", \"eval\""),
                Arguments.of(Kinds.CLUSTER, "storage:\n    size: 1Gi\n    retentionPolicy: delete",
                        "spec.storage.retentionPolicy",
                        "Unsupported value: \"delete\": supported values: \"Delete\", \"Retain\""),
                Arguments.of(Kinds.CLUSTER, "monitoring:\n    sampling:\n      rate: \"1.5\"",
                        "spec.monitoring.sampling.rate",
                        "Invalid value: \"1.5\": must match the regular expression ^(0(\\.\\d+)?|1(\\.0+)?)$"),
                Arguments.of(Kinds.BACKUP, "database: tenant_a_prod", "spec.database",
                        "Invalid value: \"tenant_a_prod\": must match the regular expression ^[a-zA-Z][a-zA-Z0-9.\\-]*$"),
                Arguments.of(Kinds.USER, "username: " + "u".repeat(66), "spec.username",
                        "Too long: \"" + "u".repeat(66) + "\": may not be more than 65 characters"),
                Arguments.of(Kinds.AUTH_RULE, "condition: \"\"", "spec.condition",
                        "Invalid value: \"\": must not be empty"),
                Arguments.of(Kinds.AUTH_RULE, "grantedRoles: []", "spec.grantedRoles",
                        "Invalid value: []: must have at least 1 item"),
                Arguments.of(Kinds.RESTORE, "source:\n    type: pitr\n    pointInTime: \"2025-13-04T12:30:00Z\"",
                        "spec.source.pointInTime",
                        "Invalid value: \"2025-13-04T12:30:00Z\": must be an RFC 3339 date-time such as "
                                + "\"2025-01-04T12:30:00Z\""),
                Arguments.of(Kinds.DATABASE, "topology:\n    primaries: 0", "spec.topology.primaries",
                        "Invalid value: 0: must be greater than or equal to 1"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void valuesOutsideEnumsPatternsAndBoundsAreErrors(String kind, String override, String field, String message) {
        List<Finding> findings = check(object(kind, withOverride(kind, override)));
        assertThat(findings).as(findings.toString()).singleElement().satisfies(f -> assertAll(
                () -> assertThat(f.rule()).isEqualTo("schema.invalid-type"),
                () -> assertThat(f.field()).isEqualTo(field),
                () -> assertThat(f.message()).isEqualTo(message)));
    }

    @Test
    void boundsAcceptBothSidesOfTheThreshold() {
        assertThat(check(object(Kinds.CLUSTER, withOverride(Kinds.CLUSTER, "topology:\n    servers: 2")))).isEmpty();
        assertThat(check(object(Kinds.CLUSTER, withOverride(Kinds.CLUSTER, "topology:\n    servers: 100"))))
                .isEmpty();
        assertThat(check(object(Kinds.USER, withOverride(Kinds.USER, "username: " + "u".repeat(65))))).isEmpty();
        assertThat(check(object(Kinds.CLUSTER, withOverride(Kinds.CLUSTER, "topology:\n    servers: 3.0"))))
                .as("kubectl sends YAML 3.0 as JSON 3").isEmpty();
    }

    @Test
    void anEnumValueInTheWrongCaseSuggestsAndFixesIt() {
        Resource r = Checked.parse(object(Kinds.CLUSTER,
                withOverride(Kinds.CLUSTER, "storage:\n    size: 1Gi\n    retentionPolicy: retain")));
        Finding f = check(r).get(0);
        assertThat(f.hint()).isEqualTo("did you mean \"Retain\"?");
        assertThat(f.fix()).containsExactly(PatchOperation.replace("/spec/storage/retentionPolicy",
                TextNode.valueOf("Retain")));
        assertThat(check(Checked.apply(r, f.fix()))).isEmpty();
    }

    @Test
    void aBooleanInAStringEnumIsOneErrorNotTwo() {
        List<Finding> findings = check(object(Kinds.CLUSTER,
                withOverride(Kinds.CLUSTER, "acceptLicenseAgreement: on")));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).fix()).extracting(PatchOperation::value)
                .containsExactly(TextNode.valueOf("yes"));
    }

    @Test
    void aTypoIsAnUnknownFieldWarningWithASuggestionAndTheRequiredErrorPointsAtIt() {
        Resource r = Checked.parse(object(Kinds.CLUSTER, """
                  image:
                    repo: neo4j
                    tag: "5.26.0-enterprise"
                  toplogy:
                    servers: 3
                  storage:
                    size: 100Gi
                """));
        List<Finding> findings = check(r);
        Finding unknown = byField(findings, "spec.toplogy");
        assertThat(unknown.rule()).isEqualTo("schema.unknown-field");
        assertThat(unknown.severity()).isEqualTo(Severity.WARNING);
        assertThat(unknown.message()).isEqualTo("Unknown field: \"spec.toplogy\": the API server would prune it "
                + "silently; did you mean \"topology\"?");
        assertThat(unknown.hint()).isEqualTo("rename it to topology");
        Finding required = byField(findings, "spec.topology");
        assertThat(required.rule()).isEqualTo("schema.required");
        assertThat(required.hint()).isEqualTo("spec.toplogy looks like a misspelling of topology; rename it");
        assertThat(findings).hasSize(2);
        assertThat(check(Checked.apply(r, unknown.fix()))).as("after the rename").isEmpty();
    }

    @Test
    void unknownFieldsDeepInListsKeepTheirIndex() {
        List<Finding> findings = check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  extraVolumeMounts:
                    - name: a
                      mountPath: /x
                    - name: b
                      mountPath: /y
                      readOnyl: true
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("schema.unknown-field");
            assertThat(f.field()).isEqualTo("spec.extraVolumeMounts[1].readOnyl");
            assertThat(f.message()).endsWith("did you mean \"readOnly\"?");
        });
    }

    @Test
    void anUnknownFieldWithNothingCloseListsTheFieldsAllowedThere() {
        List<Finding> findings = check(object(Kinds.DATABASE, MinimalObjects.SPECS.get(Kinds.DATABASE) + """
                  initialData:
                    source: cypher
                    comment: seeded by CI
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("spec.initialData.comment");
            assertThat(f.message()).isEqualTo("Unknown field: \"spec.initialData.comment\": the API server would "
                    + "prune it silently");
            assertThat(f.hint()).isEqualTo("remove it; fields allowed here: source, cypherStatements, "
                    + "configMapRef, secretRef, storage");
            assertThat(f.fix()).isEmpty();
        });
    }

    @Test
    void aKnownFieldAtTheWrongLevelSaysWhereItBelongs() {
        List<Finding> findings = check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  serverModeConstraint: PRIMARY
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("spec.serverModeConstraint");
            assertThat(f.hint()).isEqualTo("serverModeConstraint is a field of spec.topology; move it there");
        });
    }

    @Test
    void aSpelledOutFieldSuggestsTheShortOneWithoutAFix() {
        List<Finding> findings = check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  authentication:
                    passwordSecretRef:
                      name: admin
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Unknown field: \"spec.authentication\": the API server would prune "
                    + "it silently; did you mean \"auth\"?");
            assertThat(f.hint()).isEqualTo("move its content under spec.auth (check the field names there)");
            assertThat(f.fix()).isEmpty();
        });
    }

    @Test
    void renamedOperatorFieldsNameTheirReplacement() {
        List<Finding> findings = check(object(Kinds.RESTORE, MinimalObjects.SPECS.get(Kinds.RESTORE) + """
                  databaseName: sales
                """));
        assertThat(findings).singleElement().satisfies(f ->
                assertThat(f.hint()).isEqualTo("the operator replaced spec.databaseName with spec.database"));
    }

    @Test
    void anUnknownTopLevelFieldIsReportedToo() {
        List<Finding> findings = check(minimal(Kinds.ROLE) + "specs:\n  clusterRef: x\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("specs");
            assertThat(f.message()).endsWith("did you mean \"spec\"?");
        });
    }

    @Test
    void mapsAcceptAnyKeyButTypeTheirValues() {
        assertThat(check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  config:
                    server.memory.heap.max_size: 4g
                    anything.the.user.likes: "true"
                  nodeSelector:
                    disktype: ssd
                  service:
                    annotations:
                      service.beta.kubernetes.io/aws-load-balancer-type: nlb
                """))).isEmpty();
    }

    @Test
    void looseKubernetesTypesAreNotCheckedField() {
        assertThat(check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution: []
                  securityContext:
                    podSecurityContext:
                      runAsNonRoot: true
                      anythingNew: 1
                  extraVolumes:
                    - name: plugins
                      emptyDir: {}
                """))).isEmpty();
    }

    @Test
    void nullFieldsAreDroppedLikeTheApiServerDoes() {
        assertThat(check(object(Kinds.STANDALONE, MinimalObjects.SPECS.get(Kinds.STANDALONE) + """
                  env:
                  tls:
                    mode: disabled
                    issuerRef: ~
                """))).isEmpty();
    }

    @Test
    void objectsInsideMapsAreCheckedToo() {
        List<Finding> findings = check(object(Kinds.CLUSTER, MinimalObjects.SPECS.get(Kinds.CLUSTER) + """
                  auth:
                    oidc:
                      okta:
                        audiance: neo4j
                """));
        assertThat(findings).extracting(Finding::rule, Finding::field).containsExactlyInAnyOrder(
                tuple("schema.unknown-field", "spec.auth.oidc.okta.audiance"),
                tuple("schema.required", "spec.auth.oidc.okta.audience"));
    }

    @Test
    void veryDeepValuesAreHandled() {
        ObjectNode tree = Checked.parse(minimal(Kinds.CLUSTER)).tree().deepCopy();
        ObjectNode deep = ((ObjectNode)
                tree.get("spec")).putObject("affinity");
        ObjectNode unknown = ((ObjectNode)
                tree.get("spec")).putObject("zzz");
        for (int i = 0; i < 900; i++) {
            deep = deep.putObject("a");
            unknown = unknown.putObject("b");
        }
        List<Finding> findings = check(Resource.of(tree));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("spec.zzz"));
    }

    @Test
    void statusIsIgnored() {
        assertThat(check(minimal(Kinds.DATABASE) + "status:\n  phase: 7\n  whatever: [1, 2]\n")).isEmpty();
    }

    @Test
    void aWrongApiVersionIsUnsupported() {
        List<Finding> findings = check(minimal(Kinds.ROLE).replace("v1beta1", "v1alpha1"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("apiVersion");
            assertThat(f.message()).isEqualTo("Unsupported value: \"neo4j.neo4j.com/v1alpha1\": supported values: "
                    + "\"neo4j.neo4j.com/v1beta1\"");
        });
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<Finding> findings = check(object(Kinds.CLUSTER, """
                  image:
                    repo: neo4j
                    tag: 5.26
                  topology:
                    servers: "3"
                    serverRoles:
                      - serverIndex: -1
                        modeConstraint: primary
                  storage:
                    size: 100Gi
                    clasName: fast
                  acceptLicenseAgreement: yes
                """));
        assertThat(findings).extracting(Finding::field).containsExactlyInAnyOrder(
                "spec.image.tag", "spec.topology.servers", "spec.topology.serverRoles[0].serverIndex",
                "spec.topology.serverRoles[0].modeConstraint", "spec.storage.clasName",
                "spec.acceptLicenseAgreement");
    }

    @Test
    void findingsAreLocatedInTheSource() {
        List<Finding> findings = check(object(Kinds.CLUSTER, withOverride(Kinds.CLUSTER, "topology:\n    servers: 1")));
        assertThat(findings.get(0).location().line()).isEqualTo(12);
    }

    @Test
    void rulesAreDeclaredWithTheirSeverities() {
        assertThat(new StructureCheck().rules()).extracting(RuleMeta::id, RuleMeta::severity).containsExactly(
                tuple("schema.invalid-type", Severity.ERROR),
                tuple("schema.required", Severity.ERROR),
                tuple("schema.unknown-field", Severity.WARNING));
        assertThat(new StructureCheck().rules()).allSatisfy(r -> {
            assertThat(r.kinds()).containsExactlyInAnyOrderElementsOf(Kinds.ALL);
            assertThat(r.rationale()).hasSizeGreaterThan(200);
            assertThat(r.example()).isNotBlank();
        });
    }

    @Test
    void objectsOfOtherKindsAreLeftAlone() {
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 1\n")).isEmpty();
    }

    @Test
    void concurrentChecksAgree() throws Exception {
        String yaml = object(Kinds.CLUSTER, withOverride(Kinds.CLUSTER, "topology:\n    servers: \"3\""));
        List<Finding> expected = check(yaml);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> check(yaml)));
            }
            for (Future<List<Finding>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The minimal spec of the kind with one top-level field replaced (or added). */
    static String withOverride(String kind, String override) {
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : MinimalObjects.SPECS.get(kind).split("\n")) {
            if (line.startsWith("  " + key + ":")) {
                skipping = true;
                continue;
            }
            if (skipping && line.startsWith("    ")) {
                continue;
            }
            skipping = false;
            out.append(line).append('\n');
        }
        return out + "  " + override + "\n";
    }

    private static Finding byField(List<Finding> findings, String field) {
        return findings.stream().filter(f -> f.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + field + " in " + findings));
    }
}
