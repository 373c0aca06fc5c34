package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * UPDATE rules for clusters and standalones: they compare the object with the old object the API server
 * sends. (The reference operator compares the object with a fresh read of itself, so these checks never
 * fire there.) Nothing is reported on CREATE or in a CLI run without an old object.
 */
public final class UpdateCheck implements Check {
    /**
     * Neo4j's dbms.cluster.minimum_initial_system_primaries_count defaults to 3
     * (https://neo4j.com/docs/operations-manual/current/clustering/setup/deploy/); the
     * operator writes min(3, servers) when minSystemPrimaries is unset. That many servers host the system
     * database as primaries, and Neo4j cannot drop a server below it.
     */
    static final long DEFAULT_SYSTEM_PRIMARIES = 3;
    /** 5.26 is the last 5.x release and the only one from which Neo4j supports moving to CalVer. */
    static final Neo4jVersion LTS = Neo4jVersion.of(5, 26);
    /** The breaking release right after the 5.26 LTS (removed discovery v1 and settings:
     * https://neo4j.com/docs/operations-manual/current/breaking-changes/). */
    static final Neo4jVersion FIRST_CALVER = Neo4jVersion.of(2025, 1);

    public static final RuleMeta DOWNGRADE = rule("update.version-downgrade", "Neo4j cannot be downgraded",
            ServerSpecs.BOTH,
            "A Neo4j server upgrades its store and system database on start; an older version cannot read "
                    + "them, so rolling back the image leaves servers that do not start (only a restore from a "
                    + "backup taken before the upgrade goes back). Every CalVer release is newer than 5.26, so "
                    + "CalVer to 5.x is a downgrade too.",
            "Keep the current version, or restore a backup into a new deployment of the older version.",
            "spec:\n  image:\n    tag: 2025.10.1-enterprise   # was 2025.10.1-enterprise or older");

    public static final RuleMeta UPGRADE_PATH = rule("update.unsupported-upgrade-path",
            "The version change is not a supported Neo4j upgrade path", ServerSpecs.BOTH,
            "Neo4j supports rolling upgrades within a major version and from the 5.26 LTS to CalVer. 2025.01 "
                    + "removed discovery v1 and several settings, so a server must reach 5.26 (and move to "
                    + "discovery v2) before it can jump to CalVer; from 4.x, a 5.x server needs an offline store "
                    + "migration, not an image change.",
            "Upgrade to the latest 5.26 first, then to the CalVer release.",
            "spec:\n  image:\n    tag: 5.26.0-enterprise   # then 2025.x once every server runs 5.26");

    public static final RuleMeta SCALE_BELOW_SYSTEM_PRIMARIES = rule("update.scale-below-system-primaries",
            "Servers cannot go below the system database's primaries", ServerSpecs.CLUSTER,
            "The cluster formed with minSystemPrimaries system-database primaries (3 when unset, Neo4j's default "
                    + "for dbms.cluster.minimum_initial_system_primaries_count, or the server count if smaller). "
                    + "Neo4j refuses to deallocate a server that hosts one of them, so the scale-down stalls with "
                    + "a server draining forever.",
            "Keep at least that many servers.",
            "spec:\n  topology:\n    servers: 3   # not below minSystemPrimaries (3 when unset)");

    public static final RuleMeta SCALE_BELOW_DATABASE_PRIMARIES = rule("update.scale-below-database-primaries",
            "Servers cannot go below a database's primaries", ServerSpecs.CLUSTER,
            "Each primary of a database lives on its own server. A Neo4jDatabase on this cluster with more "
                    + "primaries than the new server count cannot be re-allocated: Neo4j refuses to deallocate "
                    + "the servers and the scale-down never completes.",
            "Lower the database's primaries first (ALTER DATABASE ... SET TOPOLOGY via the Neo4jDatabase), then "
                    + "scale down.",
            "spec:\n  topology:\n    servers: 3   # >= the largest spec.topology.primaries of its Neo4jDatabases");

    public static final RuleMeta SCALE_BELOW_DATABASE_TOPOLOGY = new RuleMeta("update.scale-below-database-topology",
            "Servers go below a database's primaries plus secondaries", Severity.WARNING, ServerSpecs.CLUSTER,
            "A server hosts at most one copy of a database. With fewer servers than a Neo4jDatabase's primaries "
                    + "plus secondaries, the copies on the removed servers have nowhere to go and draining them "
                    + "waits until the database's secondaries are reduced.",
            "Reduce the database's secondaries first, or keep enough servers.",
            "spec:\n  topology:\n    servers: 4   # >= primaries + secondaries of each Neo4jDatabase");

    public static final RuleMeta SYSTEM_PRIMARIES_CHANGED = new RuleMeta("update.min-system-primaries-changed",
            "Changing minSystemPrimaries after formation has no effect", Severity.WARNING, ServerSpecs.CLUSTER,
            "minSystemPrimaries becomes dbms.cluster.minimum_initial_system_primaries_count, which Neo4j reads "
                    + "only when the cluster first forms. Changing it later does not change how many servers "
                    + "host the system database; the scale-down floor stays the old value.",
            "Leave it as it was; change system database primaries with Neo4j's own commands if needed.",
            "spec:\n  topology:\n    minSystemPrimaries: 3   # as when the cluster was created");

