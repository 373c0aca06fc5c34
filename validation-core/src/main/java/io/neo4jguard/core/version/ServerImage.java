package io.neo4jguard.core.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.units.Parsed;

/** The Neo4j version a cluster or standalone runs, read from {@code spec.image.tag}: what version gates compare with. */
public final class ServerImage {
    private ServerImage() {
    }

    public static Parsed<Neo4jVersion> version(Resource server) {
        JsonNode tag = server.tree().path("spec").path("image").path("tag");
        if (!tag.isTextual()) {
            return Parsed.fail(server.displayName() + " has no spec.image.tag");
        }
        return Neo4jVersion.parse(tag.textValue());
    }
}
