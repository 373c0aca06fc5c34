package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.server.Neo4jSettings;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.version.Neo4jVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code neo4j.conf} of a cluster's or standalone's servers: the settings neo4j-guard manages (they win over
 * {@code spec.config}, because a different value breaks cluster formation or the probes), safe defaults the user
 * may override, then {@code spec.config} sorted by key. The memory pools are in {@code spec.config} already,
 * written by the same defaulting as the mutating webhook; nothing here sizes memory.
 *
 * <p>Per-pod values (the advertised addresses, which differ by pod name) cannot live in a file every pod shares;
 * the pod template passes them as {@code NEO4J_*} variables ({@link ServerPod}), which the image's entrypoint
 * writes into the copy of this file it starts from.
 */
final class Neo4jConf {
    static final String FILE = "neo4j.conf";
    static final String JVM_ADDITIONAL = "server.jvm.additional";
    /** The one setting Neo4j lets repeat (its values are concatenated, neo4j-facts §3.3). */
    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /**
     * Discovery lists grow and shrink with {@code spec.topology.servers}; they are read only to make first contact
     * (members then learn each other from discovery itself), and {@code minimum_initial_system_primaries_count}
     * only when the cluster first forms. Leaving them out of the roll hash means scaling 3 to 5 adds two pods
     * without restarting the three that run; a running server picks up the new list at its next restart.
     */
    static final Set<String> NOT_ROLLED = Set.of("dbms.cluster.discovery.v2.endpoints", "dbms.cluster.endpoints",
            "dbms.cluster.minimum_initial_system_primaries_count");

    /** Where the TLS Secret is mounted, and its files under the names Neo4j's SSL policies default to. */
    static final String SSL_DIR = "/ssl";

    private final String header;
    private final Map<String, String> managed;
    private final List<Map.Entry<String, String>> user;

    private Neo4jConf(String header, Map<String, String> managed, List<Map.Entry<String, String>> user) {
        this.header = header;
        this.managed = managed;
        this.user = user;
    }

