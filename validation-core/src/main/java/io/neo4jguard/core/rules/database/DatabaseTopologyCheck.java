package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code spec.topology} of a Neo4jDatabase: how many of the target's servers host this database as primaries
 * (Raft members, read/write) and secondaries (asynchronous read replicas). Each copy needs its own server.
 */
public final class DatabaseTopologyCheck implements Check {
    /**
     * Neo4j's limits per database: {@code initial.dbms.default_primaries_count} ranges 1..11 and
     * {@code initial.dbms.default_secondaries_count} 0..20, and the clustering introduction names 11 primaries
     * and 20 secondaries as the maximum
     * (https://neo4j.com/docs/operations-manual/current/clustering/introduction/). A Raft group beyond 11 members
     * gains nothing: every
     * commit waits for a majority of them.
     */
    static final int MAX_PRIMARIES = 11;
    static final int MAX_SECONDARIES = 20;

    static final RuleMeta TOPOLOGY_INVALID = new RuleMeta("database.topology-invalid",
            "The database topology asks for an impossible number of primaries or secondaries", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "A database needs at least one primary to accept writes, and Neo4j allows at most 11 primaries and "
                    + "20 secondaries per database. CREATE DATABASE ... TOPOLOGY fails outside these bounds (and "
                    + "a topology block without primaries renders a TOPOLOGY clause with none).",
            "Set spec.topology.primaries to 1-11 (an odd number: 1, 3 or 5) and secondaries to 0-20.",
            "spec:\n  topology:\n    primaries: 3\n    secondaries: 1");

    static final RuleMeta TOPOLOGY_EXCEEDS_SERVERS = new RuleMeta("database.topology-exceeds-servers",
            "The database topology needs more servers than the cluster has", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "Neo4j places each primary and each secondary of a database on a different server, so primaries + "
                    + "secondaries can never exceed spec.topology.servers of the cluster. CREATE DATABASE fails "
                    + "with a topology the cluster cannot satisfy, and the object never becomes ready.",
            "Lower primaries/secondaries, or scale the cluster's spec.topology.servers up first.",
            "# cluster: spec.topology.servers: 5\nspec:\n  topology:\n    primaries: 3\n    secondaries: 2");

    static final RuleMeta EVEN_PRIMARIES = new RuleMeta("database.topology-even-primaries",
            "An even number of primaries adds no fault tolerance", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Primaries form a Raft group that needs a majority to commit: M primaries tolerate F failures when "
                    + "M = 2F + 1. Two primaries tolerate no failure (like one) and four tolerate one (like three), "
                    + "while every write waits for one more acknowledgement.",
            "Use an odd number of primaries: 1, 3 or 5.",
            "spec:\n  topology:\n    primaries: 3");

    static final RuleMeta NO_SPARE_SERVER = new RuleMeta("database.topology-no-spare-server",
            "The database topology uses every server of the cluster", Severity.WARNING, Set.of(Kinds.DATABASE),
            "When primaries + secondaries equal the cluster's servers, no server is left to take over a copy when "
                    + "one server is lost or drained: the database runs degraded until that server returns.",
            "Leave at least one server free for this database, or add a server to the cluster.",
            "# cluster: spec.topology.servers: 4\nspec:\n  topology:\n    primaries: 3");

    static final RuleMeta SECONDARY_HEAVY = new RuleMeta("database.topology-secondary-heavy",
            "Many secondaries follow few primaries", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Secondaries add read capacity, not fault tolerance, and each one pulls the transaction log from the "
                    + "primaries. More than twice as many secondaries as primaries, or more than 3 behind a single "
                    + "primary, loads the primaries with catch-up traffic while one primary failure still stops "
                    + "writes.",
            "Add primaries (3 tolerate one failure) before adding more secondaries.",
            "spec:\n  topology:\n    primaries: 3\n    secondaries: 2");

    static final RuleMeta MODE_CONSTRAINT = new RuleMeta("database.topology-mode-constraint",
            "The topology conflicts with the cluster's serverModeConstraint", Severity.WARNING,
            Set.of(Kinds.DATABASE),
            "A cluster whose servers are all constrained to PRIMARY can host no secondary, and one constrained to "
                    + "SECONDARY can host no primary (only per-server role hints can make room). The database "
                    + "then cannot be placed as requested.",
            "Match the topology to the cluster's server modes, or relax spec.topology.serverModeConstraint on the "
                    + "cluster.",
            "# cluster: serverModeConstraint: NONE\nspec:\n  topology:\n    primaries: 3\n    secondaries: 1");

    static final RuleMeta ON_STANDALONE = new RuleMeta("database.topology-on-standalone",
            "A standalone cannot host more than one copy of a database", Severity.WARNING, Set.of(Kinds.DATABASE),
            "A Neo4jEnterpriseStandalone runs a single server, so a database on it has exactly one primary and no "
                    + "secondaries. The operator ignores spec.topology for a standalone; asking for more copies "
                    + "suggests the database was meant for a cluster.",
            "Remove spec.topology, or point spec.clusterRef at a Neo4jEnterpriseCluster.",
            "spec:\n  clusterRef: standalone-neo4j\n  name: appdb   # no topology");

    @Override
    public List<RuleMeta> rules() {
        return List.of(TOPOLOGY_INVALID, TOPOLOGY_EXCEEDS_SERVERS, EVEN_PRIMARIES, NO_SPARE_SERVER, SECONDARY_HEAVY,
                MODE_CONSTRAINT, ON_STANDALONE);
    }

