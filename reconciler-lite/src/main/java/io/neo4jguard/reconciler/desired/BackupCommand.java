package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.version.Feature;
import io.neo4jguard.core.version.Neo4jVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code neo4j-admin database backup} command line of a Neo4jBackup, as the reference operator builds it
 * (reconciler-facts §1 "Backup"), but as an argument vector: the container runs {@code neo4j-admin} directly, no
 * shell, so no bucket, path or database name is ever interpreted by one.
 */
final class BackupCommand {
    /** The CRD's default for {@code options.backupType}: a differential backup when a full one exists. */
    static final String DEFAULT_TYPE = "AUTO";

    private BackupCommand() {
    }

    /**
     * @param from    every server's {@code fqdn:6362}: neo4j-admin tries them in order, so a backup runs while any
     *                server that hosts the database is up
     * @param toPath  the directory or bucket URI, ending in '/'
     * @param tempPath the staging directory, or null
     */
    static List<String> args(JsonNode spec, Neo4jVersion version, List<String> from, String toPath, String tempPath) {
        JsonNode o = spec.path("options");
        List<String> a = new ArrayList<>(List.of("neo4j-admin", "database", "backup"));
        a.add("--from=" + String.join(",", from));
        a.add("--to-path=" + toPath);
        a.add("--type=" + Specs.text(o.path("backupType"), DEFAULT_TYPE));
        if (o.path("compress").isBoolean() && !o.path("compress").booleanValue()) {
            a.add("--compress=false");
        }
        String pageCache = Specs.text(o.path("pageCache"), "");
        if (!pageCache.isEmpty()) {
            a.add("--pagecache=" + pageCache);
        }
        if (tempPath != null) {
            a.add("--temp-path=" + tempPath);
        }
        String metadata = Specs.text(o.path("includeMetadata"), "");
        if (!metadata.isEmpty()) {
            a.add("--include-metadata=" + metadata);
        }
        // Options newer than the target's neo4j-admin are refused by validation; dropping them here as well keeps a
        // stale object from producing a command line neo4j-admin rejects (Unknown option).
        flag(a, o, "preferDiffAsParent", "--prefer-diff-as-parent", version, Feature.DIFF_AS_PARENT);
        flag(a, o, "parallelDownload", "--parallel-download", version, Feature.PARALLEL_DOWNLOAD);
        flag(a, o, "skipRecovery", "--skip-recovery", version, Feature.SKIP_RECOVERY);
        flag(a, o, "remoteAddressResolution", "--remote-address-resolution", version,
                Feature.REMOTE_ADDRESS_RESOLUTION);
        flag(a, o, "parallelRecovery", "--parallel-recovery", version, null);
        flag(a, o, "keepFailed", "--keep-failed", version, null);
        a.addAll(Specs.texts(o.path("additionalArgs")));
        // The database last: one name, or the pattern "*" for every database (no shell, so no quoting).
        a.add(spec.path("allDatabases").asBoolean(false) ? "*" : Specs.text(spec.path("database"), "neo4j"));
        return a;
    }

    private static void flag(List<String> a, JsonNode o, String field, String option, Neo4jVersion v, Feature f) {
        if (o.path(field).asBoolean(false) && (f == null || f.supportedBy(v))) {
            a.add(option);
        }
    }
}