    /**
     * @param endpoints  every server's {@code fqdn:6000}, the LIST discovery endpoints
     * @param primaries  {@code dbms.cluster.minimum_initial_system_primaries_count}
     */
    static Neo4jConf cluster(String header, JsonNode spec, Neo4jVersion version, List<String> endpoints,
                             int primaries, boolean tls) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dbms.cluster.discovery.resolver_type", "LIST");
        String list = String.join(",", endpoints);
        if (version.isCalVer()) {
            // 2025.01 removed discovery v1 and renamed the v2 endpoints setting (neo4j-facts §4).
            m.put("dbms.cluster.endpoints", list);
        } else {
            // 5.26 defaults to V1_ONLY; V2_ONLY over port 6000 is what the upgrade to CalVer requires first.
            m.put("dbms.cluster.discovery.version", "V2_ONLY");
            m.put("dbms.cluster.discovery.v2.endpoints", list);
        }
        m.put("dbms.cluster.minimum_initial_system_primaries_count", Integer.toString(primaries));
        String mode = Specs.text(spec.path("topology").path("serverModeConstraint"), "");
        if (!mode.isEmpty()) {
            m.put("initial.server.mode_constraint", mode);
        }
        // The readiness probe asks /db/system/cluster/available without credentials (see Probes).
        m.put("dbms.security.cluster_status_auth_enabled", "false");
        common(m, tls, true);
        Map<String, String> defaults = new LinkedHashMap<>();
        // New servers (scale up, a replaced PVC) host databases without an ENABLE SERVER by hand.
        defaults.put("initial.dbms.automatically_enable_free_servers", "true");
        return build(header, spec, version, m, defaults, tls, true);
    }

    static Neo4jConf standalone(String header, JsonNode spec, Neo4jVersion version, boolean tls) {
        Map<String, String> m = new LinkedHashMap<>();
        common(m, tls, false);
        return build(header, spec, version, m, new LinkedHashMap<>(), tls, false);
    }

    private static void common(Map<String, String> m, boolean tls, boolean cluster) {
        // Listen on the pod IP, not only loopback: Services, peers and probes all come from outside the container.
        m.put("server.default_listen_address", "0.0.0.0");
        if (tls) {
            m.put("server.https.enabled", "true");
            m.put("server.bolt.tls_level", "REQUIRED");
            policy(m, "bolt", "NONE");
            policy(m, "https", "NONE");
            if (cluster) {
                // Port 6000 replicates without authentication unless both ends present a trusted certificate
                // (neo4j-facts §5): client_auth REQUIRE with the CA of the same Secret.
                policy(m, "cluster", "REQUIRE");
            }
        }
    }

    private static void policy(Map<String, String> m, String scope, String clientAuth) {
        String p = "dbms.ssl.policy." + scope + ".";
        m.put(p + "enabled", "true");
        m.put(p + "base_directory", SSL_DIR);
        m.put(p + "private_key", ServerPod.TLS_KEY_FILE);
        m.put(p + "public_certificate", ServerPod.TLS_CERT_FILE);
        m.put(p + "trusted_dir", ServerPod.TLS_TRUSTED_DIR);
        m.put(p + "client_auth", clientAuth);
    }

    private static Neo4jConf build(String header, JsonNode spec, Neo4jVersion version, Map<String, String> managed,
                                   Map<String, String> defaults, boolean tls, boolean cluster) {
        defaults.put("server.backup.enabled", "true");
        if (!version.isCalVer()) {
            // 5.x keeps running after a panic (the database is unusable but the process lives on); 2025.01 made
            // shutting down the default. With it, and ExitOnOutOfMemoryError, a broken server exits and the kubelet
            // restarts it: the reason the pod needs no liveness probe that could kill a healthy server.
            defaults.put("server.panic.shutdown_on_panic", "true");
        }
        Map<String, String> userConfig = new TreeMap<>();
        JsonNode config = spec.path("config");
        if (config.isObject()) {
            config.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    userConfig.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        Map<String, String> canonicalUser = new LinkedHashMap<>();
        userConfig.forEach((k, v) -> canonicalUser.put(SettingNames.canonical(k.strip()), v));
        Map<String, String> ours = new LinkedHashMap<>(managed);
        defaults.forEach((k, v) -> {
            if (!canonicalUser.containsKey(k)) {
                ours.put(k, v);
            }
        });
        if (!canonicalUser.getOrDefault(JVM_ADDITIONAL, "").contains("OnOutOfMemoryError")) {
            // A JVM out of heap is in an undefined state; exiting lets the kubelet restart it (see above). The one
            // setting Neo4j lets repeat, so a user's own server.jvm.additional line below adds to this one.
            ours.put(JVM_ADDITIONAL, EXIT_ON_OOM);
        }
        List<Map.Entry<String, String>> user = new ArrayList<>();
        userConfig.forEach((k, v) -> {
            if (!managedHere(SettingNames.canonical(k.strip()), managed, tls, cluster)) {
                user.add(Map.entry(k, v));
            }
        });
        return new Neo4jConf(header, ours, user);
    }

    /**
     * True for a user key that gives way: one this file sets, and the keys core knows the operator owns
     * ({@link Neo4jSettings#OPERATOR_MANAGED}: discovery and the advertised addresses, which the pod's variables
     * set per pod; {@link Neo4jSettings#tlsManaged} when {@code spec.tls} is on). Validation reports such keys
     * ({@code config.operator-managed}, {@code config.tls-managed}); dropping them here keeps the file from saying
     * one thing while the server does another.
     */
    private static boolean managedHere(String key, Map<String, String> managed, boolean tls, boolean cluster) {
        return managed.containsKey(key) || (cluster && Neo4jSettings.OPERATOR_MANAGED.contains(key))
                || (tls && Neo4jSettings.tlsManaged(key));
    }

    /** The file's text: deterministic, one {@code key=value} per line. */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(header).append('\n');
        b.append("# Managed by neo4j-guard (change the custom resource, not this file).\n");
        managed.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        b.append("# From spec.config, with the memory pools the defaulting wrote.\n");
        user.forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return b.toString();
    }

    /** Every setting in file order (a repeated {@code server.jvm.additional} appears twice). */
    List<Map.Entry<String, String>> settings() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        managed.forEach((k, v) -> out.add(Map.entry(k, v)));
        out.addAll(user);
        return out;
    }

    /** False when the file turns the HTTP connector off ({@code server.http.enabled=false}); Neo4j's default is on. */
    boolean httpEnabled() {
        return settings().stream().filter(e -> SettingNames.canonical(e.getKey().strip()).equals("server.http.enabled"))
                .noneMatch(e -> "false".equalsIgnoreCase(e.getValue().strip()));
    }

    /**
     * sha256 of the settings that need a restart to change, as the pod-template annotation
     * {@link ManagedLabels#CONFIG_HASH}: a change rolls the StatefulSet, one server at a time.
     */
    String rollHash() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : settings()) {
            if (!NOT_ROLLED.contains(e.getKey())) {
                b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
