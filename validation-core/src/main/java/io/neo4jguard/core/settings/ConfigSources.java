package io.neo4jguard.core.settings;

import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every place a cluster or standalone spec can set a Neo4j setting: {@code spec.config},
 * {@code spec.propertySharding.config} (merged into neo4j.conf; the reference operator checked neither its
 * keys nor its values), and {@code NEO4J_*} env vars, which the official image's entrypoint turns into
 * neo4j.conf lines (https://neo4j.com/docs/operations-manual/current/docker/configuration/, and the entrypoint of
 * github.com/neo4j/docker-neo4j). Guards that look only at {@code spec.config} are dodged by the other two.
 */
public final class ConfigSources {
    public static final String ENV_PREFIX = "NEO4J_";

    /**
     * {@code NEO4J_*} variables the entrypoint reads itself and never writes as settings (the image's
     * docker-entrypoint.sh in github.com/neo4j/docker-neo4j).
     */
    public static final Set<String> NOT_SETTINGS = Set.of("NEO4J_ACCEPT_LICENSE_AGREEMENT", "NEO4J_AUTH",
            "NEO4J_AUTH_PATH", "NEO4J_DEBUG", "NEO4J_EDITION", "NEO4J_HOME", "NEO4J_PLUGINS", "NEO4J_SHA256",
            "NEO4J_TARBALL", "NEO4J_DEPRECATION_WARNING", "NEO4J_CONF", "NEO4J_CONFIG_FILE_CHARSET");

    private ConfigSources() {
    }

    /** All settings of the spec, in source order: spec.config, spec.propertySharding.config, spec.env. */
    public static List<ConfigEntry> read(Node spec) {
        List<ConfigEntry> out = new ArrayList<>();
        out.addAll(map(spec.get("config"), ConfigEntry.Source.CONFIG, "/spec/config/"));
        out.addAll(map(spec.get("propertySharding", "config"), ConfigEntry.Source.PROPERTY_SHARDING,
                "/spec/propertySharding/config/"));
        out.addAll(env(spec.get("env")));
        return out;
    }

    /** Only {@code spec.config} and the env vars: what reaches neo4j.conf for memory (see {@code memory.MemorySettings}). */
    public static List<ConfigEntry> configAndEnv(Node spec) {
        List<ConfigEntry> out = new ArrayList<>(map(spec.get("config"), ConfigEntry.Source.CONFIG, "/spec/config/"));
        out.addAll(env(spec.get("env")));
        return out;
    }

    private static List<ConfigEntry> map(Node config, ConfigEntry.Source source, String pointerPrefix) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : config.fields().entrySet()) {
            Node v = e.getValue();
            out.add(new ConfigEntry(source, e.getKey(), e.getKey(), v.scalarText(), v.path(), v.path(),
                    pointerPrefix + pointerEscape(e.getKey())));
        }
        return out;
    }

    private static List<ConfigEntry> env(Node env) {
        List<ConfigEntry> out = new ArrayList<>();
        List<Node> items = env.items();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Optional<String> name = item.get("name").text();
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> setting = settingOf(name.get());
            if (setting.isEmpty()) {
                continue;
            }
            boolean fromFile = isFileVariant(name.get());
            Optional<String> value = fromFile ? Optional.empty() : item.get("value").scalarText();
            boolean fromRef = item.get("valueFrom").present();
            if (!fromFile && !fromRef && value.map(String::isEmpty).orElse(true)) {
                // The entrypoint skips empty values: no setting is written.
                continue;
            }
            out.add(new ConfigEntry(ConfigEntry.Source.ENV, setting.get(), name.get(), value,
                    item.get("name").path(), item.get("value").path(), "/spec/env/" + i + "/value"));
        }
        return out;
    }

    /**
     * The setting an env var name stands for, decoded as the entrypoint does
     * ({@code sed 's|^NEO4J_||; s|_|.|g; s|\.\.|_|g'}): {@code NEO4J_server_memory_heap_max__size} is
     * {@code server.memory.heap.max_size}. {@code NEO4J_X_FILE} is read as the value of {@code NEO4J_X}
     * (Docker secrets). Empty for names that are not settings.
     */
    public static Optional<String> settingOf(String envName) {
        if (!envName.startsWith(ENV_PREFIX) || NOT_SETTINGS.contains(envName)) {
            return Optional.empty();
        }
        String name = isFileVariant(envName) ? envName.substring(0, envName.length() - "_FILE".length()) : envName;
        String encoded = name.substring(ENV_PREFIX.length());
        if (encoded.isEmpty() || Character.isDigit(encoded.charAt(0))) {
            // The entrypoint skips names starting with a digit (with a warning).
            return Optional.empty();
        }
        return Optional.of(encoded.replace('_', '.').replace("..", "_"));
    }

    /**
     * The env var name that sets {@code setting}: {@code server.memory.heap.max_size} is
     * {@code NEO4J_server_memory_heap_max__size}.
     */
    public static String envNameOf(String setting) {
        return ENV_PREFIX + setting.replace("_", "__").replace('.', '_');
    }

    private static boolean isFileVariant(String envName) {
        return envName.endsWith("_FILE") && envName.length() > ENV_PREFIX.length() + "_FILE".length();
    }

    /** RFC 6901: {@code ~} is {@code ~0}, {@code /} is {@code ~1}. */
    public static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
