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
            Optional<String> holder = Ownership.foreignHolder(o, ownerUid);
            holder.ifPresent(h -> conflicts.add(key(d) + " " + h));
        }
        if (!conflicts.isEmpty()) {
            return new ApplyResult(conflicts, previous, 0, 0);
        }
        Map<String, String> applied = new LinkedHashMap<>();
        int writes = 0;
        int unchanged = 0;
        for (int i = 0; i < desired.size(); i++) {
            HasMetadata d = desired.get(i);
            String body = DesiredYaml.json(d);
            String hash = AppliedHash.of(body);
            applied.put(key(d), hash);
            HasMetadata o = observed.get(i);
            if (o != null && hash.equals(previous.get(key(d))) && Drift.covers(tree(d), tree(o))) {
                unchanged++;
                continue;
            }
            send(d, body);
            writes++;
        }
        return new ApplyResult(List.of(), applied, writes, unchanged);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(HasMetadata d, String body) {
        Class<HasMetadata> type = (Class) d.getClass();
        client.resources(type).inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName())
                .patch(APPLY, body);
    }

    private static JsonNode tree(HasMetadata o) {
        return DesiredYaml.tree(o);
    }

    /** "Kind/name": objects of one resource share its namespace. */
    public static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
