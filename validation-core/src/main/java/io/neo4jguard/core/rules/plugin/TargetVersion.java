package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.Optional;

/**
 * The Neo4j version of the plugin's target, looked up quietly: {@link PluginTargetCheck} alone reports a missing
 * target. Empty whenever the target or its image tag is unknown.
 */
final class TargetVersion {
    private TargetVersion() {
    }

    static Optional<Neo4jVersion> of(RuleContext ctx) {
        Optional<String> name = ctx.spec().get("clusterRef").text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Resolution r = ctx.resolver().resolveServer(ctx.namespace(), name.get());
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return Optional.empty();
        }
        Parsed<Neo4jVersion> v = ServerImage.version(r.resource());
        return v.ok() ? Optional.of(v.value()) : Optional.empty();
    }
}
