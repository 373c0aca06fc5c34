package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Neo4jSize;
import io.neo4jguard.core.units.Parsed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code spec.storage} of clusters and standalones: the data volume's size (a Kubernetes quantity, the PVC
 * request), its StorageClass and retention policy.
 */
public final class StorageCheck implements Check {
    static final List<String> RETENTION_POLICIES = List.of("Delete", "Retain");

    private static final long KI = 1024L;
    private static final long MI = KI * KI;
    private static final long GI = MI * KI;
    private static final long TI = GI * KI;

    /**
     * Below 1 GiB the volume fills from transaction logs alone: Neo4j rotates a database's transaction log at
     * db.tx_log.rotation.size (256 MiB by default) and keeps rotated files per its retention policy, for the
     * system database and the default neo4j database each: 2 databases x 2 files x 256 MiB = 1 GiB.
     */
    static final long SMALL_SIZE = GI;

    public static final RuleMeta SIZE_REQUIRED = rule("storage.size-required", "The data volume size is required",
            Severity.ERROR,
            "spec.storage.size is the request of each server's data PersistentVolumeClaim; without it no volume "
                    + "can be provisioned.",
            "Set spec.storage.size to a Kubernetes quantity such as 100Gi.",
            "spec:\n  storage:\n    size: 100Gi");

    public static final RuleMeta SIZE_INVALID = rule("storage.size-invalid",
            "The data volume size must be a positive Kubernetes quantity", Severity.ERROR,
            "The size goes into a PersistentVolumeClaim, so it must be a Kubernetes quantity (100Gi, 500G, "
                    + "1.5Ti, 1e12) of at least one byte. Neo4j's own size syntax (10g, 10GB) is a different "
                    + "language and the API server rejects it in a PVC; 512m is half a byte (m is milli). The "
                    + "reference operator's regex also rejects valid quantities such as 100.5Gi, 1Pi or 1e9; this "
                    + "rule accepts every valid quantity.",
            "Write a Kubernetes quantity with a binary unit: 10Gi, 512Mi, 2Ti.",
            "spec:\n  storage:\n    size: 10Gi");

    public static final RuleMeta SIZE_SMALL = rule("storage.size-small", "The data volume is smaller than 1Gi",
            Severity.WARNING,
            "Neo4j rotates each database's transaction log at 256 MiB (db.tx_log.rotation.size) and keeps rotated "
                    + "files; with the system and neo4j databases that alone reaches about 1 GiB, before any "
                    + "store files. A smaller volume fills up and Neo4j stops accepting writes.",
            "Give the data volume at least a few Gi; size it from the store plus transaction log retention.",
            "spec:\n  storage:\n    size: 10Gi");

    public static final RuleMeta CLASS_NAME = rule("storage.class-name-invalid",
            "className must be a valid StorageClass name", Severity.ERROR,
            "StorageClass names are DNS subdomains (lower-case letters, digits, '-' and '.'). Any other name "
                    + "cannot exist, so the PVCs stay Pending forever. An empty className is fine: the cluster's "
                    + "default StorageClass is used.",
            "Use the name of an existing StorageClass (kubectl get storageclass), or leave className out.",
            "spec:\n  storage:\n    className: standard-rwo");

