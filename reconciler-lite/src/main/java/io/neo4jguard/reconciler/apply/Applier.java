package io.neo4jguard.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.neo4jguard.reconciler.desired.DesiredYaml;
import io.neo4jguard.reconciler.desired.ManagedLabels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side apply of one custom resource's desired objects, with field manager {@value #FIELD_MANAGER}.
 *
 * <ol>
 *   <li>Ownership first, for all of them: if any live object of those names is held by someone else, nothing is
 *       applied (a half-applied cluster next to another controller's StatefulSet helps nobody).</li>
 *   <li>Then per object: skip it when the live object already {@linkplain Drift covers} the desired one and the
 *       {@linkplain AppliedHash digest} of what we last applied is unchanged; otherwise one apply request.</li>
 * </ol>
 * The request body is {@link DesiredYaml#json}, the bytes {@code render} prints. {@code force: true} is safe
 * because the body holds only fields we own: it takes back a field someone edited by hand, and cannot reach an
 * object another controller holds (step 1). Objects go with their owner through the garbage collector, and
 * PersistentVolumeClaims are never ours. The one exception is {@linkplain #PRUNABLE pruning}: an object this
 * resource had us apply that its spec no longer asks for.
 *
 * <p>Two kinds of desired object are <em>create-only</em>: created when absent, otherwise left exactly as they are.
 * <ul>
 *   <li>one without a controller owner reference (a backup's PersistentVolumeClaim, which must outlive the
 *       backup): an existing claim of that name, whoever made it, is used, never resized or adopted;</li>
 *   <li>a Job: its pod template cannot change after creation, and a one-shot Job is the record of a run that
 *       happened with the target as it was then (scaling the cluster later changes the {@code --from} list
 *       the builders would write, not the run). Still ours only if we control it: another's Job of that name
 *       is a conflict.</li>
 * </ul>
 */
public final class Applier {
    public static final String FIELD_MANAGER = ManagedLabels.MANAGER;

    private static final PatchContext APPLY = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(FIELD_MANAGER)
            .withForce(true)
            .build();

    /**
     * Kinds a builder emits only for some specs, so that a spec change can leave one behind, by kind with its
     * API version. Only the CronJob qualifies: a backup whose {@code schedule} is removed gets a one-shot Job
     * instead, and a CronJob left running would go on taking backups the user turned off. A Job is never pruned
     * (it is the record that a backup ran, see above), and every other kind is built for every spec.
     */
    static final Map<String, String> PRUNABLE = Map.of("CronJob", "batch/v1");

    private final KubernetesClient client;
    private final LiveObjects live;

    public Applier(KubernetesClient client, LiveObjects live) {
        this.client = client;
        this.live = live;
    }

    /**
     * @param desired  the builders' objects, in apply order
     * @param ownerUid uid of the custom resource they belong to
     * @param previous digests from the resource's {@code status.appliedObjects} (empty when unknown)
     */
    public ApplyResult apply(List<HasMetadata> desired, String ownerUid, Map<String, String> previous) {
        List<HasMetadata> observed = new ArrayList<>(desired.size());
        List<String> conflicts = new ArrayList<>();
        for (HasMetadata d : desired) {
            HasMetadata o = live.get(d);
            observed.add(o);
            if (controlled(d)) {
                Optional<String> holder = Ownership.foreignHolder(o, ownerUid);
                holder.ifPresent(h -> conflicts.add(key(d) + " " + h));
            }
        }
        if (!conflicts.isEmpty()) {
            return new ApplyResult(conflicts, previous, 0, 0, Map.of());
        }
        Map<String, String> applied = new LinkedHashMap<>();
        Map<String, HasMetadata> written = new LinkedHashMap<>();
        int writes = 0;
        int unchanged = 0;
        for (int i = 0; i < desired.size(); i++) {
            HasMetadata d = desired.get(i);
            HasMetadata o = observed.get(i);
            if (createOnly(d) && o != null) {
                unchanged++;
                continue;
            }
            String body = DesiredYaml.json(d);
            String hash = AppliedHash.of(body);
            applied.put(key(d), hash);
            if (o != null && hash.equals(previous.get(key(d))) && Drift.covers(tree(d), tree(o))) {
                unchanged++;
                continue;
            }
            written.put(key(d), send(d, body));
            writes++;
        }
        String namespace = desired.isEmpty() ? null : desired.get(0).getMetadata().getNamespace();
        for (String gone : previous.keySet()) {
            if (!applied.containsKey(gone) && namespace != null && prune(namespace, gone, ownerUid)) {
                writes++;
            }
        }
        return new ApplyResult(List.of(), applied, writes, unchanged, written);
    }

    /**
     * Deletes "Kind/name" if it is of a {@linkplain #PRUNABLE prunable} kind and, read fresh from the API server,
     * still controlled by this resource (by uid): one created or adopted by anybody else since is left alone.
     * Background propagation, as {@code kubectl delete}: the CronJob's own Jobs go with it.
     *
     * @return whether a delete request was sent
     */
    private boolean prune(String namespace, String key, String ownerUid) {
        int slash = key.indexOf('/');
        String apiVersion = PRUNABLE.get(key.substring(0, slash));
        if (apiVersion == null) {
            return false;
        }
        var resource = client.genericKubernetesResources(apiVersion, key.substring(0, slash)).inNamespace(namespace)
                .withName(key.substring(slash + 1));
        GenericKubernetesResource o = resource.get();
        if (o == null || Ownership.foreignHolder(o, ownerUid).isPresent()) {
            return false;
        }
        resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        return true;
    }

    static boolean createOnly(HasMetadata d) {
        return !controlled(d) || d instanceof Job;
    }

    private static boolean controlled(HasMetadata d) {
        var refs = d.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()));
    }

    /**
     * The body is sent as given. The request is built from the object itself ({@code resource(d)}): fabric8's
     * name-only form would first GET the object, which fails for one that does not exist yet.
     */
    private HasMetadata send(HasMetadata d, String body) {
        return client.resource(d).patch(APPLY, body);
    }

    private static JsonNode tree(HasMetadata o) {
        return DesiredYaml.tree(o);
    }

    /** "Kind/name": objects of one resource share its namespace. */
    public static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
