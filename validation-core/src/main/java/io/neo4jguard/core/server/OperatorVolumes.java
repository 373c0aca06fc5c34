package io.neo4jguard.core.server;

import java.util.Set;

/**
 * Volume names the operator gives the server pods next to {@code spec.extraVolumes}. Source: the reference
 * operator's pod builder ({@code data}, {@code config}, {@code logs}, {@code plugins}, {@code certs},
 * {@code truststore}), its truststore init container ({@code truststore-ca}) and the standalone's volume
 * claim template ({@code neo4j-data}). A user volume of the same name makes the pod template invalid.
 */
public final class OperatorVolumes {
    /** The cluster's volume claim template, mounted at {@code /data}. */
    public static final String DATA = "data";
    /** The ConfigMap {@code <name>-config}, mounted at {@code /conf}. */
    public static final String CONFIG = "config";
    public static final String LOGS = "logs";
    public static final String PLUGINS = "plugins";
    /** The TLS Secret, mounted at {@code /ssl} when {@code spec.tls} is set. */
    public static final String CERTS = "certs";
    /** The JVM truststore built from {@code spec.trustedCASecrets}. */
    public static final String TRUSTSTORE = "truststore";
    /** The CA certificates the truststore init container reads. */
    public static final String TRUSTSTORE_CA = "truststore-ca";
    /** The standalone's volume claim template. */
    public static final String STANDALONE_DATA = "neo4j-data";

    /** All of them. */
    public static final Set<String> NAMES = Set.of(DATA, CONFIG, LOGS, PLUGINS, CERTS, TRUSTSTORE, TRUSTSTORE_CA,
            STANDALONE_DATA);

    private OperatorVolumes() {
    }
}
