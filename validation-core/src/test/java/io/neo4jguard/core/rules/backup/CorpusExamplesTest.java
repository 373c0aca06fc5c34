package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator's own example manifests (read-only corpus, outside the repository) through every backup/restore
 * check, each file on its own as the CLI would see it (targets in other files are "not in the run": warnings).
 * Only documents that the corpus README lists as rejected by the reference may have errors, and they have
 * exactly the errors that make them invalid:
 * <ul>
 *   <li>end-to-end/complete-deployment.yaml, disaster-recovery.yaml: s3 without cloud.provider aws (see
 *       BackupStorageCheckTest#s3WithoutProviderIsAnErrorWithAFixBecauseTheOperatorDoesNotInferIt for why this
 *       stays an error, with an automatic fix);</li>
 *   <li>end-to-end/multi-tenancy.yaml: the same, plus database names with underscores.</li>
 * </ul>
 */
class CorpusExamplesTest {
    private static final Path CORPUS = Path.of(System.getProperty("neo4jguard.corpus",
            "/work/shared/corpus/neo4j-operator-examples"));

    private static final List<Check> CHECKS = List.of(new BackupTargetCheck(), new BackupStorageCheck(),
            new BackupScheduleCheck(), new BackupRetentionCheck(), new BackupOptionsCheck(), new BackupChainCheck(),
            new RestoreTargetCheck(), new RestoreSourceCheck(), new RestoreOptionsCheck(), new RestoreHooksCheck());

    @Test
    void onlyTheDocumentsTheReadmeListsAsInvalidHaveErrors() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not available at " + CORPUS);
        Engine engine = new Engine(CHECKS, Policy.defaults());
        Map<String, TreeSet<String>> errors = new TreeMap<>();
        int documents = 0;
        for (Path file : yamlFiles()) {
            List<Resource> resources = new ManifestParser().parse(file.toString(),
                    Files.readString(file, StandardCharsets.UTF_8));
            var resolver = Resolvers.of(false, resources);
            for (Resource r : resources) {
                if (!r.kind().equals(Kinds.BACKUP) && !r.kind().equals(Kinds.RESTORE)) {
                    continue;
                }
                documents++;
                for (Finding f : engine.validate(r, null, resolver)) {
                    assertThat(f.rule()).as("no check may fail on " + r).isNotEqualTo("engine.check-failed");
                    if (f.severity() == Severity.ERROR) {
                        errors.computeIfAbsent(CORPUS.relativize(file) + " " + r.displayName(), k -> new TreeSet<>())
                                .add(f.rule() + " " + f.field());
                    }
                }
            }
        }
        assertThat(documents).as("backup/restore documents in the corpus").isGreaterThanOrEqualTo(25);
        String missingProvider = "backup-storage.provider-missing spec.storage.cloud.provider";
        String underscore = "backup.database-name spec.database";
        assertThat(errors).isEqualTo(Map.of(
                "examples/end-to-end/complete-deployment.yaml Neo4jBackup/daily-backup", set(missingProvider),
                "examples/end-to-end/complete-deployment.yaml Neo4jBackup/weekly-full-backup", set(missingProvider),
                "examples/end-to-end/disaster-recovery.yaml Neo4jBackup/cross-region-backup", set(missingProvider),
                "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-a-backup", set(missingProvider, underscore),
                "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-b-backup", set(missingProvider, underscore),
                "examples/end-to-end/multi-tenancy.yaml Neo4jBackup/tenant-c-backup", set(missingProvider, underscore)));
    }

    private static TreeSet<String> set(String... s) {
        return new TreeSet<>(List.of(s));
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }
}
