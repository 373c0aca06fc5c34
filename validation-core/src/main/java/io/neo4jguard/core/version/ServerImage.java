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
        if (tag.isNumber()) {
            // An unquoted `tag: 5.26` is a YAML float; the CRD wants a string, and 2025.10 would
            // even reach the API server as 2025.1.
            return Parsed.fail(server.displayName() + " has spec.image.tag " + tag.asText()
                    + " written as a number; quote it: tag: \"" + tag.asText() + "\"");
        }
        if (!tag.isTextual()) {
            return Parsed.fail(server.displayName() + " has no spec.image.tag");
        }
        return Neo4jVersion.parse(tag.textValue());
    }

    /** The version when the tag is readable; empty otherwise (the server's own image check reports a bad tag). */
    public static java.util.Optional<Neo4jVersion> known(Resource server) {
        Parsed<Neo4jVersion> v = version(server);
        return v.ok() ? java.util.Optional.of(v.value()) : java.util.Optional.empty();
    }
}
