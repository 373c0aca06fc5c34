package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code spec.topology} of a cluster: server count, system primaries, mode constraints and per-server roles.
 *
 * <p>Raft arithmetic used in the messages
 * (https://neo4j.com/docs/operations-manual/current/clustering/introduction/): M primaries tolerate F failures when
 * M = 2F + 1, because a write needs a majority floor(M/2) + 1. So 3 tolerate 1, 4 still only 1 (majority 3),
 * 5 tolerate 2, and 2 tolerate none (majority 2 of 2).
 */
public final class TopologyCheck implements Check {
    /** CRD minimum: clustering needs a second server; one server is what Neo4jEnterpriseStandalone is for. */
    static final long MIN_SERVERS = 2;
    /** CRD maximum: an operator safety rail (serverRoles is capped at 100 items too), not a Neo4j limit. */
    static final long MAX_SERVERS = 100;
    /**
     * Soft limit of the reference operator. Neo4j hosts at most 11 primaries of a database
     * (https://neo4j.com/docs/operations-manual/current/clustering/introduction/),
     * and recommends starting the system database with 3; beyond ~10 servers more servers add discovery and
     * catch-up traffic rather than fault tolerance.
     */
    static final long MANY_SERVERS = 10;
    /** CRD minimum of minSystemPrimaries: the operator refuses a single system primary (no fault tolerance). */
    static final long MIN_SYSTEM_PRIMARIES = 2;

    static final List<String> MODES = List.of("NONE", "PRIMARY", "SECONDARY");
    private static final List<String> GLOBAL_MODES = MODES;

    public static final RuleMeta SERVERS_REQUIRED = rule("topology.servers-required", "The server count is required",
            Severity.ERROR,
            "spec.topology.servers is the number of Neo4j servers (StatefulSet replicas). Without it the "
                    + "operator has nothing to deploy.",
            "Set spec.topology.servers to 3 (or another count from 2 to 100).",
            "spec:\n  topology:\n    servers: 3");

    public static final RuleMeta MIN_SERVERS_RULE = rule("topology.min-servers",
            "A cluster needs at least 2 servers", Severity.ERROR,
            "A Neo4jEnterpriseCluster forms a Neo4j cluster; with fewer than 2 servers there is nothing to form "
                    + "and the CRD rejects it. A single server is a Neo4jEnterpriseStandalone.",
            "Use 3 servers for a fault-tolerant cluster, or a Neo4jEnterpriseStandalone for one server.",
            "spec:\n  topology:\n    servers: 3");

    public static final RuleMeta MAX_SERVERS_RULE = rule("topology.max-servers",
            "A cluster has at most 100 servers", Severity.ERROR,
            "The CRD caps spec.topology.servers at 100, an operator safety rail; the API server rejects more.",
            "Use at most 100 servers; scale reads with secondaries on fewer, larger servers.",
            "spec:\n  topology:\n    servers: 5");

    public static final RuleMeta SYSTEM_PRIMARIES_RANGE = rule("topology.min-system-primaries-range",
            "minSystemPrimaries must be between 2 and the server count", Severity.ERROR,
            "spec.topology.minSystemPrimaries becomes dbms.cluster.minimum_initial_system_primaries_count: "
                    + "the cluster forms only when that many servers host the system database as primaries. More "
                    + "than the server count can never be reached, so the cluster never forms; the CRD also "
                    + "requires at least 2.",
            "Leave it unset (the operator uses min(3, servers)) or set an odd value from 3 up to the server count.",
            "spec:\n  topology:\n    servers: 5\n    minSystemPrimaries: 3");

    public static final RuleMeta MODE_CONSTRAINT = rule("topology.server-mode-constraint",
            "serverModeConstraint must be NONE, PRIMARY or SECONDARY", Severity.ERROR,
            "The global constraint becomes initial.server.mode_constraint of every server, which Neo4j accepts "
                    + "only as NONE, PRIMARY or SECONDARY (upper case); the CRD enum is the same.",
            "Use NONE (the default), PRIMARY or SECONDARY.",
            "spec:\n  topology:\n    serverModeConstraint: NONE");

    public static final RuleMeta ROLE_INDEX = rule("topology.server-role-index",
            "serverRoles[].serverIndex must name an existing server", Severity.ERROR,
            "serverRoles[i].serverIndex is the 0-based ordinal of a server pod ({name}-server-{index}). An index "
                    + "that is negative or not below the server count names no server: the hint is silently "
                    + "ignored, or the CRD rejects it.",
            "Use indexes from 0 to servers - 1.",
            "spec:\n  topology:\n    servers: 3\n    serverRoles:\n      - serverIndex: 2\n        modeConstraint: SECONDARY");

    public static final RuleMeta ROLE_DUPLICATE = rule("topology.server-role-duplicate",
            "Each server has at most one serverRoles entry", Severity.ERROR,
            "serverRoles is a map keyed by serverIndex; two entries for the same server contradict each other "
                    + "and the API server rejects the duplicate key.",
            "Keep one entry per serverIndex.",
            "spec:\n  topology:\n    serverRoles:\n      - serverIndex: 0\n        modeConstraint: PRIMARY");

    public static final RuleMeta ROLE_MODE = rule("topology.server-role-mode",
            "serverRoles[].modeConstraint must be NONE, PRIMARY or SECONDARY", Severity.ERROR,
            "Each role hint becomes that server's initial.server.mode_constraint, which Neo4j accepts only as "
                    + "NONE, PRIMARY or SECONDARY; the CRD requires the field.",
            "Set modeConstraint to NONE, PRIMARY or SECONDARY.",
            "spec:\n  topology:\n    serverRoles:\n      - serverIndex: 2\n        modeConstraint: SECONDARY");

    public static final RuleMeta NO_PRIMARY_CAPABLE = rule("topology.no-primary-capable-server",
            "At least one server must be able to host primaries", Severity.ERROR,
            "Every database needs at least one primary, and a server constrained to SECONDARY never hosts one. "
                    + "When the global serverModeConstraint and the serverRoles together make every server "
                    + "SECONDARY, no database (not even the default neo4j database) can be allocated. The "
                    + "reference operator only catches this when every server has its own SECONDARY entry.",
            "Leave at least one server NONE or PRIMARY, e.g. serverModeConstraint NONE and SECONDARY only for "
                    + "the read replicas.",
            "spec:\n  topology:\n    servers: 4\n    serverRoles:\n      - serverIndex: 3\n        modeConstraint: SECONDARY");

    public static final RuleMeta TWO_SERVERS = rule("topology.two-servers",
            "Two servers give no fault tolerance", Severity.WARNING,
            "Raft needs a majority of the system database's primaries to commit (M = 2F + 1 primaries tolerate "
                    + "F failures). With 2 servers both are system primaries and the majority of 2 is 2: losing "
                    + "either server loses the quorum of the system database, so the cluster can no longer create "
                    + "databases or change users. Two servers add copies, not availability.",
            "Use 3 servers to survive one failure, 5 to survive two.",
            "spec:\n  topology:\n    servers: 3");

    public static final RuleMeta EVEN_SERVERS = rule("topology.even-servers",
            "An even server count adds no fault tolerance", Severity.WARNING,
            "M primaries tolerate F failures when M = 2F + 1: a majority of 4 is 3, so a database with a "
                    + "primary on each of 4 servers tolerates 1 failure, the same as 3. The extra server adds "
                    + "capacity (secondaries, more databases) but not availability.",
            "Prefer an odd count (3, 5, 7) unless the extra server is meant for secondaries.",
            "spec:\n  topology:\n    servers: 5");

    public static final RuleMeta EVEN_SYSTEM_PRIMARIES = rule("topology.even-system-primaries",
            "An even minSystemPrimaries adds no fault tolerance", Severity.WARNING,
            "The system database's primaries form one Raft group: a majority of 4 is 3, so 4 system primaries "
                    + "tolerate 1 failure, the same as 3, while every commit waits for one more server.",
            "Use an odd minSystemPrimaries (3 or 5).",
            "spec:\n  topology:\n    minSystemPrimaries: 3");

    public static final RuleMeta MANY_SERVERS_RULE = rule("topology.many-servers",
            "More than 10 servers", Severity.WARNING,
            "A Neo4j database has at most 11 primaries, and the system database is best kept at 3 to 5. Beyond "
                    + "about 10 servers, more servers add discovery, catch-up and coordination work rather than "
                    + "fault tolerance; read capacity scales with secondaries.",
            "Check that the servers are needed; scale reads with secondaries (serverRoles SECONDARY).",
            "spec:\n  topology:\n    servers: 7");

    public static final RuleMeta CONSTRAINT_PRIMARY = rule("topology.constraint-primary",
            "All servers PRIMARY: no server can host secondaries", Severity.WARNING,
            "With serverModeConstraint PRIMARY and no role hint saying otherwise, no server may host a database "
                    + "as a secondary, so databases with secondaries (read replicas) cannot be allocated.",
            "Use NONE, or give the read-replica servers serverRoles SECONDARY.",
            "spec:\n  topology:\n    serverModeConstraint: NONE");

    public static final RuleMeta CONSTRAINT_SECONDARY = rule("topology.constraint-secondary",
            "Global SECONDARY: only the servers in serverRoles can host primaries", Severity.WARNING,
            "With serverModeConstraint SECONDARY, only servers whose serverRoles entry says PRIMARY or NONE can "
                    + "host primaries; every database's primaries must fit on those few servers.",
            "Prefer serverModeConstraint NONE with SECONDARY role hints for the read replicas.",
            "spec:\n  topology:\n    serverModeConstraint: NONE\n    serverRoles:\n      - serverIndex: 3\n        modeConstraint: SECONDARY");

    public static final RuleMeta DISTRIBUTION_ZONES = rule("topology.distribution-zones",
            "enforceDistribution needs at least 2 zones and one per server", Severity.ERROR,
            "With enforceDistribution the operator places every server in its own availability zone (required "
                    + "anti-affinity on topology.kubernetes.io/zone), so that a zone outage takes one server, not the "
                    + "quorum. It refuses to deploy with fewer than 2 zones or fewer zones than servers, and without "
                    + "a placement block it does not discover zones, so availabilityZones must list them.",
            "List at least as many distinct zones as servers, or turn enforceDistribution off.",
            "spec:\n  topology:\n    servers: 3\n    enforceDistribution: true\n"
                    + "    availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]");

    public static final RuleMeta DISTRIBUTION_ZONES_UNLISTED = rule("topology.distribution-zones-unlisted",
            "enforceDistribution without availabilityZones depends on listing nodes", Severity.WARNING,
            "With a placement block but no availabilityZones the operator discovers zones from the nodes' "
                    + "topology.kubernetes.io/zone labels at reconcile time: it refuses to deploy when it may not list "
                    + "nodes, or when the nodes span fewer zones than there are servers. Neither can be checked "
                    + "before admission.",
            "List the zones in spec.topology.availabilityZones.",
            "spec:\n  topology:\n    enforceDistribution: true\n"
                    + "    availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.CLUSTER, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(SERVERS_REQUIRED, MIN_SERVERS_RULE, MAX_SERVERS_RULE, SYSTEM_PRIMARIES_RANGE, MODE_CONSTRAINT,
                ROLE_INDEX, ROLE_DUPLICATE, ROLE_MODE, NO_PRIMARY_CAPABLE, TWO_SERVERS, EVEN_SERVERS,
                EVEN_SYSTEM_PRIMARIES, MANY_SERVERS_RULE, CONSTRAINT_PRIMARY, CONSTRAINT_SECONDARY, DISTRIBUTION_ZONES,
                DISTRIBUTION_ZONES_UNLISTED);
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ServerSpecs.isCluster(ctx)) {
            return; // a standalone has no topology (the engine does not call this check for it)
        }
        Node topology = ctx.spec().get("topology");
        Node serversNode = topology.get("servers");
        OptionalLong servers = serversNode.integer();
        checkServers(ctx, serversNode, servers);
        checkSystemPrimaries(ctx, topology.get("minSystemPrimaries"), servers);
        String global = checkGlobalConstraint(ctx, topology.get("serverModeConstraint"));
        List<Role> roles = checkRoles(ctx, topology.get("serverRoles"), servers);
        if (servers.isPresent() && servers.getAsLong() >= MIN_SERVERS && servers.getAsLong() <= MAX_SERVERS) {
            checkEffectiveModes(ctx, topology, (int) servers.getAsLong(), global, roles);
        }
        checkDistribution(ctx, topology, servers);
    }

    private void checkDistribution(RuleContext ctx, Node topology, OptionalLong servers) {
        if (!topology.get("enforceDistribution").isTrue()) {
            return;
        }
        Node zonesNode = topology.get("availabilityZones");
        Set<String> zones = new LinkedHashSet<>();
        for (Node z : zonesNode.items()) {
            ServerSpecs.nonBlank(z).ifPresent(zones::add);
        }
        if (zones.isEmpty()) {
            if (topology.get("placement").isObject()) {
                ctx.report(DISTRIBUTION_ZONES_UNLISTED, zonesNode.path(), Messages.required("enforceDistribution is "
                                + "on but no availabilityZones are listed; the operator must discover them by listing "
                                + "nodes"),
                        "list the zones, e.g. availabilityZones: [zone-a, zone-b, zone-c]");
            } else {
                // Without a placement block the operator does not discover zones: it checks the empty list.
                ctx.report(DISTRIBUTION_ZONES, zonesNode.path(), Messages.required("enforceDistribution needs "
                                + "availabilityZones: without spec.topology.placement the operator does not discover "
                                + "zones and finds none"),
                        "list the zones, e.g. availabilityZones: [zone-a, zone-b, zone-c]");
            }
            return;
        }
        if (zones.size() < 2) {
            ctx.report(DISTRIBUTION_ZONES, zonesNode.path(), Messages.invalid(zonesNode.json(), "enforceDistribution "
                            + "needs at least 2 distinct zones, found " + zones.size()),
                    "list more zones, or set enforceDistribution: false");
        } else if (servers.isPresent() && zones.size() < servers.getAsLong()) {
            ctx.report(DISTRIBUTION_ZONES, zonesNode.path(), Messages.invalid(zonesNode.json(), "enforceDistribution "
                            + "puts each server in its own zone: " + servers.getAsLong() + " servers need "
                            + servers.getAsLong() + " distinct zones, found " + zones.size()),
                    "list more zones, use fewer servers, or set enforceDistribution: false");
        }
    }

    private void checkServers(RuleContext ctx, Node node, OptionalLong servers) {
        if (!node.present()) {
            ctx.report(SERVERS_REQUIRED, node.path(), Messages.required("the number of Neo4j servers, from 2 to 100"),
                    "set servers: 3 for a cluster that survives one server failure");
            return;
        }
        if (servers.isEmpty()) {
            return; // a wrong type is the schema check's finding
        }
        long s = servers.getAsLong();
        if (s < MIN_SERVERS) {
            ctx.report(MIN_SERVERS_RULE, node.path(), Messages.invalid(node.json(),
                            "a cluster needs at least 2 servers; use Neo4jEnterpriseStandalone for one"),
                    "set servers: 3, or deploy a Neo4jEnterpriseStandalone");
        } else if (s > MAX_SERVERS) {
            ctx.report(MAX_SERVERS_RULE, node.path(), Messages.invalid(node.json(),
                    "must be at most " + MAX_SERVERS + " servers"));
        } else if (s == 2) {
            ctx.report(TWO_SERVERS, node.path(), Messages.invalid(node.json(), "2 servers give no fault tolerance: "
                            + "both are system database primaries and Raft needs a majority of 2, so losing either "
                            + "server loses the quorum of the system database"),
                    "use 3 servers to survive one failure");
        } else if (s % 2 == 0) {
            long tolerated = (s - 1) / 2;
            ctx.report(EVEN_SERVERS, node.path(), Messages.invalid(node.json(), "an even server count adds no fault "
                            + "tolerance: M = 2F + 1 primaries tolerate F failures, so " + s + " servers tolerate "
                            + tolerated + " failure" + (tolerated == 1 ? "" : "s") + ", the same as " + (s - 1)),
                    "use " + (s - 1) + " or " + (s + 1) + " servers unless the extra one is for secondaries");
        }
        if (s > MANY_SERVERS && s <= MAX_SERVERS) {
            ctx.report(MANY_SERVERS_RULE, node.path(), Messages.invalid(node.json(), "more than " + MANY_SERVERS
                            + " servers adds coordination work, not fault tolerance (a database has at most 11 "
                            + "primaries)"),
                    "scale reads with secondaries rather than more servers");
        }
    }

    private void checkSystemPrimaries(RuleContext ctx, Node node, OptionalLong servers) {
        OptionalLong value = node.integer();
        if (value.isEmpty()) {
            return;
        }
        long m = value.getAsLong();
        if (m < MIN_SYSTEM_PRIMARIES) {
            ctx.report(SYSTEM_PRIMARIES_RANGE, node.path(), Messages.invalid(node.json(),
                            "must be at least " + MIN_SYSTEM_PRIMARIES),
                    "leave it unset, or use 3");
            return;
        }
        if (servers.isPresent() && m > servers.getAsLong()) {
            ctx.report(SYSTEM_PRIMARIES_RANGE, node.path(), Messages.invalid(node.json(),
                            "must not exceed spec.topology.servers (" + servers.getAsLong() + "): the cluster would "
                                    + "wait forever for " + m + " system primaries"),
                    "lower it to at most " + servers.getAsLong() + ", or add servers");
            return;
        }
        if (m % 2 == 0) {
            long tolerated = (m - 1) / 2;
            ctx.report(EVEN_SYSTEM_PRIMARIES, node.path(), Messages.invalid(node.json(), "an even number of system "
                            + "primaries adds no fault tolerance: M = 2F + 1, so " + m + " tolerate " + tolerated
                            + " failure" + (tolerated == 1 ? "" : "s") + ", the same as " + (m - 1)),
                    "use " + (m - 1) + " or " + (m + 1));
        }
    }

    /** The valid global constraint ("NONE" when unset or invalid). */
    private String checkGlobalConstraint(RuleContext ctx, Node node) {
        Optional<String> text = node.text();
        if (text.isEmpty() || text.get().isEmpty()) {
            return "NONE";
        }
        String v = text.get();
        if (GLOBAL_MODES.contains(v)) {
            return v;
        }
        reportMode(ctx, MODE_CONSTRAINT, node, v, "spec", "topology", "serverModeConstraint");
        return "NONE";
    }

    private static void reportMode(RuleContext ctx, RuleMeta rule, Node node, String v, Object... pointer) {
        Optional<String> canonical = ServerSpecs.canonical(v, MODES);
        if (canonical.isPresent()) {
            ctx.report(rule, node.path(), Messages.notSupported(v, MODES), "modes are upper case: "
                    + canonical.get(), ServerSpecs.replaceText(ServerSpecs.pointer(pointer), canonical.get()));
        } else {
            ctx.report(rule, node.path(), Messages.notSupported(v, MODES));
        }
    }

    /** A role hint that names a real server with a valid mode. */
    private record Role(int index, String mode) {
    }

    private List<Role> checkRoles(RuleContext ctx, Node rolesNode, OptionalLong servers) {
        List<Role> valid = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Node> items = rolesNode.items();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (!item.isObject()) {
                continue;
            }
            Node indexNode = item.get("serverIndex");
            OptionalLong index = indexNode.integer();
            boolean indexOk = false;
            if (!indexNode.present()) {
                ctx.report(ROLE_INDEX, indexNode.path(), Messages.required("the 0-based ordinal of the server "
                        + "this hint applies to"));
            } else if (index.isPresent()) {
                long idx = index.getAsLong();
                if (idx < 0) {
                    ctx.report(ROLE_INDEX, indexNode.path(), Messages.invalid(indexNode.json(),
                            "must not be negative: server ordinals start at 0"));
                } else if (servers.isPresent() && servers.getAsLong() >= 1 && idx >= servers.getAsLong()) {
                    ctx.report(ROLE_INDEX, indexNode.path(), Messages.invalid(indexNode.json(), "must be in range "
                                    + "[0, " + (servers.getAsLong() - 1) + "]: the cluster has "
                                    + servers.getAsLong() + " servers"),
                            "server ordinals run from 0 to servers - 1");
                } else if (!seen.add(idx)) {
                    ctx.report(ROLE_DUPLICATE, indexNode.path(), Messages.duplicate(Long.toString(idx)),
                            "keep one serverRoles entry per server");
                } else {
                    indexOk = idx <= MAX_SERVERS;
                }
            }
            Node modeNode = item.get("modeConstraint");
            Optional<String> mode = modeNode.text().filter(s -> !s.isEmpty());
            if (!modeNode.present() || modeNode.text().map(String::isEmpty).orElse(false)) {
                ctx.report(ROLE_MODE, modeNode.path(), Messages.required("one of NONE, PRIMARY, SECONDARY"));
            } else if (mode.isPresent() && !MODES.contains(mode.get())) {
                reportMode(ctx, ROLE_MODE, modeNode, mode.get(), "spec", "topology", "serverRoles", i,
                        "modeConstraint");
            } else if (mode.isPresent() && indexOk) {
                valid.add(new Role((int) index.getAsLong(), mode.get()));
            }
        }
        return valid;
    }

    private void checkEffectiveModes(RuleContext ctx, Node topology, int servers, String global, List<Role> roles) {
        String[] modes = new String[servers];
        Arrays.fill(modes, global);
        for (Role r : roles) {
            if (r.index() < servers) {
                modes[r.index()] = r.mode();
            }
        }
        List<Integer> primaryCapable = new ArrayList<>();
        int secondaryCapable = 0;
        for (int i = 0; i < servers; i++) {
            if (!modes[i].equals("SECONDARY")) {
                primaryCapable.add(i);
            }
            if (!modes[i].equals("PRIMARY")) {
                secondaryCapable++;
            }
        }
        Node constraint = topology.get("serverModeConstraint");
        if (primaryCapable.isEmpty()) {
            boolean viaGlobal = global.equals("SECONDARY");
            String path = viaGlobal ? constraint.path() : topology.get("serverRoles").path();
            ctx.report(NO_PRIMARY_CAPABLE, path, Messages.invalid(viaGlobal ? constraint.json()
                                    : topology.get("serverRoles").json(),
                            "every one of the " + servers + " servers is constrained to SECONDARY"
                                    + (viaGlobal ? " (serverModeConstraint SECONDARY and no serverRoles entry "
                                    + "with PRIMARY or NONE)" : "") + ", so no server can host a primary and no "
                                    + "database can be created"),
                    "let at least one server host primaries: serverModeConstraint NONE, or a serverRoles entry "
                            + "with modeConstraint PRIMARY or NONE");
            return;
        }
        if (global.equals("PRIMARY") && secondaryCapable == 0) {
            ctx.report(CONSTRAINT_PRIMARY, constraint.path(), Messages.invalid(constraint.json(),
                            "every server is constrained to PRIMARY, so no server can host a secondary (read "
                                    + "replica)"),
                    "use NONE, or give read-replica servers serverRoles SECONDARY");
        }
        if (global.equals("SECONDARY")) {
            ctx.report(CONSTRAINT_SECONDARY, constraint.path(), Messages.invalid(constraint.json(),
                            "only server" + (primaryCapable.size() == 1 ? " " : "s ") + join(primaryCapable)
                                    + " (from serverRoles) can host primaries; every database's primaries must fit "
                                    + "there"),
                    "prefer serverModeConstraint NONE with SECONDARY role hints for read replicas");
        }
    }

    private static String join(List<Integer> xs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) {
                b.append(i == xs.size() - 1 ? " and " : ", ");
            }
            b.append(xs.get(i));
        }
        return b.toString();
    }
}
