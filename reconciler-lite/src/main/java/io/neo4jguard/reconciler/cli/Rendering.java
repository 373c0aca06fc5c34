package io.neo4jguard.reconciler.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.RunResolver;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.report.Report;
import io.neo4jguard.reconciler.desired.DesiredState;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the controller does per object, for manifests instead of events: the mutating webhook's {@link Defaults},
 * then the same {@link Validator}, then the builders of {@link DesiredState}. Used by {@code render} and by the
 * golden tests, so what they show is what the controller applies.
 */
public final class Rendering {
    /**
     * The owner uid printed when a manifest has none (it is assigned by the API server on create). Never apply
     * render output that carries it: the garbage collector deletes objects whose owner does not exist.
     */
    public static final String PLACEHOLDER_UID = "00000000-0000-0000-0000-000000000000";

    /** The namespace of a manifest that names none, as kubectl assumes. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Defaults defaults;
    private final Validator validator;
    private final DesiredState desired;

    public Rendering(Defaults defaults, Validator validator, DesiredState desired) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.desired = Objects.requireNonNull(desired, "desired");
    }

    public static Rendering standard() {
        return new Rendering(Defaults.standard(), Validator.standard(), DesiredState.standard());
    }

    /**
     * The outcome: the desired objects, or (when any error was found, in any object) the report and no objects.
     */
    public record Result(List<HasMetadata> objects, Report report) {
        public boolean ok() {
            return !report.hasFindingsAtLeast(Severity.ERROR);
        }
    }

    /**
     * @param manifests every object read (Secrets and the targets of backups too: they answer references)
     * @param namespace the namespace of objects whose manifest names none
     */
    public Result render(List<Resource> manifests, String namespace) {
        List<Resource> defaulted = new ArrayList<>();
        for (Resource r : manifests) {
            ObjectNode tree = r.tree().deepCopy();
            if (r.namespace().isEmpty() && tree.path("metadata").isObject()) {
                ((ObjectNode) tree.get("metadata")).put("namespace", namespace);
            }
            Resource placed = new Resource(tree, r.file(), r.document(), r.locations());
            defaulted.add(new Resource(defaults.apply(placed), r.file(), r.document(), r.locations()));
        }
        Report report = validator.check(defaulted, List.of(), false);
        if (report.hasFindingsAtLeast(Severity.ERROR)) {
            return new Result(List.of(), report);
        }
        RunResolver resolver = new RunResolver(defaulted, true);
        List<HasMetadata> out = new ArrayList<>();
        for (Resource r : defaulted) {
            if (r.isOurs() && DesiredState.KINDS.contains(r.kind())) {
                out.addAll(desired.forObject(r, uidOf(r), resolver));
            }
        }
        return new Result(out, report);
    }

    private static String uidOf(Resource r) {
        String uid = r.tree().path("metadata").path("uid").asText("");
        return uid.isEmpty() ? PLACEHOLDER_UID : uid;
    }
}
