package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Neo4jRestore restores into: the instance ({@code instanceRef}), the database ({@code database}, or
 * every database of the backup with {@code allDatabases}), the database taken from the backup
 * ({@code source.sourceDatabase}) and the overall {@code timeout}. The operator checks all of this only
 * at reconcile time and reports the first problem without a field path; here every problem is reported.
 */
public final class RestoreTargetCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.RESTORE);

    public static final RuleMeta INSTANCE_REF = new RuleMeta("restore.instance-ref-required",
            "A restore needs instanceRef", Severity.ERROR, KINDS,
            "instanceRef names the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone to restore into; the operator "
                    + "fails the restore at once without it. (The older clusterRef alias was removed.)",
            "Set spec.instanceRef.",
            "spec:\n  instanceRef: graph\n  database: orders");

    public static final RuleMeta DATABASE_REQUIRED = new RuleMeta("restore.database-required",
            "A restore needs database or allDatabases", Severity.ERROR, KINDS,
            "The operator must know which database to create or overwrite; without database (or allDatabases: true "
                    + "to restore every database of the backup) it fails the restore. (The older databaseName alias "
                    + "was removed.)",
            "Set spec.database, or spec.allDatabases: true with source.type backup.",
            "spec:\n  database: orders");

    public static final RuleMeta DATABASE_NAME = new RuleMeta("restore.database-name",
            "Restore database must be a valid, restorable Neo4j database name", Severity.ERROR, KINDS,
            "The name is interpolated into the restore command and Cypher, so the CRD allows only a letter followed by "
                    + "letters, digits, dots and dashes, at most 65 characters. The system database holds users, "
                    + "roles and topology and is never restorable through Neo4jRestore.",
            "Use the target database's Neo4j name; restore users and roles through a backup's metadata instead.",
            "spec:\n  database: orders");

    public static final RuleMeta ALL_DATABASES = new RuleMeta("restore.all-databases",
            "allDatabases excludes database and needs source.type backup", Severity.ERROR, KINDS,
            "An all-databases restore reads the per-database artifact map that a Neo4jBackup records, so it needs "
                    + "source.type backup, and it restores every database of the backup, so a single database field "
                    + "contradicts it. The operator refuses both.",
            "Remove database, and use source.type backup with backupRef.",
            "spec:\n  allDatabases: true\n  source:\n    type: backup\n    backupRef: nightly-all");

    public static final RuleMeta SOURCE_DATABASE = new RuleMeta("restore.source-database",
            "sourceDatabase must be a valid database name of one database", Severity.ERROR, KINDS,
            "source.sourceDatabase picks one database inside the backup to restore under spec.database; it reaches "
                    + "the shell and the artifact lookup, so it has the database-name grammar, cannot be system, and "
                    + "means nothing for allDatabases.",
            "Use the name of the database inside the backup, or remove it.",
            "spec:\n  database: orders-copy\n  source:\n    type: backup\n    backupRef: nightly-all\n"
                    + "    sourceDatabase: orders");

    public static final RuleMeta SHARDED_DATABASE = new RuleMeta("restore.sharded-database",
            "A sharded database is restored through its Neo4jShardedDatabase, not Neo4jRestore", Severity.ERROR, KINDS,
            "A sharded property database is a graph shard plus property shards (<name>-g000, <name>-p000 ...), "
                    + "restored together from a sharded backup when the Neo4jShardedDatabase is seeded; the reference "
                    + "operator's restore controller refuses a Neo4jRestore whose database is the name or spec.name of "
                    + "a Neo4jShardedDatabase in the namespace (the restore fails with that message and never runs).",
            "Restore it with the Neo4jShardedDatabase's spec.seedBackupRef (or seedURI), or restore a "
                    + "differently named standard database.",
            "spec:\n  database: orders   # a standard database, not a Neo4jShardedDatabase", true);

    public static final RuleMeta TIMEOUT = new RuleMeta("restore.timeout",
            "timeout must be a positive Go duration", Severity.ERROR, KINDS,
            "spec.timeout bounds how long the operator waits for the restored database to come online; it is read "
                    + "with Go's time.ParseDuration and must be positive (30m, 2h; there is no d unit). The operator "
                    + "fails the restore otherwise.",
            "Write e.g. 30m or 4h.",
            "spec:\n  timeout: 2h");

    private static final List<RuleMeta> RULES;

    static {
        List<RuleMeta> rules = new ArrayList<>(List.of(INSTANCE_REF, DATABASE_REQUIRED, DATABASE_NAME, ALL_DATABASES,
                SOURCE_DATABASE, TIMEOUT, SHARDED_DATABASE));
        rules.addAll(References.RULES);
        RULES = List.copyOf(rules);
    }

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.RESTORE);
    }

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    /** The operator compares the database with every Neo4jShardedDatabase's metadata.name and spec.name. */
    private static void shardedDatabase(RuleContext ctx, Node database, String name) {
        for (io.neo4jguard.core.api.Resource sharded : ctx.resolver().list(Kinds.SHARDED_DATABASE, ctx.namespace())) {
            String specName = sharded.tree().path("spec").path("name").asText("");
            if (name.equals(sharded.name()) || name.equals(specName)) {
                ctx.report(SHARDED_DATABASE, database.path(), Messages.forbidden(name + " is the sharded database of "
                                + Kinds.SHARDED_DATABASE + " " + sharded.name() + "; Neo4jRestore cannot restore it"),
                        "seed it through " + Kinds.SHARDED_DATABASE + " " + sharded.name() + " spec.seedBackupRef");
                return;
            }
        }
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.RESTORE.equals(ctx.kind())) {
            return; // the shared refs.* rules apply to every referring kind
        }
        Node spec = ctx.spec();
        Node ref = spec.get("instanceRef");
        if (ref.text().map(String::trim).filter(s -> !s.isEmpty()).isEmpty()) {
            ctx.report(INSTANCE_REF, ref.path(),
                    Messages.required("the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone to restore into"),
                    spec.get("clusterRef").present() ? "clusterRef was renamed: write spec.instanceRef" : "");
        } else {
            References.server(ctx, ref);
        }

        boolean all = spec.get("allDatabases").isTrue();
        Node database = spec.get("database");
        Optional<String> db = database.text().filter(s -> !s.isEmpty());
        if (all) {
            db.ifPresent(d -> ctx.report(ALL_DATABASES, database.path(),
                    Messages.forbidden("allDatabases restores every database of the backup; remove database")));
            Node type = spec.get("source", "type");
            type.text().filter(t -> !t.equals("backup")).ifPresent(t -> ctx.report(ALL_DATABASES, type.path(),
                    Messages.invalid(t, "allDatabases needs source.type backup (the Neo4jBackup's per-database "
                            + "artifact map)")));
        } else if (db.isEmpty()) {
            ctx.report(DATABASE_REQUIRED, database.path(),
                    Messages.required("the database to restore, or allDatabases: true"),
                    spec.get("databaseName").present() ? "databaseName was renamed: write spec.database" : "");
        } else {
            checkName(ctx, database, db.get(), DATABASE_NAME);
            shardedDatabase(ctx, database, db.get());
        }

        Node sourceDb = spec.get("source", "sourceDatabase");
        sourceDb.text().filter(s -> !s.isEmpty()).ifPresent(s -> {
            if (all) {
                ctx.report(SOURCE_DATABASE, sourceDb.path(),
                        Messages.forbidden("sourceDatabase picks one database; it does not apply to allDatabases"));
            } else {
                checkName(ctx, sourceDb, s, SOURCE_DATABASE);
            }
        });

        Node timeout = spec.get("timeout");
        timeout.text().ifPresent(t -> {
            Parsed<Duration> d = GoDuration.parsePositive(t);
            if (!d.ok()) {
                ctx.report(TIMEOUT, timeout.path(), Messages.invalid(t, d.error()),
                        t.matches("[0-9]{1,6}d") ? "Go durations have no d unit: write "
                                + (Long.parseLong(t.substring(0, t.length() - 1)) * 24) + "h"
                                : "write e.g. 30m or 2h");
            }
        });
    }

    private static void checkName(RuleContext ctx, Node field, String name, RuleMeta rule) {
        if (name.equalsIgnoreCase("system")) {
            ctx.report(rule, field.path(), Messages.forbidden(
                    "the system database is managed by Neo4j (users, roles, topology) and cannot be restored"));
            return;
        }
        Names.databaseProblem(name).ifPresent(problem ->
                ctx.report(rule, field.path(), Messages.invalid(name, problem)));
    }
}
