package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Resource;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects read from one file (or stdin), with the Helm template each came from when the text is
 * {@code helm template} output ({@code # Source: chart/templates/x.yaml} before each document).
 *
 * @param file      the name the objects carry ({@code -} for stdin)
 * @param resources the objects, in document order ({@code kind: List} flattened)
 * @param templates the template path per object, for objects preceded by a {@code # Source:} comment
 */
public record ManifestFile(String file, List<Resource> resources, Map<Resource, String> templates) {
    public ManifestFile {
        resources = List.copyOf(resources);
        IdentityHashMap<Resource, String> copy = new IdentityHashMap<>(templates);
        templates = Collections.unmodifiableMap(copy);
    }

    /** The Helm template the object was rendered from, as named by its {@code # Source:} comment. */
    public Optional<String> template(Resource r) {
        return Optional.ofNullable(templates.get(r));
    }
}
