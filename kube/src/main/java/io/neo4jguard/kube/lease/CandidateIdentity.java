package io.neo4jguard.kube.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The identity a replica writes into the Lease: its pod name and a random suffix, like kube-controller-manager's
 * {@code hostname_uuid}. The pod name makes {@code kubectl get lease} say which pod leads; the suffix keeps two
 * processes apart that share a name (a restarted container in the same pod, two test electors in one JVM):
 * fabric8 treats a Lease held by its own identity as already won, so a shared identity would make two leaders.
 */
public final class CandidateIdentity {
    /** 8 hex digits: a clash between two live replicas has odds of 1 in 4 billion. */
    private static final int SUFFIX = 8;

    private CandidateIdentity() {
    }

    /**
     * {@code $POD_NAME} (set from the downward API {@code metadata.name}), else {@code $HOSTNAME} (a pod's
     * hostname is its name), else the local host name; then {@code _} and a random suffix.
     */
    public static String of(UnaryOperator<String> env) {
        return base(env) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, SUFFIX);
    }

    /** For this process. */
    public static String current() {
        return of(System::getenv);
    }

    static String base(UnaryOperator<String> env) {
        for (String var : new String[] {"POD_NAME", "HOSTNAME"}) {
            String v = env.apply(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "neo4j-guard";
        }
    }
}
