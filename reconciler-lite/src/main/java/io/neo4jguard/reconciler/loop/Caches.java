package io.neo4jguard.reconciler.loop;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.reconciler.apply.LiveObjects;
import io.neo4jguard.reconciler.desired.ManagedLabels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The controller's view of the cluster: fabric8 shared informers (list + watch, reconnecting by themselves) on
 * <ul>
 *   <li>the managed kinds, Neo4jEnterpriseCluster, Neo4jEnterpriseStandalone and Neo4jBackup, in all namespaces,
 *       resynced every {@code resync} (a resync replays every object to the handler: the periodic check that
 *       nothing drifted, which costs reads of the cache and no request); a cluster or standalone that arrives or
 *       changes also queues the backups that name it;</li>
 *   <li>the kinds we create, selected by label {@value ManagedLabels#MANAGED_SELECTOR} (so the caches hold our
 *       objects only, not every ConfigMap of the cluster); a change to one queues its owner;</li>
 *   <li>Namespaces, only with a namespace selector: a relabelled namespace queues its resources.</li>
 * </ul>
 * Informers run on every replica, leader or not, so a standby that takes over starts with warm caches.
 */
public final class Caches implements LiveObjects, AutoCloseable {
    /** The managed kinds in the order they are reconciled on start (targets before backups). */
    public static final List<String> PRIMARY_KINDS = List.of(Kinds.CLUSTER, Kinds.STANDALONE, Kinds.BACKUP);

    /** What we create; a desired object of another type is looked up with a GET. */
    static final List<Class<? extends HasMetadata>> OWNED = List.of(ServiceAccount.class, ConfigMap.class,
            Service.class, StatefulSet.class, PodDisruptionBudget.class, Job.class, CronJob.class,
            PersistentVolumeClaim.class);

    private final KubernetesClient client;
    private final Duration resync;
    private final Consumer<ObjectRef> enqueue;
    private final boolean watchNamespaces;
    /** Concurrent: the handlers of the first informers read it while {@link #start} still adds the later ones. */
    private final Map<String, SharedIndexInformer<GenericKubernetesResource>> primaries = new ConcurrentHashMap<>();
    private final Map<Class<?>, SharedIndexInformer<? extends HasMetadata>> owned = new LinkedHashMap<>();
    private SharedIndexInformer<Namespace> namespaces;

    public Caches(KubernetesClient client, Duration resync, boolean watchNamespaces, Consumer<ObjectRef> enqueue) {
        this.client = client;
        this.resync = resync;
        this.watchNamespaces = watchNamespaces;
        this.enqueue = enqueue;
    }

    public static ResourceDefinitionContext context(String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(Kinds.GROUP).withVersion(Kinds.VERSION)
                .withKind(kind).withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(true)
                .build();
    }

