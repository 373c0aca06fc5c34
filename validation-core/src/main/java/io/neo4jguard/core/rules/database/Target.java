package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cluster or standalone a Neo4jDatabase runs on, looked up quietly: only {@link DatabaseTargetCheck}
 * reports a missing target (through {@code References.server}), so the checks that merely need the target's
 * servers or version do not repeat that finding. Every answer is "unknown" unless the target was found.
 */
final class Target {
    private final Resource server;

    private Target(Resource server) {
        this.server = server;
    }

    static Optional<Target> of(RuleContext ctx) {
        return References.lookup(ctx, ctx.spec().get("clusterRef")).map(Target::new);
    }

    boolean isStandalone() {
        return Kinds.STANDALONE.equals(server.kind());
    }

    boolean isCluster() {
        return Kinds.CLUSTER.equals(server.kind());
    }

    String displayName() {
        return server.displayName();
    }

    /** {@code spec.topology.servers} of a cluster; empty for a standalone or when not an integer. */
    OptionalLong servers() {
        if (!isCluster()) {
            return OptionalLong.empty();
        }
        var servers = server.tree().path("spec").path("topology").path("servers");
        return servers.isIntegralNumber() && servers.canConvertToLong()
                ? OptionalLong.of(servers.longValue()) : OptionalLong.empty();
    }

    /** {@code spec.topology.serverModeConstraint} of a cluster, upper-cased; empty when unset. */
    String serverModeConstraint() {
        var c = server.tree().path("spec").path("topology").path("serverModeConstraint");
        return c.isTextual() ? c.textValue().trim().toUpperCase(java.util.Locale.ROOT) : "";
    }

    /** The Neo4j version from the target's image tag; empty when the tag is missing or unreadable. */
    Optional<Neo4jVersion> version() {
        return ServerImage.known(server);
    }
}
