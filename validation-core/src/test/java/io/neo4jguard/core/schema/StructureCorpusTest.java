package io.neo4jguard.core.schema;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.read.ManifestParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance with the reference operator's own examples (read in place from the shared corpus, never copied):
 * documents meant to be valid raise no schema error, and the unknown-field warnings are exactly the real
 * unknown fields. The folder is optional: without it the test is skipped.
 */
class StructureCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("neo4jguard.corpus",
            "/work/shared/corpus/neo4j-operator-examples"));

    /**
     * The documents the corpus README lists as rejected by the reference operator ("file" → kind/name, or
     * kind/* for every document of that kind in the file). Only their schema errors are allowed.
     */
    static final Map<String, Set<String>> LISTED_INVALID = Map.of(
            "examples/end-to-end/complete-deployment.yaml", Set.of("Neo4jBackup/daily-backup",
                    "Neo4jBackup/weekly-full-backup"),
            "examples/end-to-end/disaster-recovery.yaml", Set.of("Neo4jBackup/cross-region-backup"),
            "examples/end-to-end/multi-tenancy.yaml", Set.of("Neo4jDatabase/*", "Neo4jBackup/*"),
            "examples/property_sharding/advanced-property-sharding.yaml",
            Set.of("Neo4jEnterpriseCluster/production-sharding-cluster"),
            "examples/plugins/standalone-plugin-example.yaml", Set.of("Neo4jPlugin/standalone-gds-plugin"),
            "examples/fleet-management/cluster-with-fleet-provisioning.yaml",
            Set.of("Neo4jEnterpriseCluster/fleet-provisioned"),
            "config/samples/neo4j_v1beta1_neo4jauthrule.yaml", Set.of("Neo4jAuthRule/emea-business-hours"),
            "examples/users-roles/06-rolebinding-sso-user.yaml", Set.of("Neo4jRoleBinding/alice-binding"));

    /** Every schema error the corpus holds: the multi-tenancy backups name databases with underscores. */
    static final Set<String> EXPECTED_ERRORS = Set.of(
            "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-a-backup spec.database",
            "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-b-backup spec.database",
            "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-c-backup spec.database");

    /** Every unknown field in the corpus; the README names it (strict field validation would refuse it). */
    static final Set<String> EXPECTED_UNKNOWN_FIELDS = Set.of(
            "examples/fleet-management/cluster-with-fleet-provisioning.yaml "
                    + "Neo4jEnterpriseCluster/fleet-provisioned spec.authentication");

    record Outcome(Resource resource, List<Finding> findings) {
        String key(Finding f) {
            return resource.file() + " " + resource.displayName() + " " + f.field();
        }
    }

    static List<Outcome> results;

    @BeforeAll
    static void checkTheCorpus() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus folder " + CORPUS + " is absent");
        results = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        for (Path p : files) {
            String name = CORPUS.relativize(p).toString().replace('\\', '/');
            for (Resource r : new ManifestParser().parse(name, read(p))) {
                if (r.isOurs()) {
                    results.add(new Outcome(r, Checked.check(r)));
                }
            }
        }
    }

    @Test
    void theCorpusHasDocumentsOfEveryKind() {
        assertThat(results).hasSizeGreaterThan(80);
        assertThat(results.stream().map(c -> c.resource().kind()).distinct()).containsExactlyInAnyOrderElementsOf(
                Kinds.ALL);
    }

    @Test
    void documentsMeantToBeValidHaveNoSchemaError() {
        List<String> unexpected = new ArrayList<>();
        for (Outcome c : results) {
            if (listedInvalid(c.resource())) {
                continue;
            }
            c.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .forEach(f -> unexpected.add(c.key(f) + ": " + f.message()));
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theOnlySchemaErrorsAreTheUnderscoreDatabaseNamesOfListedDocuments() {
        List<String> errors = new ArrayList<>();
        for (Outcome c : results) {
            c.findings().stream().filter(f -> f.severity() == Severity.ERROR).forEach(f -> {
                assertThat(f.rule()).isEqualTo("schema.invalid-type");
                errors.add(c.key(f));
            });
        }
        assertThat(errors).containsExactlyInAnyOrderElementsOf(EXPECTED_ERRORS);
    }

    @Test
    void unknownFieldWarningsAreFewAndReal() {
        List<String> unknown = new ArrayList<>();
        for (Outcome c : results) {
            c.findings().stream().filter(f -> f.rule().equals("schema.unknown-field")).forEach(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                unknown.add(c.key(f));
            });
        }
        assertThat(unknown).containsExactlyInAnyOrderElementsOf(EXPECTED_UNKNOWN_FIELDS);
    }

    @Test
    void theListOfInvalidDocumentsMatchesTheReadme() throws IOException {
        Path readme = CORPUS.resolve("README.md");
        assumeTrue(Files.isRegularFile(readme), "corpus README is absent");
        String text = Files.readString(readme);
        for (String file : LISTED_INVALID.keySet()) {
            String base = file.substring(file.lastIndexOf('/') + 1);
            assertThat(text).as("README lists " + file).contains(base);
        }
    }

    private static boolean listedInvalid(Resource r) {
        Set<String> listed = LISTED_INVALID.getOrDefault(r.file(), Set.of());
        return listed.contains(r.displayName()) || listed.contains(r.kind() + "/*");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
