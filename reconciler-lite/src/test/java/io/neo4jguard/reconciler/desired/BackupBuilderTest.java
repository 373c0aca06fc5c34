package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.backup.AdminArgs;
import io.neo4jguard.core.tree.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.neo4jguard.reconciler.desired.Manifests.UID;
import static io.neo4jguard.reconciler.desired.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;

class BackupBuilderTest {
    private final DesiredState desired = DesiredState.standard();

    private static Resource backup(String spec) {
        return Manifests.one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: b, namespace: ns}
                spec:
                  instanceRef: graph
                %s
                """.formatted(spec));
    }

    private static final String ALL_OPTIONS = """
              database: orders
              storage: {type: s3, bucket: bkt, cloud: {provider: aws}}
              options:
                backupType: DIFF
                compress: false
                pageCache: 1G
                tempPath: /tmp/x
                includeMetadata: users
                preferDiffAsParent: true
                parallelDownload: true
                skipRecovery: true
                parallelRecovery: true
                keepFailed: true
                remoteAddressResolution: true
            """;

    @Test
    void passesExactlyTheOptionsCoreSaysTheOperatorPasses() {
        Resource b = backup(ALL_OPTIONS);
        List<String> args = container(desired.forBackup(b, UID,
                Manifests.cluster(3, "2026.04.0-enterprise", ""))).getCommand();
        Set<String> passed = args.stream().filter(a -> a.startsWith("--")).map(AdminArgs::optionName)
                .collect(Collectors.toSet());
        Set<String> expected = AdminArgs.passedByBackup(Node.root(b.tree()).get("spec", "options")).keySet();
        assertThat(passed).isEqualTo(expected);
        assertThat(args).startsWith("neo4j-admin", "database", "backup").endsWith("orders");
    }

    @Test
    void optionsNewerThanTheTargetAreNotPassed() {
        List<String> args = container(desired.forBackup(backup(ALL_OPTIONS), UID,
                Manifests.cluster(3, "5.26.0-enterprise", ""))).getCommand();
        assertThat(args).doesNotContain("--prefer-diff-as-parent", "--parallel-download", "--skip-recovery",
                "--remote-address-resolution").contains("--keep-failed", "--type=DIFF");
    }

    @Test
    void fromListsEveryServerOfTheTarget() {
        List<String> args = container(desired.forBackup(backup("  allDatabases: true\n"
                + "  storage: {type: gcs, bucket: bkt, cloud: {provider: gcp}}"), UID,
                Manifests.cluster(5, "5.26.0-enterprise", ""))).getCommand();
        String from = args.stream().filter(a -> a.startsWith("--from=")).findFirst().orElseThrow();
        assertThat(from.split(",")).hasSize(5);
        assertThat(from).endsWith("graph-server-4.graph-headless.ns.svc.cluster.local:6362");
        assertThat(args).contains("--to-path=gs://bkt/graph/").last().isEqualTo("*");
    }

    @Test
    void aScheduleMakesACronJobThatForbidsOverlapAndHonoursSuspend() {
        List<HasMetadata> objects = desired.forBackup(backup("  schedule: \"*/15 * * * *\"\n  suspend: true\n"
                + "  storage: {type: s3, bucket: bkt, cloud: {provider: aws}}"), UID,
                Manifests.cluster(3, "5.26.0-enterprise", ""));
        CronJob cron = only(objects, CronJob.class);
        assertThat(cron.getMetadata().getName()).isEqualTo("b-backup-cron");
        assertThat(cron.getSpec().getSchedule()).isEqualTo("*/15 * * * *");
        assertThat(cron.getSpec().getSuspend()).isTrue();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(objects).noneMatch(Job.class::isInstance);
    }

    @Test
    void aCreatedBackupClaimHasNoOwnerSoItOutlivesTheBackup() {
        List<HasMetadata> objects = desired.forBackup(backup(
                "  storage: {type: pvc, pvc: {name: keep-me, size: 5Gi}}"), UID,
                Manifests.cluster(3, "5.26.0-enterprise", ""));
        PersistentVolumeClaim claim = only(objects, PersistentVolumeClaim.class);
        assertThat(claim.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(objects).filteredOn(o -> !(o instanceof PersistentVolumeClaim))
                .allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences()).singleElement()
                        .satisfies(r -> assertThat(r.getUid()).isEqualTo(UID)));
        Job job = only(objects, Job.class);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).as("no TTL: a collected Job would run again").isNull();
        assertThat(container(objects).getCommand()).contains("--to-path=/backup/graph/");
    }

    private static Container container(List<HasMetadata> objects) {
        List<Container> c = objects.stream().flatMap(o -> o instanceof Job j
                ? j.getSpec().getTemplate().getSpec().getContainers().stream()
                : o instanceof CronJob cj ? cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
                .getContainers().stream() : java.util.stream.Stream.empty()).toList();
        assertThat(c).hasSize(1);
        return c.get(0);
    }
}
