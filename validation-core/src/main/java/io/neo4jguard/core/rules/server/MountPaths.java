package io.neo4jguard.core.rules.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Container paths a user mount must not cover, compared after lexical normalisation (the reference operator
 * compared the raw text, so {@code //data}, {@code /data/.}, {@code /var/lib/neo4j/../neo4j/conf}, a nested
 * {@code /data/transactions} and {@code /} all slipped through).
 */
final class MountPaths {

    /**
     * Trees the operator (or Neo4j inside the image) owns: a mount at, inside or above them hides what Neo4j
     * reads or writes there. Source: the reference operator's pod builder and reserved list (anchor rules §1.2)
     * for the first seven; the official image links NEO4J_HOME's data, logs, conf, plugins and certificates
     * to or alongside them, and bin and lib hold the launcher and the jars.
     */
    static final Map<String, String> OWNED = new LinkedHashMap<>();
    /**
     * Directories of the image that must stay visible, but below which a mount is fine: NEO4J_HOME holds
     * import/, licenses/ and products/, the usual places for user files; the system directories hold the shell,
     * libraries and the JDK that the entrypoint needs.
     */
    static final Map<String, String> IMAGE = new LinkedHashMap<>();

    static {
        OWNED.put("/data", "the operator mounts the data volume there (databases and transaction logs)");
        OWNED.put("/logs", "the operator mounts the logs volume there");
        OWNED.put("/conf", "the operator mounts the generated neo4j.conf there");
        OWNED.put("/plugins", "the operator mounts the plugins volume there");
        OWNED.put("/ssl", "the operator mounts the TLS certificates there");
        OWNED.put("/truststore", "the operator mounts the JVM truststore built from spec.trustedCASecrets there");
        OWNED.put("/truststore-ca", "the operator's truststore init container reads the CA certificates there");
        OWNED.put("/var/lib/neo4j/data", "Neo4j's data directory (the image links it to /data)");
        OWNED.put("/var/lib/neo4j/logs", "Neo4j's logs directory (the image links it to /logs)");
        OWNED.put("/var/lib/neo4j/conf", "Neo4j reads neo4j.conf there");
        OWNED.put("/var/lib/neo4j/plugins", "Neo4j loads plugin jars from there");
        OWNED.put("/var/lib/neo4j/certificates", "Neo4j's default certificates directory");
        OWNED.put("/var/lib/neo4j/bin", "Neo4j's launcher scripts are there");
        OWNED.put("/var/lib/neo4j/lib", "Neo4j's jars are there");

        IMAGE.put("/var/lib/neo4j", "it is NEO4J_HOME (mount below it, e.g. /var/lib/neo4j/import, instead)");
        IMAGE.put("/startup", "the image's entrypoint script is there");
        IMAGE.put("/opt/java/openjdk", "the image's JDK is there");
        IMAGE.put("/usr", "the image's programs and libraries are there");
        IMAGE.put("/bin", "the image's shell is there");
        IMAGE.put("/sbin", "system programs of the image are there");
        IMAGE.put("/lib", "the image's system libraries are there");
        IMAGE.put("/lib64", "the image's system libraries are there");
        IMAGE.put("/etc", "the image's system configuration (users, hosts, certificates) is there");
        IMAGE.put("/proc", "the container runtime mounts procfs there");
        IMAGE.put("/sys", "the container runtime mounts sysfs there");
        IMAGE.put("/dev", "the container runtime mounts devices there");
    }

    private MountPaths() {
    }

    /**
     * Lexical normalisation like Go's {@code path.Clean}: repeated slashes collapse, {@code .} segments go,
     * {@code ..} removes the previous segment (and stays at the root), no trailing slash. Only for absolute paths.
     */
    static String normalise(String absolute) {
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
    static Optional<String> reserved(String path) {
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
        for (Map<String, String> table : java.util.List.of(OWNED, IMAGE)) {
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