    /**
     * Starts every informer without waiting: a list that fails (API server down, CRDs not installed yet, RBAC
     * missing) is retried by the informer with its backoff, reported to {@code errors}, and {@link #hasSynced()}
     * stays false until every first list has arrived.
     */
    public void start(java.util.function.BiConsumer<String, Throwable> errors) {
        if (watchNamespaces) {
            namespaces = started(client.namespaces().runnableInformer(0), new NamespaceHandler(), "Namespace", errors);
        }
        for (Class<? extends HasMetadata> type : OWNED) {
            owned.put(type, started(client.resources(type).inAnyNamespace()
                    .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER).runnableInformer(0),
                    new OwnedHandler<>(), type.getSimpleName(), errors));
        }
        for (String kind : PRIMARY_KINDS) {
            primaries.put(kind, started(client.genericKubernetesResources(context(kind)).inAnyNamespace()
                    .runnableInformer(resync.toMillis()), new PrimaryHandler(kind), kind, errors));
        }
    }

    private static <T extends HasMetadata> SharedIndexInformer<T> started(SharedIndexInformer<T> informer,
            ResourceEventHandler<? super T> handler, String what, java.util.function.BiConsumer<String, Throwable> errors) {
        informer.addEventHandler(handler);
        informer.exceptionHandler((isStarted, t) -> {
            errors.accept(what, t);
            return true; // keep trying: the controller is useless without this cache, and says so on /readyz
        });
        informer.start();
        return informer;
    }

    public boolean hasSynced() {
        return !primaries.isEmpty() && (namespaces == null || namespaces.hasSynced())
                && primaries.values().stream().allMatch(SharedIndexInformer::hasSynced)
                && owned.values().stream().allMatch(SharedIndexInformer::hasSynced);
    }

    public GenericKubernetesResource primary(ObjectRef ref) {
        SharedIndexInformer<GenericKubernetesResource> i = primaries.get(ref.kind());
        return i == null ? null : i.getStore().getByKey(Cache.namespaceKeyFunc(ref.namespace(), ref.name()));
    }

    public List<GenericKubernetesResource> primaries(String kind) {
        SharedIndexInformer<GenericKubernetesResource> i = primaries.get(kind);
        return i == null ? List.of() : i.getStore().list();
    }

    public Map<String, String> namespaceLabels(String name) {
        if (namespaces == null) {
            return null;
        }
        Namespace ns = namespaces.getStore().getByKey(name);
        return ns == null ? null : ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
    }

    public <T extends HasMetadata> T owned(Class<T> type, String namespace, String name) {
        SharedIndexInformer<? extends HasMetadata> i = owned.get(type);
        return i == null ? null : type.cast(i.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    /** Our Jobs belonging to a backup: its one-shot Job and the Jobs its CronJob started. */
    public List<Job> jobsOf(String namespace, String backup) {
        List<Job> out = new ArrayList<>();
        SharedIndexInformer<? extends HasMetadata> i = owned.get(Job.class);
        for (HasMetadata o : i.getStore().list()) {
            Map<String, String> l = o.getMetadata().getLabels();
            if (namespace.equals(o.getMetadata().getNamespace()) && l != null
                    && backup.equals(l.get(ManagedLabels.INSTANCE)) && Kinds.BACKUP.equals(l.get(ManagedLabels.OWNER_KIND))) {
                out.add((Job) o);
            }
        }
        return out;
    }

    /** From the cache when we hold that type (absent from it = absent or not ours), else a GET. */
    @Override
    public HasMetadata get(HasMetadata desired) {
        HasMetadata cached = owned(desired.getClass(), desired.getMetadata().getNamespace(), desired.getMetadata().getName());
        if (cached != null) {
            return cached;
        }
        // Not in our label-selected cache: absent, just created (the watch has not caught up), or someone else's
        // object of that name. One GET tells which; a steady state never gets here.
        return client.resources(desired.getClass()).inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()).get();
    }

    @Override
    public void close() {
        primaries.values().forEach(SharedIndexInformer::stop);
        owned.values().forEach(SharedIndexInformer::stop);
        if (namespaces != null) {
            namespaces.stop();
        }
    }

    /** The custom resource an object of ours belongs to: its controller, else our labels (Jobs of a CronJob). */
    static ObjectRef ownerOf(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.getController()) && PRIMARY_KINDS.contains(r.getKind())
                        && r.getApiVersion() != null && r.getApiVersion().startsWith(Kinds.GROUP + "/")) {
                    return new ObjectRef(r.getKind(), ns, r.getName());
                }
            }
        }
        Map<String, String> l = o.getMetadata().getLabels();
        if (l != null && PRIMARY_KINDS.contains(l.get(ManagedLabels.OWNER_KIND)) && l.get(ManagedLabels.INSTANCE) != null) {
            return new ObjectRef(l.get(ManagedLabels.OWNER_KIND), ns, l.get(ManagedLabels.INSTANCE));
        }
        return null;
    }

    private final class PrimaryHandler implements ResourceEventHandler<GenericKubernetesResource> {
        private final String kind;

        PrimaryHandler(String kind) {
            this.kind = kind;
        }

        @Override
        public void onAdd(GenericKubernetesResource o) {
            enqueue.accept(ref(o));
            queueBackupsOf(o);
        }

        /**
         * Our own status writes come back as updates; reconciling on them would be a loop of reads. A change the
         * controller acts on is a new generation (spec), new labels or annotations (selection, opt-in), a
         * deletion mark, or a resync (same resourceVersion).
         */
        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource now) {
            var a = old.getMetadata();
            var b = now.getMetadata();
            if (Objects.equals(a.getResourceVersion(), b.getResourceVersion())
                    || !Objects.equals(a.getGeneration(), b.getGeneration())
                    || !Objects.equals(a.getAnnotations(), b.getAnnotations())
                    || !Objects.equals(a.getLabels(), b.getLabels())
                    || !Objects.equals(a.getDeletionTimestamp(), b.getDeletionTimestamp())) {
                enqueue.accept(ref(now));
                queueBackupsOf(now);
            }
        }

        @Override
        public void onDelete(GenericKubernetesResource o, boolean unknownFinalState) {
            // Nothing to do: owner references hand the objects to the garbage collector.
        }

        private ObjectRef ref(GenericKubernetesResource o) {
            return new ObjectRef(kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
        }

        /**
         * A backup is checked against its target (refs.target-missing when the cache does not hold it) and built
         * from it (the Job dials the target's Service, with its TLS), so the target's arrival or change queues the
         * backups that name it. The informers of the two kinds are separate: a backup applied together with its
         * cluster can reach its worker before the cluster reaches the cache, and without this it stayed Invalid
         * until the next resync (ClusterEndToEndIT saw it once in a full build).
         */
        private void queueBackupsOf(GenericKubernetesResource target) {
            if (!Kinds.SERVERS.contains(kind)) {
                return;
            }
            SharedIndexInformer<GenericKubernetesResource> backups = primaries.get(Kinds.BACKUP);
            if (backups == null) {
                return; // not started yet: its own first list queues every backup
            }
            backupsNaming(target, backups.getStore().list()).forEach(enqueue);
        }
    }

    /** The backups among {@code backups} whose spec.instanceRef names {@code target} (same namespace). */
    static List<ObjectRef> backupsNaming(HasMetadata target, List<GenericKubernetesResource> backups) {
        String namespace = target.getMetadata().getNamespace();
        String name = target.getMetadata().getName();
        List<ObjectRef> out = new ArrayList<>();
        for (GenericKubernetesResource b : backups) {
            if (Objects.equals(namespace, b.getMetadata().getNamespace())
                    && b.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                    && name.equals(spec.get("instanceRef"))) {
                out.add(new ObjectRef(Kinds.BACKUP, namespace, b.getMetadata().getName()));
            }
        }
        return out;
    }

    private final class OwnedHandler<T extends HasMetadata> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T o) {
            owner(o);
        }

        @Override
        public void onUpdate(T old, T now) {
            if (!Objects.equals(old.getMetadata().getResourceVersion(), now.getMetadata().getResourceVersion())) {
                owner(now);
            }
        }

        @Override
        public void onDelete(T o, boolean unknownFinalState) {
            owner(o); // deleted by hand: the owner re-creates it
        }

        private void owner(T o) {
            ObjectRef ref = ownerOf(o);
            if (ref != null) {
                enqueue.accept(ref);
            }
        }
    }

    private final class NamespaceHandler implements ResourceEventHandler<Namespace> {
        @Override
        public void onAdd(Namespace ns) {
            // Its resources arrive through their own informers.
        }

        @Override
        public void onUpdate(Namespace old, Namespace now) {
            if (!Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())) {
                String name = now.getMetadata().getName();
                for (String kind : PRIMARY_KINDS) {
                    for (GenericKubernetesResource o : primaries(kind)) {
                        if (name.equals(o.getMetadata().getNamespace())) {
                            enqueue.accept(new ObjectRef(kind, name, o.getMetadata().getName()));
                        }
                    }
                }
            }
        }

        @Override
        public void onDelete(Namespace ns, boolean unknownFinalState) {
        }
    }
}
