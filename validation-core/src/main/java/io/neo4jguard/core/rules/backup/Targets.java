package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.Optional;

/**
 * Quiet lookups of the cluster or standalone a backup or restore targets. Only the target checks report a
 * missing target (through {@code References.server}); every other check asks here and simply skips what
 * needs the target when it is unknown, so one missing target yields one finding, not one per check.
 */
final class Targets {
    private Targets() {
    }

    static Optional<Resource> server(RuleContext ctx, Node ref) {
        return References.lookup(ctx, ref);
    }

    static boolean isCluster(Resource server) {
        return Kinds.CLUSTER.equals(server.kind());
    }

    static boolean isStandalone(Resource server) {
        return Kinds.STANDALONE.equals(server.kind());
    }

    /** The version the target runs, when its image tag is readable (the target's own checks report a bad tag). */
    static Optional<Neo4jVersion> version(Resource server) {
        return ServerImage.known(server);
    }

    /** "Neo4jEnterpriseCluster/graph runs 5.26.0". */
    static String runs(Resource server, Neo4jVersion v) {
        return server.displayName() + " runs " + v;
    }
}
