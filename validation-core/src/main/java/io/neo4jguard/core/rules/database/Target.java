package io.neo4jguard.core.rules.database;

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
        Optional<String> name = ctx.spec().get("clusterRef").text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Resolution r = ctx.resolver().resolveServer(ctx.namespace(), name.get());
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(r.resource()));
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
        Parsed<Neo4jVersion> v = ServerImage.version(server);
        return v.ok() ? Optional.of(v.value()) : Optional.empty();
    }
}
