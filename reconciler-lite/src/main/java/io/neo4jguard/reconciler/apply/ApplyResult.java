package io.neo4jguard.reconciler.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;

/**
 * What one apply pass did.
 *
 * @param conflicts      "Kind/name: who holds it" for every object another controller holds; non-empty means
 *                       nothing at all was applied
 * @param appliedObjects digest of the body applied per "Kind/name" (see {@link AppliedHash})
 * @param writes         objects created or changed by a server-side apply request, or pruned
 * @param unchanged      objects left alone because the live object already covered them
 * @param written        the API server's answer per "Kind/name" written in this pass: the object as it is now,
 *                       newer than the informer cache, which has not seen our own write yet
 */
public record ApplyResult(List<String> conflicts, Map<String, String> appliedObjects, int writes, int unchanged,
                          Map<String, HasMetadata> written) {
    public ApplyResult {
        conflicts = List.copyOf(conflicts);
        appliedObjects = Map.copyOf(appliedObjects);
        written = Map.copyOf(written);
    }

    /**
     * The freshest view of a desired object: the API server's answer if this pass wrote it, else {@code cached}.
     * Status read from the cache right after our own write describes the object before the write (a StatefulSet
     * whose old pods are all Ready, its new template not yet seen), and would call a rollout that has not started
     * finished.
     */
    public <T extends HasMetadata> T freshest(HasMetadata desired, Class<T> type, T cached) {
        HasMetadata w = written.get(Applier.key(desired));
        return type.isInstance(w) ? type.cast(w) : cached;
    }

    public boolean conflicted() {
        return !conflicts.isEmpty();
    }
}
