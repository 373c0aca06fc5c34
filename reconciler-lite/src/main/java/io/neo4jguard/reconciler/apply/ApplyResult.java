package io.neo4jguard.reconciler.apply;

import java.util.List;
import java.util.Map;

/**
 * What one apply pass did.
 *
 * @param conflicts      "Kind/name: who holds it" for every object another controller holds; non-empty means
 *                       nothing at all was applied
 * @param appliedObjects digest of the body applied per "Kind/name" (see {@link AppliedHash})
 * @param writes         objects created or changed by a server-side apply request
 * @param unchanged      objects left alone because the live object already covered them
 */
public record ApplyResult(List<String> conflicts, Map<String, String> appliedObjects, int writes, int unchanged) {
    public ApplyResult {
        conflicts = List.copyOf(conflicts);
        appliedObjects = Map.copyOf(appliedObjects);
    }

    public boolean conflicted() {
        return !conflicts.isEmpty();
    }
}
