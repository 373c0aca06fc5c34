package io.neo4jguard.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * object another controller holds (step 1). Nothing is ever deleted here: objects go with their owner through
 * the garbage collector, and PersistentVolumeClaims are never ours.
 *
 * <p>A desired object without a controller owner reference (a backup's PersistentVolumeClaim, which must outlive
 * the backup) is <em>create-only</em>: created when absent, and otherwise left exactly as it is, whoever made it,
 * so an existing claim of that name is used, never resized or adopted.
 */
public final class Applier {
    public static final String FIELD_MANAGER = ManagedLabels.MANAGER;

    private static final PatchContext APPLY = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(FIELD_MANAGER)
            .withForce(true)
            .build();

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
            if (!createOnly(d)) {
                Optional<String> holder = Ownership.foreignHolder(o, ownerUid);
                holder.ifPresent(h -> conflicts.add(key(d) + " " + h));
            }
        }
        if (!conflicts.isEmpty()) {
            return new ApplyResult(conflicts, previous, 0, 0);
        }
        Map<String, String> applied = new LinkedHashMap<>();
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
            send(d, body);
            writes++;
        }
        return new ApplyResult(List.of(), applied, writes, unchanged);
    }

    static boolean createOnly(HasMetadata d) {
        var refs = d.getMetadata().getOwnerReferences();
        return refs == null || refs.stream().noneMatch(r -> Boolean.TRUE.equals(r.getController()));
    }

    /**
     * The body is sent as given. The request is built from the object itself ({@code resource(d)}): fabric8's
     * name-only form would first GET the object, which fails for one that does not exist yet.
     */
    private void send(HasMetadata d, String body) {
        client.resource(d).patch(APPLY, body);
    }

    private static JsonNode tree(HasMetadata o) {
        return DesiredYaml.tree(o);
    }

    /** "Kind/name": objects of one resource share its namespace. */
    public static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
