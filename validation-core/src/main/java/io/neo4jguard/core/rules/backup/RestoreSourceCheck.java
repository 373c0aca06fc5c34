package io.neo4jguard.core.rules.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a Neo4jRestore reads from ({@code spec.source}): a Neo4jBackup ({@code backup}), a storage location
 * and path ({@code storage}), or a point-in-time recovery from a base backup ({@code pitr}), plus the
 * {@code pointInTime} to roll forward to. The storage blocks themselves are checked by
 * {@link BackupStorageCheck}.
 */
public final class RestoreSourceCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.RESTORE);
    private static final List<String> TYPES = List.of("backup", "storage", "pitr");
    private static final List<String> BASE_TYPES = List.of("backup", "storage");

    public static final RuleMeta SOURCE_TYPE = new RuleMeta("restore.source-type",
            "source.type must be backup, storage or pitr", Severity.ERROR, KINDS,
            "The source type decides what the operator reads: a Neo4jBackup's latest run (backup), an explicit "
                    + "location and path (storage), or a base backup rolled forward to a point in time (pitr). The "
                    + "CRD requires it and accepts only these three.",
            "Set source.type to backup, storage or pitr.",
            "source:\n  type: backup\n  backupRef: nightly");

    public static final RuleMeta BACKUP_REF = new RuleMeta("restore.backup-ref",
            "A backup source needs backupRef", Severity.ERROR, KINDS,
            "With type backup the operator restores the latest successful run of the named Neo4jBackup in the same "
                    + "namespace; without backupRef (or with a name no object can have) it fails the restore.",
            "Set backupRef to the Neo4jBackup's metadata.name.",
            "source:\n  type: backup\n  backupRef: nightly");

    public static final RuleMeta BACKUP_REF_MISSING = new RuleMeta("restore.backup-ref-missing",
            "backupRef names no existing Neo4jBackup", Severity.ERROR, KINDS,
            "The operator looks the Neo4jBackup up when the restore starts and fails the restore (terminally, until "
                    + "the spec changes) when it does not exist.",
            "Create the backup first, fix the name, or restore from storage with source.type storage.",
            "source:\n  type: backup\n  backupRef: nightly");

    public static final RuleMeta BACKUP_REF_NOT_IN_RUN = new RuleMeta("restore.backup-ref-not-in-run",
            "backupRef names a Neo4jBackup not among the checked files", Severity.WARNING, KINDS,
            "The CLI sees only its own files; the backup may already exist in the cluster, so this is a warning "
                    + "(--strict-refs makes the lookup authoritative).",
            "Check the Neo4jBackup's manifest in the same run.",
            "");

    public static final RuleMeta BACKUP_SCOPE = new RuleMeta("restore.backup-scope",
            "The referenced backup's scope does not fit this restore", Severity.WARNING, KINDS,
            "An allDatabases restore reads the per-database artifact map that only an all-databases backup records; "
                    + "a sharded-database backup is restored through its Neo4jShardedDatabase, which Neo4jRestore "
                    + "refuses.",
            "Restore allDatabases only from an allDatabases backup; restore sharded families with "
                    + "Neo4jShardedDatabase.seedBackupRef.",
            "spec:\n  allDatabases: true\n  source:\n    type: backup\n    backupRef: nightly-all   # allDatabases: true");

    public static final RuleMeta STORAGE_SOURCE = new RuleMeta("restore.storage-source",
            "A storage source needs storage and backupPath", Severity.ERROR, KINDS,
            "With type storage (and for a pitr base backup of type storage) the operator restores from "
                    + "storage.type/bucket/path plus backupPath, the directory (or .backup file) of the run to "
                    + "restore; without them the restore fails when it starts.",
            "Set source.storage and source.backupPath (a backup's status.history[].backupsPath names the directory).",
            "source:\n  type: storage\n  storage:\n    type: s3\n    bucket: neo4j-backups\n    path: prod\n"
                    + "    cloud:\n      provider: aws\n  backupPath: nightly-backup-29374890");

    public static final RuleMeta PITR = new RuleMeta("restore.pitr",
            "A pitr source needs the pitr block with a base backup", Severity.ERROR, KINDS,
            "Point-in-time recovery restores a base backup and replays it to pointInTime with neo4j-admin "
                    + "--restore-until; the operator needs source.pitr.baseBackup (type backup with backupRef, or "
                    + "type storage with storage and backupPath) to find the base, and fails the restore without it.",
            "Add source.pitr.baseBackup.",
            "source:\n  type: pitr\n  pointInTime: \"2025-01-04T12:30:00Z\"\n  pitr:\n    baseBackup:\n"
                    + "      type: backup\n      backupRef: nightly");

    public static final RuleMeta PITR_WITHOUT_TIME = new RuleMeta("restore.pitr-without-point-in-time",
            "A pitr source without pointInTime restores the latest state", Severity.WARNING, KINDS,
            "Without source.pointInTime no --restore-until is passed, so a pitr restore is an ordinary restore of "
                    + "the base backup: usually not what was meant.",
            "Set source.pointInTime, or use source.type backup.",
            "source:\n  type: pitr\n  pointInTime: \"2025-01-04T12:30:00Z\"");

    public static final RuleMeta POINT_IN_TIME = new RuleMeta("restore.point-in-time",
            "pointInTime must be an RFC 3339 timestamp", Severity.ERROR, KINDS,
            "pointInTime is decoded with Go's time.Parse(RFC3339): date, 'T', time with seconds, and 'Z' or a "
                    + "numeric offset. A value without zone passes the API server's looser date-time check but "
                    + "cannot be decoded by the operator, which then cannot read the restore at all.",
            "Write e.g. 2025-01-04T12:30:00Z (quoted in YAML).",
            "source:\n  pointInTime: \"2025-01-04T12:30:00Z\"");

    public static final RuleMeta POINT_IN_TIME_ON_CLUSTER = new RuleMeta("restore.point-in-time-on-cluster",
            "Point-in-time restores need a standalone target", Severity.ERROR, KINDS,
            "A restore into a cluster seeds the database from a backup artifact (dbms.recreateDatabase / CREATE "
                    + "DATABASE ... seedURI), which cannot replay transactions to a point in time; the operator "
                    + "refuses source.type pitr and source.pointInTime for cluster targets.",
            "For a cluster, create a Neo4jDatabase with spec.seedConfig.restoreUntil; or restore into a standalone.",
            "kind: Neo4jDatabase\nspec:\n  seedConfig:\n    restoreUntil: \"2025-01-04T12:30:00Z\"");

    private static final List<RuleMeta> RULES = List.of(SOURCE_TYPE, BACKUP_REF, BACKUP_REF_MISSING,
            BACKUP_REF_NOT_IN_RUN, BACKUP_SCOPE, STORAGE_SOURCE, PITR, PITR_WITHOUT_TIME, POINT_IN_TIME,
            POINT_IN_TIME_ON_CLUSTER);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.RESTORE.equals(ctx.kind())) {
            return;
        }
        Node spec = ctx.spec();
        Node source = spec.get("source");
        if (!source.isObject()) {
            ctx.report(SOURCE_TYPE, source.get("type").path(),
                    Messages.required("the restore source: type backup, storage or pitr"));
            return;
        }
        Node typeNode = source.get("type");
        Optional<String> type = typeNode.text().filter(s -> !s.isEmpty());
        if (type.isEmpty()) {
            ctx.report(SOURCE_TYPE, typeNode.path(), Messages.required("backup, storage or pitr"));
        } else if (!TYPES.contains(type.get())) {
            String t = type.get();
            ctx.report(SOURCE_TYPE, typeNode.path(), Messages.notSupported(t, TYPES),
                    List.of("s3", "gcs", "azure", "pvc").contains(t)
                            ? "use type storage with storage.type: " + t : "");
        }
        String t = type.orElse("");
        switch (t) {
            case "backup" -> checkBackupRef(ctx, source.get("backupRef"), spec);
            case "storage" -> checkStorageSource(ctx, source, "source");
            case "pitr" -> checkPitr(ctx, source);
            default -> {
            }
        }

        Node pit = source.get("pointInTime");
        Optional<String> pointInTime = pit.text().filter(s -> !s.isEmpty());
        pointInTime.ifPresent(p -> {
            String problem = Rfc3339.problem(p);
            if (problem != null) {
                ctx.report(POINT_IN_TIME, pit.path(), Messages.invalid(p, problem));
            }
        });

        Optional<Resource> target = Targets.server(ctx, spec.get("instanceRef"));
        if (target.filter(Targets::isCluster).isPresent()) {
            String name = target.get().displayName();
            if (t.equals("pitr")) {
                ctx.report(POINT_IN_TIME_ON_CLUSTER, typeNode.path(), Messages.forbidden(
                        "source.type pitr is not supported for a cluster target (" + name + ")"),
                        "use a Neo4jDatabase with spec.seedConfig.restoreUntil for cluster point-in-time recovery");
            } else if (pointInTime.isPresent()) {
                ctx.report(POINT_IN_TIME_ON_CLUSTER, pit.path(), Messages.forbidden(
                        "a cluster target (" + name + ") restores the backup as is; it cannot stop at a point in time"),
                        "use a Neo4jDatabase with spec.seedConfig.restoreUntil for cluster point-in-time recovery");
            }
        }
    }

    private void checkBackupRef(RuleContext ctx, Node ref, Node spec) {
        Optional<String> name = ref.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            ctx.report(BACKUP_REF, ref.path(), Messages.required("the Neo4jBackup to restore from"));
            return;
        }
        if (!Names.isDnsSubdomain(name.get())) {
            ctx.report(BACKUP_REF, ref.path(), Messages.invalid(name.get(),
                    "must be the metadata.name of a Neo4jBackup (lower-case RFC 1123 subdomain)"));
            return;
        }
        Resolution r = ctx.resolver().resolve(Kinds.BACKUP, ctx.namespace(), name.get());
        switch (r.status()) {
            case NOT_FOUND -> {
                if (ctx.resolver().authoritative()) {
                    ctx.report(BACKUP_REF_MISSING, ref.path(),
                            Messages.notFound(name.get(), "no Neo4jBackup of that name in namespace " + ctx.namespace()),
                            "create it first, or restore from storage with source.type storage");
                } else {
                    ctx.report(BACKUP_REF_NOT_IN_RUN, ref.path(),
                            Messages.notFound(name.get(), "no Neo4jBackup of that name among the checked files"),
                            "checks against the backup were skipped; --strict-refs makes this an error");
                }
            }
            case FOUND -> r.object().ifPresent(b -> checkBackupScope(ctx, ref, spec, b));
            default -> {
            }
        }
    }

    private void checkBackupScope(RuleContext ctx, Node ref, Node spec, Resource backup) {
        JsonNode b = backup.tree().path("spec");
        String name = backup.name();
        if (b.path("shardedDatabase").isTextual() && !b.path("shardedDatabase").textValue().isEmpty()) {
            ctx.report(BACKUP_SCOPE, ref.path(), "Neo4jBackup " + name + " backs up the sharded database "
                            + b.path("shardedDatabase").textValue() + "; Neo4jRestore cannot restore sharded databases",
                    "restore it with Neo4jShardedDatabase spec.seedBackupRef: " + name);
        } else if (spec.get("allDatabases").isTrue() && !b.path("allDatabases").asBoolean(false)) {
            ctx.report(BACKUP_SCOPE, spec.get("allDatabases").path(), "allDatabases restores every database of an "
                            + "all-databases backup, but Neo4jBackup " + name + " backs up "
                            + (b.path("database").isTextual() ? "only " + b.path("database").textValue() : "one database"),
                    "restore the single database with spec.database, or reference an allDatabases backup");
        }
    }

    private void checkStorageSource(RuleContext ctx, Node holder, String where) {
        if (!holder.get("storage").isObject()) {
            ctx.report(STORAGE_SOURCE, holder.get("storage").path(),
                    Messages.required("the storage location (type, bucket/pvc, cloud) of " + where));
        }
        Node path = holder.get("backupPath");
        String p = path.textOr("").replace("/", " ").trim();
        if (p.isEmpty()) {
            ctx.report(STORAGE_SOURCE, path.path(), Messages.required(
                    "the directory (or .backup file) of the run to restore; a Neo4jBackup records it in "
                            + "status.history[].backupsPath"));
        }
    }

    private void checkPitr(RuleContext ctx, Node source) {
        Node pitr = source.get("pitr");
        if (!pitr.isObject()) {
            ctx.report(PITR, pitr.path(), Messages.required("source.pitr with baseBackup"));
        } else {
            Node base = pitr.get("baseBackup");
            if (!base.isObject()) {
                ctx.report(PITR, base.path(), Messages.required(
                        "the base backup to roll forward from (type backup with backupRef, or type storage)"));
            } else {
                Node baseType = base.get("type");
                Optional<String> bt = baseType.text().filter(s -> !s.isEmpty());
                if (bt.isEmpty()) {
                    ctx.report(PITR, baseType.path(), Messages.required("backup or storage"));
                } else if (!BASE_TYPES.contains(bt.get())) {
                    ctx.report(PITR, baseType.path(), Messages.notSupported(bt.get(), BASE_TYPES));
                } else if (bt.get().equals("backup")) {
                    checkBackupRef(ctx, base.get("backupRef"), ctx.spec());
                } else {
                    checkStorageSource(ctx, base, "the base backup");
                }
            }
        }
        if (source.get("pointInTime").text().filter(s -> !s.isEmpty()).isEmpty()) {
            ctx.report(PITR_WITHOUT_TIME, source.get("pointInTime").path(),
                    "source.type pitr without source.pointInTime restores the base backup's latest state",
                    "set source.pointInTime, e.g. \"2025-01-04T12:30:00Z\"");
        }
    }
}
