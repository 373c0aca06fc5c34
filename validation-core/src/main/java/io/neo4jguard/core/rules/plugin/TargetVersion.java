package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.rules.refs.References;
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
        return References.lookup(ctx, ctx.spec().get("clusterRef")).flatMap(ServerImage::known);
    }
}
