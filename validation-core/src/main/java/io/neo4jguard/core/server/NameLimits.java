package io.neo4jguard.core.server;

import java.util.regex.Pattern;

/**
 * How long and in what grammar {@code metadata.name} of a cluster or standalone may be, derived from the
 * objects named after it ({@link ServerObjects}).
 *
 * <ul>
 * <li>63: a DNS label (RFC 1123), the limit for Service names and label values.</li>
 * <li>Cluster 56 = 63 - len("-server"), standalone 63: the StatefulSet name must be a DNS label. These are the
 *     reference operator's limits.</li>
 * <li>Cluster 45, standalone 52: the StatefulSet controller labels every pod with
 *     {@code controller-revision-hash: <statefulset>-<hash>}, the hash up to 10 characters; a label value
 *     holds at most 63, so a StatefulSet name over 63 - 1 - 10 = 52 characters gets no pods at all
 *     (kubernetes/kubernetes#64023, open). The cluster's {@code <name>-server} leaves 52 - 7 = 45.
 *     The Services {@code <name>-headless} (+9) and {@code <name>-discovery} (+10) fit within these.</li>
 * </ul>
 */
public final class NameLimits {
    public static final int DNS_LABEL_MAX = 63;
    /** 63 - len("-server") = 56. */
    public static final int CLUSTER_MAX = DNS_LABEL_MAX - ServerObjects.CLUSTER_STATEFULSET_SUFFIX.length();
    public static final int STANDALONE_MAX = DNS_LABEL_MAX;
    /** Longest StatefulSet name whose controller-revision-hash label still fits: 63 - len("-") - 10 = 52. */
    public static final int STATEFULSET_MAX = DNS_LABEL_MAX - 1 - 10;
    /** 52 - len("-server") = 45. */
    public static final int CLUSTER_PODS_MAX = STATEFULSET_MAX - ServerObjects.CLUSTER_STATEFULSET_SUFFIX.length();
    public static final int STANDALONE_PODS_MAX = STATEFULSET_MAX;

    /**
     * DNS-1035 label: what Service names need (the operator creates {@code <name>-headless}), slightly
     * stricter than a DNS-1123 label: it must start with a letter.
     */
    public static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private NameLimits() {
    }

    /** Longest name whose StatefulSet is still a DNS label (56 for a cluster, 63 for a standalone). */
    public static int max(boolean cluster) {
        return cluster ? CLUSTER_MAX : STANDALONE_MAX;
    }

    /** Longest name whose StatefulSet still creates pods (45 for a cluster, 52 for a standalone). */
    public static int maxWithPods(boolean cluster) {
        return cluster ? CLUSTER_PODS_MAX : STANDALONE_PODS_MAX;
    }
}
