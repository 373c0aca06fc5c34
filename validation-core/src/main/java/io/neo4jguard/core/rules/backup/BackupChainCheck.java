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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a Neo4jBackup relates to other backups: {@code chainFromBackup} (write differentials into another
 * backup's directory) and {@code mode: replication-source} (a chain that replicas pull from).
 */
public final class BackupChainCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP);
    private static final List<String> MODES = List.of("standard", "replication-source");

    public static final RuleMeta CHAIN_SELF = new RuleMeta("backup.chain-self",
            "A backup cannot chain from itself", Severity.ERROR, KINDS,
            "chainFromBackup names the backup whose directory this one writes into; naming itself is refused by the "
                    + "operator.",
            "Name another Neo4jBackup, or remove chainFromBackup.",
            "metadata:\n  name: orders-hourly\nspec:\n  chainFromBackup: orders-daily");

    public static final RuleMeta CHAIN_NAME = new RuleMeta("backup.chain-name",
            "chainFromBackup must be a Neo4jBackup name", Severity.ERROR, KINDS,
            "chainFromBackup is the metadata.name of a Neo4jBackup in the same namespace, a lower-case RFC 1123 "
                    + "subdomain; the operator refuses other values.",
            "Use the other backup's metadata.name.",
            "spec:\n  chainFromBackup: orders-daily");

    public static final RuleMeta CHAIN_PARENT_MISSING = new RuleMeta("backup.chain-parent-missing",
            "chainFromBackup names no existing Neo4jBackup", Severity.ERROR, KINDS,
            "The operator resolves the parent at reconcile time and fails the backup when it does not exist.",
            "Create the parent backup first, or fix the name.",
            "spec:\n  chainFromBackup: orders-daily");

    public static final RuleMeta CHAIN_PARENT_NOT_IN_RUN = new RuleMeta("backup.chain-parent-not-in-run",
            "chainFromBackup names a Neo4jBackup not among the checked files", Severity.WARNING, KINDS,
            "The CLI sees only its own files; the parent may already exist in the cluster, so this is a warning and "
                    + "the target/storage comparison with the parent was skipped.",
            "Check the parent's manifest in the same run.",
            "");

    public static final RuleMeta CHAIN_MISMATCH = new RuleMeta("backup.chain-mismatch",
            "A chained backup must share its parent's target and storage", Severity.ERROR, KINDS,
            "Differentials are only valid on top of backups of the same database, in the same directory: the "
                    + "operator requires the same instanceRef, scope, storage type, bucket and path as the parent "
                    + "(a trailing '/' aside) and fails the backup otherwise.",
            "Copy instanceRef, the scope field and storage type/bucket/path from the parent.",
            "spec:\n  chainFromBackup: orders-daily   # orders-daily: graph/orders to s3 neo4j-backups/orders\n"
                    + "  instanceRef: graph\n  database: orders\n  storage:\n    type: s3\n    bucket: neo4j-backups\n"
                    + "    path: orders");

    public static final RuleMeta MODE = new RuleMeta("backup.mode",
            "mode must be standard or replication-source", Severity.ERROR, KINDS,
            "The CRD accepts mode standard (default) and replication-source only.",
            "Use standard or replication-source.",
            "spec:\n  mode: replication-source");

    public static final RuleMeta REPLICATION_SOURCE = new RuleMeta("backup.replication-source",
            "A replication-source backup must be a scheduled, single-database, unpruned, unshared chain",
            Severity.ERROR, KINDS,
            "Replicas follow a replication-source backup's differential chain, so the operator requires: one "
                    + "database (not allDatabases or shardedDatabase), a schedule (the chain must keep growing), no "
                    + "retention (pruning breaks the chain), and no other Neo4jBackup writing to the same "
                    + "storage location unless the two are chained.",
            "Give it database and schedule, remove retention, and give it a storage path of its own.",
            "spec:\n  mode: replication-source\n  instanceRef: prod-cluster\n  database: inventory\n"
                    + "  schedule: \"0 * * * *\"");

    private static final List<RuleMeta> RULES = List.of(CHAIN_SELF, CHAIN_NAME, CHAIN_PARENT_MISSING,
            CHAIN_PARENT_NOT_IN_RUN, CHAIN_MISMATCH, MODE, REPLICATION_SOURCE);

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
        String own = ctx.metadata().get("name").textOr("");
        Node chain = spec.get("chainFromBackup");
        Optional<String> parent = chain.text().filter(s -> !s.isEmpty());
        if (parent.isPresent()) {
            checkChain(ctx, spec, chain, parent.get(), own);
        }
        Node mode = spec.get("mode");
        Optional<String> m = mode.text().filter(s -> !s.isEmpty());
        if (m.isPresent() && !MODES.contains(m.get())) {
            ctx.report(MODE, mode.path(), Messages.notSupported(m.get(), MODES));
        }
        if (m.filter("replication-source"::equals).isPresent()) {
            checkReplicationSource(ctx, spec, own);
        }
    }

    private void checkChain(RuleContext ctx, Node spec, Node chain, String parent, String own) {
        if (parent.equals(own)) {
            ctx.report(CHAIN_SELF, chain.path(), Messages.invalid(parent, "a backup cannot chain from itself"));
            return;
        }
        if (!Names.isDnsSubdomain(parent)) {
            ctx.report(CHAIN_NAME, chain.path(), Messages.invalid(parent,
                    "must be the metadata.name of a Neo4jBackup (lower-case RFC 1123 subdomain)"));
            return;
        }
        Resolution r = ctx.resolver().resolve(Kinds.BACKUP, ctx.namespace(), parent);
        if (r.status() == Resolution.Status.NOT_FOUND) {
            if (ctx.resolver().authoritative()) {
                ctx.report(CHAIN_PARENT_MISSING, chain.path(),
                        Messages.notFound(parent, "no Neo4jBackup of that name in namespace " + ctx.namespace()));
            } else {
                ctx.report(CHAIN_PARENT_NOT_IN_RUN, chain.path(),
                        Messages.notFound(parent, "no Neo4jBackup of that name among the checked files"),
                        "the comparison with the parent was skipped");
            }
            return;
        }
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return;
        }
        JsonNode p = r.resource().tree().path("spec");
        JsonNode self = spec.json();
        List<String> differences = new ArrayList<>();
        compare(differences, "instanceRef", self.path("instanceRef"), p.path("instanceRef"));
        compare(differences, "database", self.path("database"), p.path("database"));
        compare(differences, "allDatabases", bool(self.path("allDatabases")), bool(p.path("allDatabases")));
        compare(differences, "shardedDatabase", self.path("shardedDatabase"), p.path("shardedDatabase"));
        JsonNode s = self.path("storage");
        JsonNode ps = p.path("storage");
        compare(differences, "storage.type", s.path("type"), ps.path("type"));
        compare(differences, "storage.bucket", s.path("bucket"), ps.path("bucket"));
        if (!Objects.equals(trimSlash(s.path("path")), trimSlash(ps.path("path")))) {
            differences.add("storage.path");
        }
        if (!differences.isEmpty()) {
            ctx.report(CHAIN_MISMATCH, chain.path(), Messages.invalid(parent,
                    "differs from Neo4jBackup " + parent + " in " + String.join(", ", differences)
                            + "; a chained backup must back up the same database to the same place"));
        }
    }

    private static JsonNode bool(JsonNode n) {
        return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(n.isBoolean() && n.booleanValue());
    }

    private static void compare(List<String> out, String name, JsonNode a, JsonNode b) {
        String x = a.isValueNode() ? a.asText() : "";
        String y = b.isValueNode() ? b.asText() : "";
        if (!x.equals(y)) {
            out.add(name);
        }
    }

    private static String trimSlash(JsonNode n) {
        String s = n.isTextual() ? n.textValue() : "";
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private void checkReplicationSource(RuleContext ctx, Node spec, String own) {
        if (spec.get("allDatabases").isTrue()) {
            ctx.report(REPLICATION_SOURCE, spec.get("allDatabases").path(),
                    Messages.forbidden("a replication-source backup covers one database, not allDatabases"));
        }
        if (spec.get("shardedDatabase").text().filter(s -> !s.isEmpty()).isPresent()) {
            ctx.report(REPLICATION_SOURCE, spec.get("shardedDatabase").path(),
                    Messages.forbidden("a replication-source backup covers one database, not a sharded family"));
        }
        if (spec.get("database").text().filter(s -> !s.isEmpty()).isEmpty()) {
            ctx.report(REPLICATION_SOURCE, spec.get("database").path(),
                    Messages.required("a replication-source backup needs database"));
        }
        if (spec.get("retention").present()) {
            ctx.report(REPLICATION_SOURCE, spec.get("retention").path(),
                    Messages.forbidden("retention would prune the chain replicas read"));
        }
        if (spec.get("schedule").text().map(String::trim).filter(s -> !s.isEmpty()).isEmpty()) {
            ctx.report(REPLICATION_SOURCE, spec.get("schedule").path(),
                    Messages.required("a replication-source chain must keep growing: set a schedule"));
        }
        String chainParent = spec.get("chainFromBackup").textOr("");
        String location = location(spec.json().path("storage"));
        if (location.isEmpty()) {
            return;
        }
        for (Resource other : ctx.resolver().list(Kinds.BACKUP, ctx.namespace())) {
            if (other.name().equals(own)) {
                continue;
            }
            JsonNode os = other.tree().path("spec");
            if (!location.equals(location(os.path("storage")))) {
                continue;
            }
            String otherParent = os.path("chainFromBackup").asText("");
            boolean related = otherParent.equals(own) || chainParent.equals(other.name())
                    || (!chainParent.isEmpty() && chainParent.equals(otherParent));
            if (!related) {
                ctx.report(REPLICATION_SOURCE, spec.get("storage").path(),
                        Messages.forbidden("Neo4jBackup " + other.name() + " writes to the same storage location ("
                                + location + ") without being chained to this one"),
                        "give this backup its own storage path, or chain the two");
            }
        }
    }

    /** "s3://bucket/path" with trailing slashes removed; empty when the storage is unreadable. */
    private static String location(JsonNode storage) {
        String type = storage.path("type").asText("");
        if (type.isEmpty()) {
            return "";
        }
        String bucket = storage.path("bucket").asText("");
        return type + "://" + bucket + "/" + trimSlash(storage.path("path"));
    }
}
