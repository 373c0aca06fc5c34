package io.neo4jguard.core.backup;

import io.neo4jguard.core.tree.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code neo4j-admin} options of the operator's backup and restore commands: which options it passes for
 * a spec (each with the field that controls it), and the options {@code neo4j-admin} 5 no longer knows.
 * {@code options.additionalArgs} items are appended to these, single-quoted one by one, so an item may
 * neither repeat an option the operator passes (picocli refuses a single-valued option given twice) nor use a
 * removed one ({@code Unknown option}). Source: the reference operator's backup command builder and restore
 * Job builder, and the {@code neo4j-admin} 5 option lists.
 */
public final class AdminArgs {
    /** {@code neo4j-admin} 4.x backup options gone in 5.x ({@code Unknown option}). */
    public static final Set<String> REMOVED_BACKUP_OPTIONS = Set.of("--backup-dir", "--name", "--database",
            "--check-consistency", "--cc-report-dir", "--cc-graph", "--cc-indexes", "--cc-label-scan-store",
            "--cc-property-owners", "--legacy-format");

    /**
     * {@code neo4j-admin} 4.x restore options gone in 5.x: {@code --from} became {@code --from-path}, the
     * database is positional, {@code --force} became {@code --overwrite-destination}, {@code --move} is gone.
     */
    public static final Set<String> REMOVED_RESTORE_OPTIONS = Set.of("--from", "--database", "--force", "--move");

    private AdminArgs() {
    }

    /** The option an argument names: the text before '=' ({@code --temp-path=/x} names {@code --temp-path}). */
    public static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    /**
     * Options the operator passes to {@code neo4j-admin database backup} for a Neo4jBackup's
     * {@code spec.options}, mapped to the field that controls each.
     */
    public static Map<String, String> passedByBackup(Node options) {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("--from", "instanceRef");
        owned.put("--to-path", "storage");
        owned.put("--type", "options.backupType"); // the CRD defaults backupType to AUTO, so always passed
        if (options.get("compress").bool().filter(b -> !b).isPresent()) {
            owned.put("--compress", "options.compress");
        }
        putIf(owned, options.get("pageCache").text().isPresent(), "--pagecache", "options.pageCache");
        putIf(owned, options.get("tempPath").text().isPresent() || options.get("tempStorage").isObject(),
                "--temp-path", "options.tempPath / options.tempStorage");
        putIf(owned, options.get("includeMetadata").text().isPresent(), "--include-metadata",
                "options.includeMetadata");
        putIf(owned, options.get("preferDiffAsParent").isTrue(), "--prefer-diff-as-parent",
                "options.preferDiffAsParent");
        putIf(owned, options.get("parallelDownload").isTrue(), "--parallel-download", "options.parallelDownload");
        putIf(owned, options.get("skipRecovery").isTrue(), "--skip-recovery", "options.skipRecovery");
        putIf(owned, options.get("parallelRecovery").isTrue(), "--parallel-recovery", "options.parallelRecovery");
        putIf(owned, options.get("keepFailed").isTrue(), "--keep-failed", "options.keepFailed");
        putIf(owned, options.get("remoteAddressResolution").isTrue(), "--remote-address-resolution",
                "options.remoteAddressResolution");
        return owned;
    }

    /**
     * Options the operator passes to {@code neo4j-admin database restore} for a Neo4jRestore's {@code spec}
     * and {@code spec.options}, mapped to the field that controls each.
     */
    public static Map<String, String> passedByRestore(Node spec, Node options) {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("--from-path", "source");
        putIf(owned, options.get("replaceExisting").isTrue() || spec.get("force").isTrue(),
                "--overwrite-destination", "options.replaceExisting");
        putIf(owned, options.get("tempPath").text().isPresent() || options.get("tempStorage").isObject(),
                "--temp-path", "options.tempPath / options.tempStorage");
        putIf(owned, spec.get("source", "pointInTime").text().isPresent(), "--restore-until", "source.pointInTime");
        return owned;
    }

    private static void putIf(Map<String, String> m, boolean condition, String option, String field) {
        if (condition) {
            m.put(option, field);
        }
    }
}
