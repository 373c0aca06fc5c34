package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.AdminArgs;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a Neo4jRestore runs: overwrite confirmation ({@code options.replaceExisting}), {@code stopCluster},
 * staging ({@code options.tempPath}, {@code options.tempStorage}) and extra neo4j-admin arguments, and which
 * of them the chosen target ignores.
 *
 * <p>Overwriting: Neo4j 5 and later restore over an existing database only with
 * {@code neo4j-admin database restore --overwrite-destination=true} (Neo4j 4's {@code --force} is gone), and
 * the operator passes that flag when {@code options.replaceExisting} is true (older operator versions also
 * accepted {@code spec.force} as an alias). So {@code replaceExisting} alone confirms an overwrite; nothing
 * requires {@code force} in addition. What fails is the opposite: restoring over a database that exists
 * without {@code replaceExisting}.
 */
public final class RestoreOptionsCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.RESTORE);

    /** Where Neo4j names its default database; absent means "neo4j". */
    private static final String DEFAULT_DATABASE_SETTING = "initial.dbms.default_database";

    public static final RuleMeta REPLACE_EXISTING = new RuleMeta("restore.replace-existing-required",
            "Restoring over an existing database needs replaceExisting", Severity.ERROR, KINDS,
            "Neo4j restores over an existing database only when told to (--overwrite-destination=true, or the "
                    + "recreate procedure on clusters), which the operator does for options.replaceExisting: true. "
                    + "Without it the restore of a database that exists fails when it starts. The check knows a "
                    + "database exists when it is the target's default database or a Neo4jDatabase manages it.",
            "Set options.replaceExisting: true to confirm the overwrite, or restore under a new database name.",
            "spec:\n  database: neo4j\n  options:\n    replaceExisting: true");

    public static final RuleMeta IGNORED_ON_CLUSTER = new RuleMeta("restore.ignored-on-cluster",
            "Setting has no effect on a cluster target", Severity.WARNING, KINDS,
            "A restore into a Neo4jEnterpriseCluster runs online through Cypher (dbms.recreateDatabase or CREATE "
                    + "DATABASE ... seedURI) on the servers; no restore Job runs, so stopCluster, hooks, "
                    + "additionalArgs, tempPath, tempStorage and resources are not used.",
            "Remove them, or restore into a standalone if you need them.",
            "spec:\n  instanceRef: graph   # a cluster\n  database: orders\n  options:\n    replaceExisting: true");

    public static final RuleMeta OFFLINE_NEEDS_STOP = new RuleMeta("restore.offline-needs-stop",
            "An offline restore of a running standalone needs stopCluster", Severity.WARNING, KINDS,
            "A point-in-time restore into a standalone runs neo4j-admin restore in a Job on the standalone's data "
                    + "volume, which needs the server stopped. With stopCluster: true the operator scales the "
                    + "standalone down and back up; without it the operator refuses to restore while the pod runs.",
            "Set stopCluster: true, or scale the standalone to 0 yourself before applying the restore.",
            "spec:\n  source:\n    type: pitr\n  stopCluster: true");

    public static final RuleMeta TEMP_STORAGE = new RuleMeta("restore.temp-storage-size",
            "tempStorage.size must be a size the CRD accepts", Severity.ERROR, KINDS,
            "tempStorage provisions a staging claim of tempStorage.size for the restore Job. The CRD requires the "
                    + "size and accepts only digits with Ki, Mi, Gi or Ti (50Gi); a zero size is refused.",
            "Write e.g. 50Gi.",
            "options:\n  tempStorage:\n    size: 50Gi");

    public static final RuleMeta TEMP_PATH = new RuleMeta("restore.temp-path",
            "tempPath must be a plain absolute path", Severity.ERROR, KINDS,
            "tempPath becomes neo4j-admin --temp-path for the restore Job and must be an absolute directory; only "
                    + "letters, digits, '.', '_', '/' and '-' are accepted, as for backups.",
            "Use an absolute path such as /tmp/restore-temp.",
            "options:\n  tempPath: /tmp/restore-temp");

    public static final RuleMeta ADDITIONAL_ARGS = new RuleMeta("restore.additional-args",
            "additionalArgs must be neo4j-admin restore options the operator does not set", Severity.ERROR, KINDS,
            "Each item is passed to neo4j-admin database restore as one quoted argument. A bare word is read as a "
                    + "database name, Neo4j 4 options (--from, --database, --force, --move) no longer exist, and "
                    + "options the operator already passes (--from-path, --overwrite-destination, --temp-path, "
                    + "--restore-until) are refused as given twice.",
            "Use the dedicated fields (replaceExisting, tempPath, source.pointInTime); keep additionalArgs for other "
                    + "options, written as --name=value.",
            "options:\n  additionalArgs:\n    - --verbose");

    private static final List<RuleMeta> RULES = List.of(REPLACE_EXISTING, IGNORED_ON_CLUSTER, OFFLINE_NEEDS_STOP,
            TEMP_STORAGE, TEMP_PATH, ADDITIONAL_ARGS);

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
        Node options = spec.get("options");
        StagingFields.checkSize(ctx, options.get("tempStorage"), TEMP_STORAGE);
        StagingFields.checkPath(ctx, options.get("tempPath"), TEMP_PATH);
        AdditionalArgs.check(ctx, options.get("additionalArgs"), ADDITIONAL_ARGS,
                AdminArgs.passedByRestore(spec, options), AdminArgs.REMOVED_RESTORE_OPTIONS);

        Optional<Resource> target = Targets.server(ctx, spec.get("instanceRef"));
        boolean overwrite = options.get("replaceExisting").isTrue() || spec.get("force").isTrue();
        if (!overwrite && !spec.get("allDatabases").isTrue()) {
            checkExistingDatabase(ctx, spec, target);
        }
        if (target.isEmpty()) {
            return;
        }
        Resource t = target.get();
        if (Targets.isCluster(t)) {
            for (Node ignored : List.of(spec.get("stopCluster"), options.get("preRestore"), options.get("postRestore"),
                    options.get("additionalArgs"), options.get("tempPath"), options.get("tempStorage"),
                    options.get("resources"))) {
                if (isSet(ignored)) {
                    ctx.report(IGNORED_ON_CLUSTER, ignored.path(), ignored.path() + " has no effect: "
                                    + t.displayName() + " is a cluster, restored online through Cypher without a Job",
                            "remove it");
                }
            }
        } else if (Targets.isStandalone(t) && !spec.get("stopCluster").isTrue() && isPointInTime(spec)) {
            ctx.report(OFFLINE_NEEDS_STOP, spec.get("stopCluster").path(),
                    "a point-in-time restore runs offline on " + t.displayName() + "'s volume; without stopCluster: "
                            + "true the operator refuses to start while the standalone's pod runs",
                    "set stopCluster: true, or scale the standalone to 0 first");
        }
    }

    private static boolean isPointInTime(Node spec) {
        return spec.get("source", "type").textOr("").equals("pitr")
                || spec.get("source", "pointInTime").text().filter(s -> !s.isEmpty()).isPresent();
    }

    private static boolean isSet(Node n) {
        if (!n.present()) {
            return false;
        }
        if (n.bool().isPresent()) {
            return n.isTrue();
        }
        if (n.isArray() || n.isObject()) {
            return n.size() > 0;
        }
        return n.text().map(s -> !s.isEmpty()).orElse(true);
    }

    private void checkExistingDatabase(RuleContext ctx, Node spec, Optional<Resource> target) {
        Optional<String> db = spec.get("database").text().filter(s -> !s.isEmpty());
        String instance = spec.get("instanceRef").textOr("").trim();
        if (db.isEmpty() || instance.isEmpty()) {
            return;
        }
        String reason = null;
        if (target.isPresent()) {
            String defaultDb = target.get().tree().path("spec").path("config").path(DEFAULT_DATABASE_SETTING)
                    .asText("neo4j");
            if (db.get().equals(defaultDb)) {
                reason = "it is the default database of " + target.get().displayName();
            }
        }
        if (reason == null) {
            for (Resource d : ctx.resolver().list(Kinds.DATABASE, ctx.namespace())) {
                String name = d.tree().path("spec").path("name").asText("");
                String ref = d.tree().path("spec").path("clusterRef").asText("");
                if (name.equals(db.get()) && ref.equals(instance)) {
                    reason = "Neo4jDatabase " + d.name() + " manages it on " + instance;
                    break;
                }
            }
        }
        if (reason != null) {
            ctx.report(REPLACE_EXISTING, spec.get("options").get("replaceExisting").path(),
                    Messages.required("database " + db.get() + " already exists (" + reason + "); restoring over it "
                            + "needs options.replaceExisting: true"),
                    "set options.replaceExisting: true to confirm the overwrite, or restore under another name");
        }
    }
}
