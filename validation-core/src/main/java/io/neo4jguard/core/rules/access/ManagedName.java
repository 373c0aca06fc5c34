package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.Optional;

/**
 * The Neo4j name an object manages: {@code spec.<field>} when set, otherwise {@code metadata.name} (the operator's
 * default for Neo4jUser.username and Neo4jRole.name).
 */
record ManagedName(String value, Node node, boolean fromMetadata) {
    static Optional<ManagedName> of(RuleContext ctx, String specField) {
        Node spec = ctx.spec().get(specField);
        Optional<String> explicit = spec.text().filter(s -> !s.isEmpty());
        if (explicit.isPresent()) {
            return Optional.of(new ManagedName(explicit.get(), spec, false));
        }
        if (spec.present() && !spec.isText()) {
            return Optional.empty(); // wrong type: the schema's finding
        }
        Node meta = ctx.metadata().get("name");
        return meta.text().filter(s -> !s.isEmpty()).map(m -> new ManagedName(m, meta, true));
    }
}
