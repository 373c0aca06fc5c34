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
import io.neo4jguard.core.version.Feature;
import io.neo4jguard.core.version.Neo4jVersion;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.options} of a Neo4jBackup: backup type, page cache, metadata, staging, extra arguments, and the
 * neo4j-admin flags that exist only from some Neo4j version on, checked against the image tag of the target
 * cluster or standalone (the backup Job runs the target's own image).
 */
public final class BackupOptionsCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP);
    private static final List<String> TYPES = List.of("FULL", "DIFF", "AUTO");
    private static final List<String> METADATA = List.of("all", "none", "users", "roles");
    /** CRD pattern of pageCache; the value reaches the command line as --pagecache=<value>. */
    private static final Pattern PAGE_CACHE = Pattern.compile("[0-9]+[KMG]?");

    public static final RuleMeta BACKUP_TYPE = new RuleMeta("backup.backup-type",
            "backupType must be FULL, DIFF or AUTO", Severity.ERROR, KINDS,
            "backupType becomes neo4j-admin --type; the CRD accepts FULL, DIFF and AUTO in upper case (default "
                    + "AUTO) and the API server refuses anything else.",
            "Use FULL, DIFF or AUTO.",
            "options:\n  backupType: AUTO");

    public static final RuleMeta DIFF_WITHOUT_FULL = new RuleMeta("backup.diff-without-full",
            "DIFF backups fail until a FULL exists in the same place", Severity.WARNING, KINDS,
            "neo4j-admin --type=DIFF needs an earlier full backup in the same directory (\"No existing backup "
                    + "found\"). Each Neo4jBackup writes to its own directory, so a DIFF backup that does not chain "
                    + "from another backup fails on every run until something writes a FULL there.",
            "Use AUTO (full first, differential afterwards), or chainFromBackup a FULL backup.",
            "options:\n  backupType: AUTO");

    public static final RuleMeta PAGE_CACHE_RULE = new RuleMeta("backup.page-cache",
            "pageCache must be digits with an optional K, M or G", Severity.ERROR, KINDS,
            "pageCache becomes neo4j-admin --pagecache; the CRD pattern allows digits with an optional K, M or G "
                    + "(Neo4j size syntax, not Kubernetes: 2G, not 2Gi).",
            "Write e.g. 2G or 512M.",
            "options:\n  pageCache: 2G");

    public static final RuleMeta INCLUDE_METADATA = new RuleMeta("backup.include-metadata",
            "includeMetadata must be all, none, users or roles", Severity.ERROR, KINDS,
            "includeMetadata becomes --include-metadata; the CRD accepts all, none, users and roles.",
            "Use all, none, users or roles.",
            "options:\n  includeMetadata: all");

    public static final RuleMeta TEMP_STORAGE = new RuleMeta("backup.temp-storage-size",
            "tempStorage.size must be a size the CRD accepts", Severity.ERROR, KINDS,
            "tempStorage provisions a staging claim of tempStorage.size. The CRD requires the size and accepts only "
                    + "digits with Ki, Mi, Gi or Ti (50Gi); a zero size is refused by Kubernetes.",
            "Write e.g. 50Gi.",
            "options:\n  tempStorage:\n    size: 50Gi");

    public static final RuleMeta TEMP_PATH = new RuleMeta("backup.temp-path",
            "tempPath must be a plain absolute path", Severity.ERROR, KINDS,
            "tempPath becomes --temp-path on the shell command line, unquoted; the operator requires an absolute "
                    + "path of letters, digits, '.', '_', '/' and '-'.",
            "Use an absolute path such as /tmp/neo4j-backup-temp.",
            "options:\n  tempPath: /tmp/neo4j-backup-temp");

    public static final RuleMeta TEMP_PATH_OVERRIDES = new RuleMeta("backup.temp-path-overrides-storage",
            "tempPath makes tempStorage unused", Severity.WARNING, KINDS,
            "When both are set the backup command uses tempPath, while the operator still creates and mounts the "
                    + "tempStorage claim at /tmp/neo4j-staging: the claim costs money and stages nothing.",
            "Keep tempStorage alone (the operator sets the path), or tempPath alone.",
            "options:\n  tempStorage:\n    size: 50Gi");

    public static final RuleMeta ADDITIONAL_ARGS = new RuleMeta("backup.additional-args",
            "additionalArgs must be neo4j-admin options the operator does not set", Severity.ERROR, KINDS,
            "Each item is passed to neo4j-admin database backup as one quoted argument. A bare word is read as a "
                    + "database name, Neo4j 4 options (--check-consistency, --cc-*, --backup-dir) no longer exist, "
                    + "and an option the operator already passes (--to-path, --from, --type, --pagecache ...) is "
                    + "refused as given twice; each makes every run fail.",
            "Use the dedicated fields (backupType, pageCache, tempPath, includeMetadata ...); keep additionalArgs "
                    + "for other options, written as --name=value.",
            "options:\n  additionalArgs:\n    - --verbose");

    public static final RuleMeta FEATURE_VERSION = new RuleMeta("backup.feature-version",
            "Backup option needs a newer Neo4j", Severity.ERROR, KINDS,
            "The backup Job runs the target's own image. --prefer-diff-as-parent exists from Neo4j 2025.04, "
                    + "--remote-address-resolution from 2025.09, --parallel-download and --skip-recovery from "
                    + "2025.11, sharded-database backups from 2025.12; on older versions the operator refuses to "
                    + "build the backup command.",
            "Remove the option or upgrade the target.",
            "options:\n  preferDiffAsParent: true   # target image 2025.04 or later");

    private static final List<RuleMeta> RULES = List.of(BACKUP_TYPE, DIFF_WITHOUT_FULL, PAGE_CACHE_RULE,
            INCLUDE_METADATA, TEMP_STORAGE, TEMP_PATH, TEMP_PATH_OVERRIDES, ADDITIONAL_ARGS, FEATURE_VERSION);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.BACKUP.equals(ctx.kind())) {
            return;
        }
        Node spec = ctx.spec();
        Node options = spec.get("options");
        checkVersionGates(ctx, spec, options);
        if (!options.isObject()) {
            return;
        }
        Node type = options.get("backupType");
        type.text().ifPresent(t -> {
            if (!TYPES.contains(t)) {
                ctx.report(BACKUP_TYPE, type.path(), Messages.notSupported(t, TYPES),
                        TYPES.contains(t.toUpperCase(java.util.Locale.ROOT))
                                ? "write it in upper case: " + t.toUpperCase(java.util.Locale.ROOT) : "");
            } else if (t.equals("DIFF") && spec.get("chainFromBackup").text().filter(s -> !s.isEmpty()).isEmpty()) {
                ctx.report(DIFF_WITHOUT_FULL, type.path(),
                        "backupType DIFF fails on every run until a FULL backup exists in this backup's directory",
                        "use AUTO, or chainFromBackup a Neo4jBackup that takes FULL backups");
            }
        });
        Node pageCache = options.get("pageCache");
        pageCache.text().filter(p -> !PAGE_CACHE.matcher(p).matches()).ifPresent(p ->
                ctx.report(PAGE_CACHE_RULE, pageCache.path(), Messages.invalid(p,
                        "must be digits with an optional K, M or G (Neo4j size, e.g. 2G)"),
                        p.matches("[0-9]+[KMGT]i") ? "Neo4j sizes have no 'i': write " + p.substring(0, p.length() - 1)
                                : ""));
        Node metadata = options.get("includeMetadata");
        metadata.text().filter(m -> !METADATA.contains(m)).ifPresent(m ->
                ctx.report(INCLUDE_METADATA, metadata.path(), Messages.notSupported(m, METADATA)));
        Node tempStorage = options.get("tempStorage");
        StagingFields.checkSize(ctx, tempStorage, TEMP_STORAGE);
        Node tempPath = options.get("tempPath");
        StagingFields.checkPath(ctx, tempPath, TEMP_PATH);
        if (tempStorage.isObject() && tempPath.text().filter(s -> !s.isEmpty()).isPresent()) {
            ctx.report(TEMP_PATH_OVERRIDES, tempPath.path(),
                    "options.tempPath takes precedence over options.tempStorage; the staging claim would be "
                            + "created and mounted but not used",
                    "remove tempPath to stage on the tempStorage claim");
        }
        AdditionalArgs.check(ctx, options.get("additionalArgs"), ADDITIONAL_ARGS, AdminArgs.passedByBackup(options),
                AdminArgs.REMOVED_BACKUP_OPTIONS);
    }

    private void checkVersionGates(RuleContext ctx, Node spec, Node options) {
        Optional<Resource> target = Targets.server(ctx, spec.get("instanceRef"));
        if (target.isEmpty()) {
            return;
        }
        Optional<Neo4jVersion> version = Targets.version(target.get());
        if (version.isEmpty()) {
            return;
        }
        Neo4jVersion v = version.get();
        gate(ctx, options.get("preferDiffAsParent"), options.get("preferDiffAsParent").isTrue(),
                Feature.DIFF_AS_PARENT, target.get(), v);
        // Only an explicit true: the operator's own default (true for sharded backups) applies only from 2025.09.
        gate(ctx, options.get("remoteAddressResolution"), options.get("remoteAddressResolution").isTrue(),
                Feature.REMOTE_ADDRESS_RESOLUTION, target.get(), v);
        gate(ctx, options.get("parallelDownload"), options.get("parallelDownload").isTrue(),
                Feature.PARALLEL_DOWNLOAD, target.get(), v);
        gate(ctx, options.get("skipRecovery"), options.get("skipRecovery").isTrue(),
                Feature.SKIP_RECOVERY, target.get(), v);
        gate(ctx, spec.get("shardedDatabase"), spec.get("shardedDatabase").text().filter(s -> !s.isEmpty()).isPresent(),
                Feature.PROPERTY_SHARDING, target.get(), v);
    }

    private void gate(RuleContext ctx, Node field, boolean used, Feature feature, Resource target, Neo4jVersion v) {
        if (used && !feature.supportedBy(v)) {
            ctx.report(FEATURE_VERSION, field.path(),
                    Messages.forbidden(feature.requirement() + "; " + Targets.runs(target, v)),
                    "remove it, or upgrade " + target.displayName() + " to " + feature.since() + " or later");
        }
    }
}
