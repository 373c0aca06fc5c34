package io.neo4jguard.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.reconciler.apply.Applier;
import io.neo4jguard.reconciler.apply.ApplyResult;
import io.neo4jguard.reconciler.desired.DesiredState;
import io.neo4jguard.reconciler.loop.Caches;
import io.neo4jguard.reconciler.loop.ObjectRef;
import io.neo4jguard.reconciler.loop.Selection;
import io.neo4jguard.reconciler.status.BackupStatus;
import io.neo4jguard.reconciler.status.Condition;
import io.neo4jguard.reconciler.status.Conditions;
import io.neo4jguard.reconciler.status.DiagnosticsStatus;
import io.neo4jguard.reconciler.status.ServerStatus;
import io.neo4jguard.reconciler.status.StatusDocument;
import io.neo4jguard.reconciler.status.StatusWriter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reconcile of one custom resource, the same pipeline as the webhooks plus apply (DESIGN §6):
 * read from the cache → selected? → the mutating webhook's {@link Defaults} → the same {@link Validator}
 * (errors: condition {@code Invalid}, nothing applied) → {@link DesiredState} (pure) → {@link Applier}
 * (server-side apply of what differs; {@code Conflict} when another controller holds a name) → status from the
 * owned objects, written only when it changed.
 *
 * <p>Stateless between calls: everything it needs is in the caches and the resource's own status, so a restart
 * (or a new leader) continues where the last one stopped, and the deterministic names of the objects mean a
 * re-run creates nothing twice.
 */
