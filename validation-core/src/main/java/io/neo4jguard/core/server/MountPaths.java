package io.neo4jguard.core.server;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Container paths of a Neo4j server pod that a user mount must not cover: the trees the operator mounts its
 * volumes at ({@link #OWNED}) and the image's directories that must stay visible ({@link #IMAGE}). Paths
 * are compared after lexical normalisation ({@link #normalise}); the reference operator compared the raw
 * text, compared after lexical normalisation (the reference operator
 * so {@code //data}, {@code /data/.}, {@code /var/lib/neo4j/../neo4j/conf}, a nested
 * {@code /data/transactions} and {@code /} all slipped through).
 */
public final class MountPaths {

    /**
     * Trees the operator (or Neo4j inside the image) owns: a mount at, inside or above them hides what Neo4j
     * reads or writes there. Source: the reference operator's pod builder and reserved list
     * (the reference operator, github.com/priyolahiri/neo4j-kubernetes-operator, internal/validation) for the first
     * seven; the official image links NEO4J_HOME's data, logs, conf, plugins and certificates
     * to or alongside them, and bin and lib hold the launcher and the jars.
     */
    public static final Map<String, String> OWNED;
    /**
     * Directories of the image that must stay visible, but below which a mount is fine: NEO4J_HOME holds
     * import/, licenses/ and products/, the usual places for user files; the system directories hold the shell,
     * libraries and the JDK that the entrypoint needs.
     */
    public static final Map<String, String> IMAGE;

    static {
        Map<String, String> owned = new LinkedHashMap<>();
        Map<String, String> image = new LinkedHashMap<>();
        owned.put("/data", "the operator mounts the data volume there (databases and transaction logs)");
        owned.put("/logs", "the operator mounts the logs volume there");
        owned.put("/conf", "the operator mounts the generated neo4j.conf there");
        owned.put("/plugins", "the operator mounts the plugins volume there");
        owned.put("/ssl", "the operator mounts the TLS certificates there");
        owned.put("/truststore", "the operator mounts the JVM truststore built from spec.trustedCASecrets there");
        owned.put("/truststore-ca", "the operator's truststore init container reads the CA certificates there");
        owned.put("/var/lib/neo4j/data", "Neo4j's data directory (the image links it to /data)");
        owned.put("/var/lib/neo4j/logs", "Neo4j's logs directory (the image links it to /logs)");
        owned.put("/var/lib/neo4j/conf", "Neo4j reads neo4j.conf there");
        owned.put("/var/lib/neo4j/plugins", "Neo4j loads plugin jars from there");
        owned.put("/var/lib/neo4j/certificates", "Neo4j's default certificates directory");
        owned.put("/var/lib/neo4j/bin", "Neo4j's launcher scripts are there");
        owned.put("/var/lib/neo4j/lib", "Neo4j's jars are there");

        image.put("/var/lib/neo4j", "it is NEO4J_HOME (mount below it, e.g. /var/lib/neo4j/import, instead)");
        image.put("/startup", "the image's entrypoint script is there");
        image.put("/opt/java/openjdk", "the image's JDK is there");
        image.put("/usr", "the image's programs and libraries are there");
        image.put("/bin", "the image's shell is there");
        image.put("/sbin", "system programs of the image are there");
        image.put("/lib", "the image's system libraries are there");
        image.put("/lib64", "the image's system libraries are there");
        image.put("/etc", "the image's system configuration (users, hosts, certificates) is there");
        image.put("/proc", "the container runtime mounts procfs there");
        image.put("/sys", "the container runtime mounts sysfs there");
        image.put("/dev", "the container runtime mounts devices there");
        OWNED = Collections.unmodifiableMap(owned);
        IMAGE = Collections.unmodifiableMap(image);
    }

    private MountPaths() {
    }

    /**
     * Lexical normalisation like Go's {@code path.Clean}: repeated slashes collapse, {@code .} segments go,
     * {@code ..} removes the previous segment (and stays at the root), no trailing slash. Only for absolute paths.
     */
    public static String normalise(String absolute) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : absolute.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(seg);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Why a normalised path may not be a mount point, or empty when it may. */
    public static Optional<String> reserved(String path) {
        for (Map.Entry<String, String> e : OWNED.entrySet()) {
            String r = e.getKey();
            if (path.equals(r)) {
                return Optional.of(r + " is reserved: " + e.getValue());
            }
            if (path.startsWith(r + "/")) {
                return Optional.of("inside " + r + ", which is reserved: " + e.getValue()
                        + "; a nested mount hides part of it");
            }
        }
        for (Map.Entry<String, String> e : IMAGE.entrySet()) {
            String r = e.getKey();
            if (path.equals(r)) {
                return Optional.of(r + " must stay visible: " + e.getValue());
            }
        }
        for (Map<String, String> table : List.of(OWNED, IMAGE)) {
            for (Map.Entry<String, String> e : table.entrySet()) {
                if (isAncestor(path, e.getKey())) {
                    return Optional.of("a mount at " + path + " hides " + e.getKey() + ": " + e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAncestor(String path, String of) {
        return path.equals("/") || of.startsWith(path + "/");
    }
}
