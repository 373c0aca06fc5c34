package io.neo4jguard.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.kube.testenv.ApiRequestCounts;
import io.neo4jguard.kube.testenv.ControlPlane;
import io.neo4jguard.kube.testenv.Crds;
import io.neo4jguard.kube.testenv.KubeApiServerExtension;
import io.neo4jguard.reconciler.desired.ManagedLabels;
import io.neo4jguard.reconciler.loop.Caches;
import io.neo4jguard.reconciler.loop.NamespaceSelector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.neo4jguard.reconciler.Harness.await;
import static io.neo4jguard.reconciler.Harness.condition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reconciler against the real kube-apiserver (no controller manager: StatefulSets get no pods, so clusters stay
 * Progressing): what it creates and how, selection, Invalid, Conflict, spec changes, and a resync that writes
 * nothing, counted by the API server itself.
 */
@ExtendWith(KubeApiServerExtension.class)
class ReconcilerIT {
    /** A fresh label per run, so this class's selector matches only its own namespace. */
    private static final String SELECT_LABEL = "neo4j-guard.io/it-" + ProcessHandle.current().pid();
    /** Short, so the zero-write test sees several full resyncs in a few seconds. */
    private static final Duration RESYNC = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String ns;
    private static String selectedNs;
    private static ReconcilerRuntime runtime;

    @BeforeAll
    static void start(KubernetesClient client, ControlPlane plane) throws Exception {
        Crds.install(client);
        ns = Harness.namespace(client, "reconcile", Map.of());
        selectedNs = Harness.namespace(client, "selected", Map.of(SELECT_LABEL, "yes"));
        runtime = Harness.start(plane, Harness.options("it").withResync(RESYNC)
                .withNamespaces(NamespaceSelector.parse(SELECT_LABEL + "=yes")));
        await("caches synced", WAIT, runtime::hasSynced);
    }

    @AfterAll
    static void stop(KubernetesClient client) {
        if (runtime != null) {
            runtime.close();
        }
        for (String n : new String[] {ns, selectedNs}) {
            for (String kind : Caches.PRIMARY_KINDS) {
                client.genericKubernetesResources(Caches.context(kind)).inNamespace(n).delete();
            }
        }
    }