    public static final RuleMeta CLASS_IMMUTABLE = rule("update.storage-class-immutable",
            "storage.className cannot change", ServerSpecs.BOTH,
            "The data PVCs come from the StatefulSet's volumeClaimTemplates, which Kubernetes does not allow to "
                    + "change, and an existing PVC keeps its StorageClass. A new className would be ignored for "
                    + "existing servers or make the StatefulSet update fail. The reference operator's check for "
                    + "this never runs.",
            "Keep the old className; to move storage, back up and restore into a new deployment.",
            "spec:\n  storage:\n    className: standard-rwo   # unchanged");

    public static final RuleMeta SIZE_SHRINK = rule("update.storage-shrink", "storage.size cannot decrease",
            ServerSpecs.BOTH,
            "Kubernetes can expand a PersistentVolumeClaim (when the StorageClass allows it) but never shrink "
                    + "one; a smaller size is rejected when the PVCs are updated and the data would not fit anyway.",
            "Keep the size, or increase it.",
            "spec:\n  storage:\n    size: 100Gi   # was 100Gi");

    private static RuleMeta rule(String id, String title, Set<String> kinds, String why, String fix,
                                 String example) {
        return new RuleMeta(id, title, Severity.ERROR, kinds, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(DOWNGRADE, UPGRADE_PATH, SCALE_BELOW_SYSTEM_PRIMARIES, SCALE_BELOW_DATABASE_PRIMARIES,
                SCALE_BELOW_DATABASE_TOPOLOGY, SYSTEM_PRIMARIES_CHANGED, CLASS_IMMUTABLE, SIZE_SHRINK);
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Node> oldSpec = ctx.oldSpec();
        if (oldSpec.isEmpty()) {
            return;
        }
        Node spec = ctx.spec();
        Node old = oldSpec.get();
        checkVersion(ctx, spec.get("image", "tag"), old.get("image", "tag"));
        checkStorage(ctx, spec.get("storage"), old.get("storage"));
        if (ServerSpecs.isCluster(ctx)) {
            checkScale(ctx, spec.get("topology"), old.get("topology"));
        }
    }

    private void checkVersion(RuleContext ctx, Node tagNode, Node oldTagNode) {
        Optional<String> tag = ServerSpecs.nonBlank(tagNode);
        Optional<String> oldTag = ServerSpecs.nonBlank(oldTagNode);
        if (tag.isEmpty() || oldTag.isEmpty()) {
            return;
        }
        Parsed<Neo4jVersion> now = Neo4jVersion.parse(tag.get());
        Parsed<Neo4jVersion> was = Neo4jVersion.parse(oldTag.get());
        if (!now.ok() || !was.ok()) {
            return; // the image rules report unparseable tags; nothing to compare
        }
        Neo4jVersion to = now.value();
        Neo4jVersion from = was.value();
        int order = to.compareTo(from);
        if (order < 0) {
            ctx.report(DOWNGRADE, tagNode.path(), Messages.invalid(tag.get(), "Neo4j " + to + " is older than the "
                            + "running " + from + ": servers cannot read a store written by a newer version"),
                    "keep " + Messages.quote(oldTag.get()) + " (restore a backup to go back)");
            return;
        }
        if (order == 0) {
            return;
        }
        if (from.major() < 5 && to.major() >= 5) {
            ctx.report(UPGRADE_PATH, tagNode.path(), Messages.invalid(tag.get(), "Neo4j " + from + " to " + to
                            + " is a major upgrade that needs an offline store migration, not an image change"),
                    "migrate with neo4j-admin into a new 5.26 deployment");
        } else if (to.isCalVer() && !from.isCalVer() && !(from.major() == LTS.major() && from.minor() == LTS.minor())) {
            ctx.report(UPGRADE_PATH, tagNode.path(), Messages.invalid(tag.get(), "Neo4j " + from + " cannot go "
                            + "straight to " + to + ": CalVer releases are reached only from 5.26, since "
                            + FIRST_CALVER + " removed discovery v1"),
                    "upgrade to the latest 5.26 first, then to " + to);
        }
    }

    private void checkStorage(RuleContext ctx, Node storage, Node oldStorage) {
        String cls = storage.get("className").text().map(String::trim).orElse("");
        String oldCls = oldStorage.get("className").text().map(String::trim).orElse("");
        if (!cls.equals(oldCls)) {
            Node n = storage.get("className");
            ctx.report(CLASS_IMMUTABLE, n.path(), Messages.forbidden("storage.className cannot change from "
                            + (oldCls.isEmpty() ? "the default StorageClass" : Messages.quote(oldCls)) + " to "
                            + (cls.isEmpty() ? "the default StorageClass" : Messages.quote(cls))
                            + ": the StatefulSet's volumeClaimTemplates are immutable"),
                    "keep " + (oldCls.isEmpty() ? "className unset" : "className: " + oldCls),
                    oldCls.isEmpty() ? List.of(PatchOperation.remove(
                            ServerSpecs.pointer("spec", "storage", "className")))
                            : ServerSpecs.replaceText(ServerSpecs.pointer("spec", "storage", "className"), oldCls));
        }
        Node size = storage.get("size");
        Optional<String> now = size.scalarText();
        Optional<String> was = oldStorage.get("size").scalarText();
        if (now.isEmpty() || was.isEmpty()) {
            return;
        }
        Parsed<BigDecimal> a = KubernetesQuantity.parse(now.get().trim());
        Parsed<BigDecimal> b = KubernetesQuantity.parse(was.get().trim());
        if (a.ok() && b.ok() && a.value().signum() > 0 && a.value().compareTo(b.value()) < 0) {
            ctx.report(SIZE_SHRINK, size.path(), Messages.forbidden("storage.size cannot shrink from "
                            + Messages.quote(was.get()) + " to " + Messages.quote(now.get())
                            + ": PersistentVolumeClaims can only grow"),
                    "keep " + was.get() + " or more",
                    ServerSpecs.replaceText(ServerSpecs.pointer("spec", "storage", "size"), was.get()));
        }
    }

    private void checkScale(RuleContext ctx, Node topology, Node oldTopology) {
        Node serversNode = topology.get("servers");
        OptionalLong servers = serversNode.integer();
        OptionalLong oldServers = oldTopology.get("servers").integer();
        OptionalLong oldMin = oldTopology.get("minSystemPrimaries").integer();
        Node minNode = topology.get("minSystemPrimaries");
        OptionalLong newMin = minNode.integer();
        if (oldServers.isPresent() && (oldMin.isPresent() || newMin.isPresent())
                && !oldMin.equals(newMin) && minNode.present()) {
            ctx.report(SYSTEM_PRIMARIES_CHANGED, minNode.path(), Messages.invalid(minNode.json(), "changed from "
                            + (oldMin.isPresent() ? Long.toString(oldMin.getAsLong()) : "unset") + ", but Neo4j "
                            + "reads it only when the cluster first forms"),
                    "restore the old value; it does not change the running system database");
        }
        if (servers.isEmpty() || oldServers.isEmpty() || servers.getAsLong() >= oldServers.getAsLong()) {
            return;
        }
        long s = servers.getAsLong();
        if (s < TopologyCheck.MIN_SERVERS) {
            return; // topology.min-servers already refuses it
        }
        // The floor the cluster formed with: the old explicit value, else min(3, servers it formed with).
        long floor = oldMin.isPresent() ? oldMin.getAsLong()
                : Math.min(DEFAULT_SYSTEM_PRIMARIES, oldServers.getAsLong());
        if (s < floor) {
            ctx.report(SCALE_BELOW_SYSTEM_PRIMARIES, serversNode.path(), Messages.invalid(serversNode.json(),
                            "cannot scale down from " + oldServers.getAsLong() + " below " + floor + " servers: "
                                    + floor + " servers host the system database as primaries ("
                                    + (oldMin.isPresent() ? "minSystemPrimaries" : "the default, as "
                                    + "minSystemPrimaries is unset") + ")"),
                    "keep at least " + floor + " servers");
        }
        long maxPrimaries = 0;
        long maxTotal = 0;
        String primariesDb = "";
        String totalDb = "";
        for (Resource db : ctx.resolver().list(Kinds.DATABASE, ctx.namespace())) {
            Node dbRoot = Node.root(db.tree());
            Node dbSpec = dbRoot.get("spec");
            if (!dbSpec.get("clusterRef").text().map(String::trim).orElse("").equals(ctx.resource().name())) {
                continue;
            }
            long p = dbSpec.get("topology", "primaries").integer().orElse(0);
            long sec = dbSpec.get("topology", "secondaries").integer().orElse(0);
            if (p > maxPrimaries) {
                maxPrimaries = p;
                primariesDb = db.name();
            }
            if (p > 0 && sec > 0 && p + sec > maxTotal) {
                maxTotal = p + sec;
                totalDb = db.name();
            }
        }
        if (s < maxPrimaries) {
            ctx.report(SCALE_BELOW_DATABASE_PRIMARIES, serversNode.path(), Messages.invalid(serversNode.json(),
                            "Neo4jDatabase " + Messages.quote(primariesDb) + " has " + maxPrimaries + " primaries, "
                                    + "one per server; " + s + " servers cannot host them"),
                    "lower that database's primaries first, or keep at least " + maxPrimaries + " servers");
        } else if (s < maxTotal) {
            ctx.report(SCALE_BELOW_DATABASE_TOPOLOGY, serversNode.path(), Messages.invalid(serversNode.json(),
                            "Neo4jDatabase " + Messages.quote(totalDb) + " has " + maxTotal + " copies (primaries "
                                    + "plus secondaries), at most one per server"),
                    "reduce its secondaries first, or keep at least " + maxTotal + " servers");
        }
    }
}
