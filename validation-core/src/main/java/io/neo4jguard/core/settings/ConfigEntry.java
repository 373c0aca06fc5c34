package io.neo4jguard.core.settings;

import java.util.Optional;

/**
 * One Neo4j setting as the user wrote it, wherever it came from.
 *
 * @param source    where it was written
 * @param setting   the setting name Neo4j sees: the config key as written, or the decoded env var name
 * @param written   the text as written: the config key, or the env var name
 * @param value     the literal value; empty when it comes from a Secret, a ConfigMap or a file
 * @param keyPath   field path of the key (config: the entry; env: {@code spec.env[i].name})
 * @param valuePath field path of the value (config: the entry; env: {@code spec.env[i].value})
 * @param pointer   JSON Pointer of the value, for fixes ({@code /spec/config/server.memory.heap.max_size})
 */
public record ConfigEntry(Source source, String setting, String written, Optional<String> value, String keyPath,
                   String valuePath, String pointer) {

    public enum Source {
        /** {@code spec.config}. */
        CONFIG("spec.config"),
        /** {@code spec.propertySharding.config}, merged into neo4j.conf when property sharding is on. */
        PROPERTY_SHARDING("spec.propertySharding.config"),
        /** A {@code NEO4J_*} variable in {@code spec.env}, which the image's entrypoint writes into neo4j.conf. */
        ENV("spec.env");

        private final String field;

        Source(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** How to name the setting in a message: the key (trimmed), plus the env var it came from. */
    public String describe() {
        return source == Source.ENV ? setting + " (env " + written + ")" : setting.strip();
    }
}
