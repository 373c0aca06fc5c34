package io.neo4jguard.reconciler.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.List;
import java.util.Optional;

/**
 * Whose is the live object of a name we want to apply? Ours only when its controller owner reference points at
 * our custom resource (by uid: a resource deleted and re-created under the same name is a different owner).
 * Anything else (another controller's object, or one nobody controls, such as a StatefulSet created by hand or
 * left by the reference operator) is never touched: the caller reports condition {@code Conflict}.
 */
public final class Ownership {
    private Ownership() {
    }

    /** Empty when {@code observed} is absent or ours; otherwise who holds it, for the condition message. */
    public static Optional<String> foreignHolder(HasMetadata observed, String ownerUid) {
        if (observed == null) {
            return Optional.empty();
        }
        List<OwnerReference> refs = observed.getMetadata().getOwnerReferences();
        OwnerReference controller = refs == null ? null : refs.stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().orElse(null);
        if (controller == null) {
            return Optional.of("exists without a controller owner reference");
        }
        if (ownerUid.equals(controller.getUid())) {
            return Optional.empty();
        }
        return Optional.of("controlled by " + controller.getKind() + " " + controller.getName());
    }
}