    @Test
    void anAnnotatedClusterGetsItsObjectsOwnedByItAndAProgressingStatus(KubernetesClient client) throws Exception {
        GenericKubernetesResource c = Harness.create(client, ns, Harness.cluster("owned", 3, true));
        String uid = c.getMetadata().getUid();
        await("Progressing", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "owned"),
                "Progressing")));

        StatefulSet sts = client.apps().statefulSets().inNamespace(ns).withName("owned-server").get();
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        List<HasMetadata> all = List.of(sts,
                client.configMaps().inNamespace(ns).withName("owned-config").get(),
                client.services().inNamespace(ns).withName("owned-headless").get(),
                client.services().inNamespace(ns).withName("owned-client").get(),
                client.serviceAccounts().inNamespace(ns).withName("owned-server").get(),
                client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("owned-server").get());
        for (HasMetadata o : all) {
            assertThat(o).as("created").isNotNull();
            OwnerReference ref = o.getMetadata().getOwnerReferences().get(0);
            assertThat(ref.getUid()).as(o.getKind() + " owner").isEqualTo(uid);
            assertThat(ref.getController()).isTrue();
            assertThat(o.getMetadata().getManagedFields()).as(o.getKind() + " field manager")
                    .anySatisfy(m -> assertThat(m.getManager()).isEqualTo(ManagedLabels.MANAGER));
        }
        // A cluster of 3 keeps a Raft majority of 2 through voluntary disruptions.
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("owned-server").get()
                .getSpec().getMinAvailable().getIntVal()).isEqualTo(2);

        GenericKubernetesResource now = Harness.get(client, ns, Kinds.CLUSTER, "owned");
        assertThat(condition(now, "Ready")).isEqualTo("False");
        assertThat(condition(now, "Invalid")).isEqualTo("False");
        assertThat(condition(now, "Conflict")).isEqualTo("False");
        assertThat(condition(now, "Degraded")).isEqualTo("False");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) now.getAdditionalProperties().get("status");
        assertThat(((Number) status.get("observedGeneration")).longValue()).isEqualTo(now.getMetadata().getGeneration());
    }

    @Test
    void selectionByNamespaceOrAnnotationOnly(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("ignored", 3, false));
        Harness.create(client, selectedNs, Harness.cluster("by-namespace", 3, false));
        Harness.create(client, ns, Harness.cluster("marker", 3, true));
        await("the selected namespace's cluster reconciled", WAIT,
                () -> client.apps().statefulSets().inNamespace(selectedNs).withName("by-namespace-server").get() != null);
        await("the marker reconciled", WAIT,
                () -> condition(Harness.get(client, ns, Kinds.CLUSTER, "marker"), "Progressing") != null);
        // The unannotated cluster outside the selected namespace was queued with the others (same informer), and
        // left alone: no objects, no status.
        assertThat(client.apps().statefulSets().inNamespace(ns).withName("ignored-server").get()).isNull();
        assertThat(client.configMaps().inNamespace(ns).withName("ignored-config").get()).isNull();
        assertThat(Harness.conditions(Harness.get(client, ns, Kinds.CLUSTER, "ignored"))).isEmpty();
    }

    @Test
    void anInvalidClusterGetsInvalidWithTheFindingsAndNothingApplied(KubernetesClient client) throws Exception {
        // An 8 GB heap in a 4 GiB container: the CRD schema admits it (the webhook is off), our memory rule does not.
        Harness.create(client, ns, Harness.cluster("invalid", 3, true).replace("storage: {size: 10Gi}",
                "storage: {size: 10Gi}\n  config: {server.memory.heap.max_size: 8g, server.memory.heap.initial_size: 8g}"));
        await("Invalid", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "invalid"), "Invalid")));
        GenericKubernetesResource o = Harness.get(client, ns, Kinds.CLUSTER, "invalid");
        assertThat(Harness.conditionMessage(o, "Invalid")).contains("memory.over-limit").contains("spec.resources.limits.memory");
        assertThat(condition(o, "Ready")).isEqualTo("False");
        assertThat(client.apps().statefulSets().inNamespace(ns).withName("invalid-server").get()).isNull();
        assertThat(client.configMaps().inNamespace(ns).withName("invalid-config").get()).isNull();
        assertThat(client.serviceAccounts().inNamespace(ns).withName("invalid-server").get()).isNull();
    }

    @Test
    void aStatefulSetOfTheSameNameHeldBySomeoneElseIsAConflictAndUntouched(KubernetesClient client) throws Exception {
        StatefulSet theirs = client.apps().statefulSets().inNamespace(ns).resource(new StatefulSetBuilder()
                .withNewMetadata().withName("taken-server").withLabels(Map.of("owner", "someone")).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName("x")
                .withNewSelector().withMatchLabels(Map.of("app", "x")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "x")).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        Harness.create(client, ns, Harness.cluster("taken", 3, true));
        await("Conflict", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "taken"), "Conflict")));
        GenericKubernetesResource o = Harness.get(client, ns, Kinds.CLUSTER, "taken");
        assertThat(Harness.conditionMessage(o, "Conflict")).contains("StatefulSet/taken-server");
        StatefulSet after = client.apps().statefulSets().inNamespace(ns).withName("taken-server").get();
        // Its spec never changed (a StatefulSet controller, when one runs, may still write its status).
        assertThat(after.getMetadata().getGeneration()).isEqualTo(theirs.getMetadata().getGeneration());
        assertThat(after.getSpec().getServiceName()).isEqualTo("x");
        assertThat(after.getMetadata().getManagedFields()).noneSatisfy(m ->
                assertThat(m.getManager()).isEqualTo(ManagedLabels.MANAGER));
        // Nothing else applied either: no half-made cluster beside another controller's StatefulSet.
        assertThat(client.configMaps().inNamespace(ns).withName("taken-config").get()).isNull();
    }

    @Test
    void scalingAndAConfigChangeReachTheStatefulSetAndThePdb(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("grows", 3, true));
        await("StatefulSet", WAIT, () -> client.apps().statefulSets().inNamespace(ns).withName("grows-server").get() != null);
        String hash = configHash(client.apps().statefulSets().inNamespace(ns).withName("grows-server").get());
        assertThat(hash).isNotBlank();

        Harness.patch(client, ns, Kinds.CLUSTER, "grows",
                "{\"spec\":{\"topology\":{\"servers\":5},\"config\":{\"db.logs.query.enabled\":\"INFO\"}}}");
        await("5 replicas", WAIT, () -> client.apps().statefulSets().inNamespace(ns).withName("grows-server").get()
                .getSpec().getReplicas() == 5);
        StatefulSet sts = client.apps().statefulSets().inNamespace(ns).withName("grows-server").get();
        assertThat(configHash(sts)).as("a config change rolls the pods").isNotEqualTo(hash);
        assertThat(client.configMaps().inNamespace(ns).withName("grows-config").get().getData().values())
                .anySatisfy(conf -> assertThat(conf).contains("db.logs.query.enabled=INFO"));
        await("PDB majority of 5", WAIT, () -> client.policy().v1().podDisruptionBudget().inNamespace(ns)
                .withName("grows-server").get().getSpec().getMinAvailable().getIntVal() == 3);
    }

    /**
     * Right after its own write the reconciler's informer cache still holds the StatefulSet as it was; a status read
     * from it would call a rollout that has not started finished (Ready True at the new generation, old pods).
     * There is no StatefulSet controller here, so the test plays it: the StatefulSet's status says "every server of
     * generation 1 Ready" and stays so. Every status the cluster shows for the new generation must then say
     * not Ready. Without the fix this failed in CI once in a while, through ClusterEndToEndIT's rollout check.
     */
    @Test
    void theStatusWrittenAfterAnApplyDescribesTheStatefulSetAsWrittenNotAsCached(KubernetesClient client)
            throws Exception {
        Harness.create(client, ns, Harness.cluster("steady", 3, true));
        await("StatefulSet", WAIT, () -> client.apps().statefulSets().inNamespace(ns).withName("steady-server").get() != null);
        StatefulSet sts = client.apps().statefulSets().inNamespace(ns).withName("steady-server").get();
        sts.setStatus(new StatefulSetStatusBuilder().withReplicas(3).withReadyReplicas(3).withAvailableReplicas(3)
                .withUpdatedReplicas(3).withCurrentReplicas(3).withObservedGeneration(sts.getMetadata().getGeneration())
                .withCurrentRevision("steady-server-1").withUpdateRevision("steady-server-1").build());
        client.apps().statefulSets().inNamespace(ns).resource(sts).updateStatus();
        await("Ready", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "steady"), "Ready")));

        List<String> readyAtNewGeneration = new CopyOnWriteArrayList<>();
        long next = Harness.get(client, ns, Kinds.CLUSTER, "steady").getMetadata().getGeneration() + 1;
        try (Watch w = client.genericKubernetesResources(Caches.context(Kinds.CLUSTER)).inNamespace(ns)
                .withName("steady").watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource o) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> status = (Map<String, Object>) o.getAdditionalProperties().get("status");
                        if (status != null && status.get("observedGeneration") instanceof Number g
                                && g.longValue() == next && "True".equals(condition(o, "Ready"))) {
                            readyAtNewGeneration.add(o.getMetadata().getResourceVersion());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            Harness.patch(client, ns, Kinds.CLUSTER, "steady", "{\"spec\":{\"config\":{\"db.logs.query.enabled\":\"INFO\"}}}");
            await("status of the new generation", WAIT, () -> {
                GenericKubernetesResource c = Harness.get(client, ns, Kinds.CLUSTER, "steady");
                @SuppressWarnings("unchecked")
                Map<String, Object> status = (Map<String, Object>) c.getAdditionalProperties().get("status");
                return status.get("observedGeneration") instanceof Number g && g.longValue() == next;
            });
            // A few resyncs more, each of which could write a wrong status too.
            Thread.sleep(RESYNC.multipliedBy(3).toMillis());
        }
        assertThat(readyAtNewGeneration).as("statuses claiming Ready for a rollout that has not started").isEmpty();
        GenericKubernetesResource c = Harness.get(client, ns, Kinds.CLUSTER, "steady");
        assertThat(condition(c, "Ready")).isEqualTo("False");
        assertThat(Harness.conditionMessage(c, "Ready")).contains("has not seen the latest spec");
    }

    @Test
    void anApplyTheApiServerRefusesIsDegradedWithItsReason(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("resized", 3, true));
        await("StatefulSet", WAIT, () -> client.apps().statefulSets().inNamespace(ns).withName("resized-server").get() != null);
        // A StatefulSet's claim template cannot change: the API server refuses the apply.
        Harness.patch(client, ns, Kinds.CLUSTER, "resized", "{\"spec\":{\"storage\":{\"size\":\"20Gi\"}}}");
        await("Degraded", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "resized"), "Degraded")));
        GenericKubernetesResource o = Harness.get(client, ns, Kinds.CLUSTER, "resized");
        assertThat(Harness.conditionMessage(o, "Degraded")).startsWith("HTTP 422").contains("Forbidden");
        assertThat(condition(o, "Ready")).isEqualTo("False");
        assertThat(client.apps().statefulSets().inNamespace(ns).withName("resized-server").get().getSpec()
                .getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage").toString())
                .isEqualTo("10Gi");
    }

    @Test
    void aOneShotBackupGetsItsJobAndClaimAndTheClaimIsNeverOwned(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("source", 3, true));
        GenericKubernetesResource b = Harness.create(client, ns, Harness.oneShotBackup("once", "source"));
        await("Job", WAIT, () -> client.batch().v1().jobs().inNamespace(ns).withName("once-backup").get() != null);
        Job job = client.batch().v1().jobs().inNamespace(ns).withName("once-backup").get();
        assertThat(job.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(b.getMetadata().getUid());
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(ns).withName("once-store").get();
        assertThat(claim).isNotNull();
        assertThat(claim.getMetadata().getOwnerReferences()).as("kept when the backup goes").isNullOrEmpty();
        await("BackupSucceeded reported", WAIT, () -> condition(Harness.get(client, ns, Kinds.BACKUP, "once"),
                "BackupSucceeded") != null);
        // Without a job controller the Job never runs (Unknown); when another class of the run has started the
        // simulated cluster, it may already have succeeded. Never False: nothing failed.
        assertThat(condition(Harness.get(client, ns, Kinds.BACKUP, "once"), "BackupSucceeded")).isIn("Unknown", "True");
    }

    @Test
    void aBackupThatArrivesBeforeItsClusterIsReconciledWhenTheClusterArrives(KubernetesClient client) throws Exception {
        // The order one `kubectl apply -f dir/` can produce as the informers see it: the backup's target is
        // not in the cache yet, so the backup is Invalid (refs.target-missing). The cluster's arrival must queue
        // it again (Caches.backupsNaming, CachesTest). The runtime's resync is 10 min; an informer relisting
        // right then (as one did in a run of this test without the fix, the API server's watch cache just
        // started) could also pass it, which is why the mapping itself is proven in CachesTest.
        Harness.create(client, ns, Harness.oneShotBackup("early", "late-source"));
        await("Invalid: target missing", WAIT, () -> String.valueOf(Harness.conditionMessage(
                Harness.get(client, ns, Kinds.BACKUP, "early"), "Invalid")).contains("refs.target-missing"));
        assertThat(client.batch().v1().jobs().inNamespace(ns).withName("early-backup").get()).isNull();

        Harness.create(client, ns, Harness.cluster("late-source", 3, true));
        await("Job once the cluster exists", WAIT,
                () -> client.batch().v1().jobs().inNamespace(ns).withName("early-backup").get() != null);
        await("no longer Invalid", WAIT, () -> "False".equals(condition(Harness.get(client, ns, Kinds.BACKUP, "early"),
                "Invalid")));
    }

    @Test
    void aBackupWhoseScheduleIsRemovedLosesItsCronJobAndKeepsItsJobs(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("nightly-source", 3, true));
        GenericKubernetesResource b = Harness.create(client, ns, Harness.oneShotBackup("nightly", "nightly-source"));
        await("Job", WAIT, () -> client.batch().v1().jobs().inNamespace(ns).withName("nightly-backup").get() != null);

        Harness.patch(client, ns, Kinds.BACKUP, "nightly", "{\"spec\":{\"schedule\":\"0 3 * * *\"}}");
        await("CronJob", WAIT, () -> client.batch().v1().cronjobs().inNamespace(ns).withName("nightly-backup-cron").get() != null);
        assertThat(client.batch().v1().cronjobs().inNamespace(ns).withName("nightly-backup-cron").get().getSpec()
                .getSchedule()).isEqualTo("0 3 * * *");

        // Schedule removed: a CronJob left behind would go on taking the backups the user turned off.
        Harness.patch(client, ns, Kinds.BACKUP, "nightly", "{\"spec\":{\"schedule\":null}}");
        await("CronJob pruned", WAIT, () -> client.batch().v1().cronjobs().inNamespace(ns).withName("nightly-backup-cron").get() == null);
        Job job = client.batch().v1().jobs().inNamespace(ns).withName("nightly-backup").get();
        assertThat(job).as("the one-shot Job, the record of a run, stays").isNotNull();
        assertThat(job.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(b.getMetadata().getUid());
        assertThat(client.persistentVolumeClaims().inNamespace(ns).withName("nightly-store").get()).isNotNull();
    }

    @Test
    void aCronJobOfAPrunedNameThatIsNoLongerOursIsLeftAlone(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("kept-source", 3, true));
        Harness.create(client, ns, Harness.oneShotBackup("kept", "kept-source"));
        Harness.patch(client, ns, Kinds.BACKUP, "kept", "{\"spec\":{\"schedule\":\"0 4 * * *\"}}");
        await("CronJob", WAIT, () -> client.batch().v1().cronjobs().inNamespace(ns).withName("kept-backup-cron").get() != null);
        // Someone takes the CronJob over (drops our controller reference) before the schedule is removed.
        client.batch().v1().cronjobs().inNamespace(ns).withName("kept-backup-cron")
                .edit(c -> { c.getMetadata().setOwnerReferences(List.of()); return c; });
        Harness.patch(client, ns, Kinds.BACKUP, "kept", "{\"spec\":{\"schedule\":null}}");
        await("one-shot Job", WAIT, () -> client.batch().v1().jobs().inNamespace(ns).withName("kept-backup").get() != null);
        await("status of the new generation", WAIT, () -> {
            GenericKubernetesResource o = Harness.get(client, ns, Kinds.BACKUP, "kept");
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) o.getAdditionalProperties().get("status");
            return status != null && status.get("observedGeneration") instanceof Number g
                    && g.longValue() == o.getMetadata().getGeneration();
        });
        assertThat(client.batch().v1().cronjobs().inNamespace(ns).withName("kept-backup-cron").get())
                .as("not ours any more, so not deleted").isNotNull();
    }

    @Test
    void aResyncWithNothingChangedSendsNoWriteRequest(KubernetesClient client, ControlPlane plane) throws Exception {
        Harness.create(client, ns, Harness.cluster("idle", 3, true));
        await("converged", WAIT, () -> "True".equals(condition(Harness.get(client, ns, Kinds.CLUSTER, "idle"), "Progressing")));
        // Let the other tests' objects settle too (their last status writes), then count.
        Thread.sleep(3 * RESYNC.toMillis());
        double reconcilesBefore = runtime.metrics().reconciles();
        double ownBefore = runtime.metrics().writes();
        ApiRequestCounts before = ApiRequestCounts.scrape(client);
        Thread.sleep(5 * RESYNC.toMillis());
        ApiRequestCounts delta = ApiRequestCounts.scrape(client).since(before);
        assertThat(runtime.metrics().reconciles() - reconcilesBefore).as("resyncs did reconcile everything again")
                .isGreaterThanOrEqualTo(3);
        assertThat(delta.writes(Harness::reconcilerWrite)).as("write requests the API server served").isEmpty();
        assertThat(runtime.metrics().writes() - ownBefore).isZero();
    }

    @Test
    void anObjectDeletedByHandComesBack(KubernetesClient client) throws Exception {
        Harness.create(client, ns, Harness.cluster("healed", 3, true));
        await("Service", WAIT, () -> client.services().inNamespace(ns).withName("healed-client").get() != null);
        Service before = client.services().inNamespace(ns).withName("healed-client").get();
        client.services().inNamespace(ns).withName("healed-client").delete();
        await("Service re-created", WAIT, () -> {
            Service s = client.services().inNamespace(ns).withName("healed-client").get();
            return s != null && !s.getMetadata().getUid().equals(before.getMetadata().getUid());
        });
        ConfigMap cm = client.configMaps().inNamespace(ns).withName("healed-config").get();
        ServiceAccount sa = client.serviceAccounts().inNamespace(ns).withName("healed-server").get();
        PodDisruptionBudget pdb = client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("healed-server").get();
        assertThat(List.of(cm, sa, pdb)).doesNotContainNull();
    }

    private static String configHash(StatefulSet sts) {
        Map<String, String> a = sts.getSpec().getTemplate().getMetadata().getAnnotations();
        return a == null ? null : a.get(ManagedLabels.CONFIG_HASH);
    }
}