    public static final RuleMeta RETENTION = rule("storage.retention-policy",
            "retentionPolicy must be Delete or Retain", Severity.ERROR,
            "retentionPolicy decides whether the data PVCs are deleted with the object; the CRD accepts only "
                    + "Delete and Retain (case-sensitive).",
            "Use Retain for production data, Delete for throw-away environments.",
            "spec:\n  storage:\n    retentionPolicy: Retain");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(SIZE_REQUIRED, SIZE_INVALID, SIZE_SMALL, CLASS_NAME, RETENTION);
    }

    @Override
    public void check(RuleContext ctx) {
        Node storage = ctx.spec().get("storage");
        checkSize(ctx, storage.get("size"));
        checkClassName(ctx, storage.get("className"));
        checkRetention(ctx, storage.get("retentionPolicy"));
    }

    private void checkSize(RuleContext ctx, Node node) {
        if (ServerSpecs.blank(node)) {
            ctx.report(SIZE_REQUIRED, node.path(), Messages.required("the data volume size of each server, e.g. "
                    + "100Gi"));
            return;
        }
        Optional<String> text = node.scalarText();
        if (text.isEmpty()) {
            return; // a list or object: the schema check reports the type
        }
        String size = text.get();
        String pointer = ServerSpecs.pointer("spec", "storage", "size");
        Parsed<BigDecimal> q = KubernetesQuantity.parse(size);
        if (!q.ok()) {
            String fix = fromNeo4jSize(size);
            if (fix != null) {
                ctx.report(SIZE_INVALID, node.path(), Messages.invalid(node.json(), "not a Kubernetes quantity; "
                                + "Neo4j size units like g or GB are not Kubernetes units"),
                        "write " + fix, ServerSpecs.replaceText(pointer, fix));
            } else {
                ctx.report(SIZE_INVALID, node.path(), Messages.invalid(node.json(), q.error()),
                        "write a quantity such as 10Gi");
            }
            return;
        }
        BigDecimal bytes = q.value();
        if (bytes.signum() <= 0) {
            ctx.report(SIZE_INVALID, node.path(), Messages.invalid(node.json(), "must be greater than 0"),
                    "write a size such as 10Gi");
            return;
        }
        if (bytes.compareTo(BigDecimal.ONE) < 0) {
            String fix = milliAsMebi(size);
            if (fix != null) {
                ctx.report(SIZE_INVALID, node.path(), Messages.invalid(node.json(), "is " + bytes.stripTrailingZeros()
                                .toPlainString() + " bytes: in a Kubernetes quantity m means milli, not mebibytes"),
                        "write " + fix, ServerSpecs.replaceText(pointer, fix));
            } else {
                ctx.report(SIZE_INVALID, node.path(), Messages.invalid(node.json(), "is less than one byte"),
                        "write a size such as 10Gi");
            }
            return;
        }
        if (bytes.compareTo(BigDecimal.valueOf(SMALL_SIZE)) < 0) {
            ctx.report(SIZE_SMALL, node.path(), Messages.invalid(node.json(), "is smaller than 1Gi: transaction "
                            + "logs of the system and neo4j databases alone rotate at 256Mi each"),
                    "use at least a few Gi");
        }
    }

    private void checkClassName(RuleContext ctx, Node node) {
        Optional<String> name = node.text().filter(s -> !s.isEmpty());
        if (name.isEmpty() || ServerSpecs.isDnsSubdomain(name.get())) {
            return;
        }
        ctx.report(CLASS_NAME, node.path(), Messages.invalid(name.get(), "not a valid StorageClass name: lower-case "
                        + "letters, digits, '-' and '.', at most 253 characters"),
                "use an existing StorageClass (kubectl get storageclass) or omit className for the default");
    }

    private void checkRetention(RuleContext ctx, Node node) {
        Optional<String> text = node.text();
        if (text.isEmpty() || text.get().isEmpty() || RETENTION_POLICIES.contains(text.get())) {
            return;
        }
        Optional<String> canonical = ServerSpecs.canonical(text.get(), RETENTION_POLICIES);
        if (canonical.isPresent()) {
            ctx.report(RETENTION, node.path(), Messages.notSupported(text.get(), RETENTION_POLICIES),
                    "the value is case-sensitive: " + canonical.get(),
                    ServerSpecs.replaceText(ServerSpecs.pointer("spec", "storage", "retentionPolicy"),
                            canonical.get()));
        } else {
            ctx.report(RETENTION, node.path(), Messages.notSupported(text.get(), RETENTION_POLICIES));
        }
    }

    /** {@code 10g} or {@code 10GB} (Neo4j syntax, binary units) as the same bytes in Kubernetes syntax. */
    static String fromNeo4jSize(String text) {
        Parsed<Long> bytes = Neo4jSize.parse(text);
        if (!bytes.ok() || bytes.value() <= 0) {
            return null;
        }
        return quantity(bytes.value());
    }

    /** {@code 512m} meant as mebibytes: {@code 512Mi}. */
    private static String milliAsMebi(String text) {
        String t = text.trim();
        if (t.matches("[0-9]{1,9}m")) {
            return t.substring(0, t.length() - 1) + "Mi";
        }
        return null;
    }

    /** Exact bytes in the largest binary unit that divides them: 10737418240 -> 10Gi. */
    static String quantity(long bytes) {
        if (bytes % TI == 0) {
            return bytes / TI + "Ti";
        }
        if (bytes % GI == 0) {
            return bytes / GI + "Gi";
        }
        if (bytes % MI == 0) {
            return bytes / MI + "Mi";
        }
        if (bytes % KI == 0) {
            return bytes / KI + "Ki";
        }
        return Long.toString(bytes);
    }
}