public final class Reconciler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened, for the metrics and the log. */
    public enum Result { SUCCESS, INVALID, CONFLICT, SKIPPED }

    /** Outcome of a reconcile: result, apply and status requests sent, and a line for the log. */
    public record Outcome(Result result, int applyWrites, int statusWrites, String detail) {
        public int writes() {
            return applyWrites + statusWrites;
        }
    }

    private final Caches caches;
    private final Selection selection;
    private final Defaults defaults;
    private final Validator validator;
    private final DesiredState desired;
    private final Applier applier;
    private final StatusWriter status;
    private final Clock clock;
    /** Null when the diagnostics are off. */
    private final ClusterDiagnostics diagnostics;

    public Reconciler(Caches caches, Selection selection, Defaults defaults, Validator validator, DesiredState desired,
                      Applier applier, StatusWriter status, Clock clock) {
        this(caches, selection, defaults, validator, desired, applier, status, clock, null);
    }

    Reconciler(Caches caches, Selection selection, Defaults defaults, Validator validator, DesiredState desired,
               Applier applier, StatusWriter status, Clock clock, ClusterDiagnostics diagnostics) {
        this.caches = caches;
        this.selection = selection;
        this.defaults = defaults;
        this.validator = validator;
        this.desired = desired;
        this.applier = applier;
        this.status = status;
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    public Outcome reconcile(ObjectRef ref) {
        GenericKubernetesResource primary = caches.primary(ref);
        Outcome skipped = skipped(primary, ref);
        if (skipped != null) {
            return skipped;
        }
        Outcome done = reconcileSelected(primary, ref);
        if (diagnostics != null && done.result() != Result.SUCCESS) {
            diagnostics.forget(ref); // stopped before the servers' state (Invalid, Conflict): no diagnosis either
        }
        return done;
    }

    /** Why {@code primary} is not reconciled, or null; a skipped resource is not diagnosed any more. */
    private Outcome skipped(GenericKubernetesResource primary, ObjectRef ref) {
        Outcome o = skipReason(primary);
        if (o != null && diagnostics != null) {
            diagnostics.forget(ref);
        }
        return o;
    }

    private Outcome skipReason(GenericKubernetesResource primary) {
        if (primary == null) {
            return new Outcome(Result.SKIPPED, 0, 0, "gone"); // deleted: the garbage collector takes its objects
        }
        if (primary.getMetadata().getDeletionTimestamp() != null) {
            return new Outcome(Result.SKIPPED, 0, 0, "being deleted");
        }
        if (!selection.selects(primary)) {
            return new Outcome(Result.SKIPPED, 0, 0, "not selected");
        }
        return null;
    }

    private Outcome reconcileSelected(GenericKubernetesResource primary, ObjectRef ref) {
        long generation = primary.getMetadata().getGeneration() == null ? 0 : primary.getMetadata().getGeneration();
        JsonNode liveStatus = JSON.valueToTree(primary.getAdditionalProperties().get("status"));
        liveStatus = liveStatus == null ? JsonNodeFactory.instance.objectNode() : liveStatus;
        Map<String, String> previous = StatusDocument.appliedObjects(liveStatus);

        Resource defaulted = Resource.of(defaults.apply(Resource.of(JSON.valueToTree(primary))));
        Resolver resolver = new CacheResolver(caches, defaults);
        List<Finding> errors = validator.validate(defaulted, null, resolver).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            String message = errors.stream().map(f -> f.rule() + (f.field().isEmpty() ? "" : " " + f.field())
                    + ": " + f.message()).collect(Collectors.joining("; "));
            List<Condition> c = stopped(generation, Condition.INVALID, "ValidationFailed", message,
                    "Invalid", "nothing applied: the object is invalid");
            int w = writeStatus(primary, ref, liveStatus, c, null, previous, generation);
            return new Outcome(Result.INVALID, 0, w, errors.size() + " validation errors");
        }

        List<HasMetadata> objects;
        try {
            objects = desired.forObject(defaulted, primary.getMetadata().getUid(), resolver);
        } catch (IllegalArgumentException e) {
            // A backup whose target does not exist (yet): not an error of ours; the target's arrival queues it.
            List<Condition> c = stopped(generation, null, null, null, "TargetNotFound", e.getMessage());
            int w = writeStatus(primary, ref, liveStatus, c, null, previous, generation);
            return new Outcome(Result.SUCCESS, 0, w, "target not found");
        }

        ApplyResult applied;
        try {
            applied = applier.apply(objects, primary.getMetadata().getUid(), previous);
        } catch (KubernetesClientException e) {
            // Refused (an immutable field changed, a quota, an admission webhook) or unreachable: say so on the
            // resource, then let the queue retry with backoff.
            List<Condition> c = stopped(generation, Condition.DEGRADED, "ApplyFailed", refusal(e),
                    "ApplyFailed", "see Degraded");
            try {
                writeStatus(primary, ref, liveStatus, c, null, previous, generation);
            } catch (KubernetesClientException unreachable) {
                e.addSuppressed(unreachable);
            }
            throw e;
        }
        if (applied.conflicted()) {
            List<Condition> c = stopped(generation, Condition.CONFLICT, "HeldByAnother",
                    "left untouched: " + String.join("; ", applied.conflicts()), "Conflict", "nothing applied");
            int w = writeStatus(primary, ref, liveStatus, c, null, previous, generation);
            return new Outcome(Result.CONFLICT, 0, w, String.join("; ", applied.conflicts()));
        }

        List<Condition> c = causes(generation, null, null, null);
        ObjectNode fields;
        if (ref.kind().equals(Kinds.BACKUP)) {
            CronJob cron = objects.stream().filter(o -> o instanceof CronJob).map(o -> applied.freshest(o,
                    CronJob.class, caches.owned(CronJob.class, ref.namespace(), o.getMetadata().getName())))
                    .findFirst().orElse(null);
            BackupStatus b = BackupStatus.of(caches.jobsOf(ref.namespace(), ref.name()), cron, generation);
            c.add(Condition.of(Condition.READY, true, cron != null ? "Scheduled" : "JobCreated",
                    cron != null ? "CronJob in place" : "Job in place", generation));
            c.addAll(b.conditions());
            fields = b.fields();
        } else {
            StatefulSet desiredSts = objects.stream().filter(o -> o instanceof StatefulSet).map(o -> (StatefulSet) o)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no StatefulSet for " + ref));
            int servers = desiredSts.getSpec().getReplicas() == null ? 1 : desiredSts.getSpec().getReplicas();
            ServerStatus s = ServerStatus.of(applied.freshest(desiredSts, StatefulSet.class,
                    caches.owned(StatefulSet.class, ref.namespace(), desiredSts.getMetadata().getName())),
                    servers, generation);
            c.addAll(s.conditions());
            fields = s.fields();
            if (diagnostics != null) {
                DiagnosticsStatus d = diagnostics.status(ref, defaulted.tree().path("spec"), servers, s.readyServers(),
                        liveStatus, generation);
                c.addAll(d.conditions());
                if (d.diagnostics().isPresent()) {
                    fields.set(DiagnosticsStatus.FIELD, d.diagnostics().get());
                }
            }
        }
        int w = writeStatus(primary, ref, liveStatus, c, fields, applied.appliedObjects(), generation);
        return new Outcome(Result.SUCCESS, applied.writes(), w,
                applied.writes() + " applied, " + applied.unchanged() + " unchanged");
    }

    /**
     * The conditions of a reconcile that stopped before the objects' own state could be read: {@code cause} (one of
     * Invalid, Conflict, Degraded; or null) is True with its reason and message, the other two False, and Ready
     * False with {@code readyReason}.
     */
    private static List<Condition> stopped(long generation, String cause, String reason, String message,
                                           String readyReason, String readyMessage) {
        List<Condition> c = causes(generation, cause, reason, message);
        c.add(Condition.of(Condition.READY, false, readyReason, readyMessage, generation));
        return c;
    }

    /** Invalid, Conflict and Degraded: {@code cause} True (if not null), the others False. */
    private static List<Condition> causes(long generation, String cause, String reason, String message) {
        List<Condition> c = new ArrayList<>();
        for (String type : List.of(Condition.INVALID, Condition.CONFLICT, Condition.DEGRADED)) {
            c.add(type.equals(cause) ? Condition.of(type, true, reason, message, generation)
                    : Condition.of(type, false, FALSE_REASONS.get(type), "", generation));
        }
        return c;
    }

    private static final Map<String, String> FALSE_REASONS = Map.of(Condition.INVALID, "Valid",
            Condition.CONFLICT, "NoConflict", Condition.DEGRADED, "Applied");

    /** The API server's reason in one line, without request bodies. */
    static String refusal(KubernetesClientException e) {
        String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + (nl < 0 ? m : m.substring(0, nl));
    }

    private int writeStatus(GenericKubernetesResource primary, ObjectRef ref, JsonNode liveStatus,
                            List<Condition> next, ObjectNode fields, Map<String, String> applied, long generation) {
        List<Condition> settled = Conditions.settle(Conditions.read(liveStatus), next, clock.instant());
        ObjectNode doc = new StatusDocument(generation, settled, fields, applied).toJson();
        return status.write(primary, Caches.context(ref.kind()), doc) ? 1 : 0;
    }

    /**
     * Cross-object lookups from the informer caches (authoritative once synced): the validator's rules and a
     * backup's target. Targets come back with their defaults applied, as the builders expect.
     */
    static final class CacheResolver implements Resolver {
        private final Caches caches;
        private final Defaults defaults;

        CacheResolver(Caches caches, Defaults defaults) {
            this.caches = caches;
            this.defaults = defaults;
        }

        @Override
        public Resolution resolve(String kind, String namespace, String name) {
            if (!Caches.PRIMARY_KINDS.contains(kind)) {
                return Resolution.unknown(kind + " is not cached by the reconciler");
            }
            GenericKubernetesResource o = caches.primary(new ObjectRef(kind, namespace, name));
            return o == null ? Resolution.notFound()
                    : Resolution.found(Resource.of(defaults.apply(Resource.of(JSON.valueToTree(o)))));
        }

        @Override
        public List<Resource> list(String kind, String namespace) {
            return caches.primaries(kind).stream().filter(o -> namespace.equals(o.getMetadata().getNamespace()))
                    .map(o -> Resource.of(JSON.<ObjectNode>valueToTree(o))).toList();
        }

        @Override
        public boolean authoritative() {
            return true;
        }
    }
}