    @Override
    public void check(RuleContext ctx) {
        Node topology = ctx.spec().get("topology");
        if (!topology.isObject()) {
            return;
        }
        Node primariesNode = topology.get("primaries");
        Node secondariesNode = topology.get("secondaries");
        // Absent means 0, as in the operator (Go zero value); a non-integer is the schema check's finding.
        Optional<Long> primaries = count(primariesNode);
        Optional<Long> secondaries = count(secondariesNode);

        boolean valid = true;
        if (primaries.isPresent()) {
            long p = primaries.get();
            if (p < 1) {
                valid = false;
                ctx.report(TOPOLOGY_INVALID, primariesNode.path(), primariesNode.present()
                                ? Messages.invalid(primariesNode.json(), "a database needs at least 1 primary")
                                : Messages.required("a topology needs at least 1 primary"),
                        "set spec.topology.primaries to 1, 3 or 5");
            } else if (p > MAX_PRIMARIES) {
                valid = false;
                ctx.report(TOPOLOGY_INVALID, primariesNode.path(), Messages.invalid(primariesNode.json(),
                        "Neo4j allows at most " + MAX_PRIMARIES + " primaries per database"),
                        "use 3 or 5 primaries and add secondaries for read scaling");
            }
        }
        if (secondaries.isPresent()) {
            long s = secondaries.get();
            if (s < 0) {
                valid = false;
                ctx.report(TOPOLOGY_INVALID, secondariesNode.path(), Messages.invalid(secondariesNode.json(),
                        "must be 0 or more"), "set spec.topology.secondaries to 0 or more");
            } else if (s > MAX_SECONDARIES) {
                valid = false;
                ctx.report(TOPOLOGY_INVALID, secondariesNode.path(), Messages.invalid(secondariesNode.json(),
                        "Neo4j allows at most " + MAX_SECONDARIES + " secondaries per database"),
                        "use at most " + MAX_SECONDARIES + " secondaries");
            }
        }
        if (primaries.isEmpty() || secondaries.isEmpty()) {
            return;
        }
        long p = primaries.get();
        long s = secondaries.get();
        if (valid && p % 2 == 0) {
            ctx.report(EVEN_PRIMARIES, primariesNode.path(), Messages.invalid(primariesNode.json(),
                    p + " primaries tolerate " + (p - 1) / 2 + " failure(s), as many as " + (p - 1) + " would"),
                    "use " + (p - 1) + " or " + (p + 1) + " primaries");
        }
        if (valid && (s > 2 * p || (p == 1 && s > 3))) {
            ctx.report(SECONDARY_HEAVY, secondariesNode.path(), Messages.invalid(secondariesNode.json(),
                    s + " secondaries behind " + p + " primar" + (p == 1 ? "y" : "ies")
                            + ": read replicas add no fault tolerance"),
                    "consider 3 primaries before adding more secondaries");
        }
        Optional<Target> target = Target.of(ctx);
        if (target.isEmpty() || !valid) {
            return;
        }
        if (target.get().isStandalone()) {
            if (p > 1 || s > 0) {
                ctx.report(ON_STANDALONE, topology.path(), Messages.invalid(topology.json(),
                        target.get().displayName() + " runs one server: the database gets 1 primary and no "
                                + "secondaries, the topology is ignored"),
                        "remove spec.topology or target a Neo4jEnterpriseCluster");
            }
            return;
        }
        OptionalLong servers = target.get().servers();
        if (servers.isPresent() && servers.getAsLong() > 0) {
            long n = servers.getAsLong();
            if (p + s > n) {
                ctx.report(TOPOLOGY_EXCEEDS_SERVERS, topology.path(), Messages.invalid(copies(p, s),
                        "needs " + (p + s) + " servers but " + target.get().displayName() + " has " + n),
                        "at most " + n + " copies in total; scale the cluster first for more");
            } else if (p + s == n && n >= 2) {
                ctx.report(NO_SPARE_SERVER, topology.path(), Messages.invalid(copies(p, s),
                        "uses all " + n + " servers of " + target.get().displayName()
                                + ": no server left to replace a lost copy"),
                        "leave one server free for this database");
            }
        }
        String constraint = target.get().serverModeConstraint();
        if (constraint.equals("PRIMARY") && s > 0) {
            ctx.report(MODE_CONSTRAINT, secondariesNode.path(), Messages.invalid(secondariesNode.json(),
                    target.get().displayName() + " constrains every server to PRIMARY: no server can host a "
                            + "secondary"), "set secondaries to 0 or relax the cluster's serverModeConstraint");
        } else if (constraint.equals("SECONDARY")) {
            ctx.report(MODE_CONSTRAINT, primariesNode.path(), Messages.invalid(primariesNode.json(),
                    target.get().displayName() + " constrains every server to SECONDARY: primaries can only be "
                            + "placed on servers that role hints leave free"),
                    "check the cluster's serverModeConstraint and serverRoles");
        }
    }

    /** "3 primaries + 1 secondary". */
    private static String copies(long p, long s) {
        return p + (p == 1 ? " primary" : " primaries") + " + " + s + (s == 1 ? " secondary" : " secondaries");
    }

    /** The integer value, 0 when absent (the operator's zero value), empty when present but not an integer. */
    private static Optional<Long> count(Node n) {
        if (!n.present()) {
            return Optional.of(0L);
        }
        var v = n.integer();
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
