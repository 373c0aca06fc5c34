package io.neo4jguard.kube.testenv;

/**
 * The pinned versions of the control plane. Pinned, not "latest at run time", so every machine tests against
 * the same API server and a cached build stays valid until someone changes a line here.
 *
 * <ul>
 *   <li>kube-apiserver v1.34.10: the newest 1.34 patch whose module checksums the Go checksum database served
 *       when this was chosen. v1.34.11 and v1.34.12 were on proxy.golang.org but {@code k8s.io/kubernetes} at
 *       those tags was missing from sum.golang.org (404 through the proxy), and building them would have meant
 *       turning checksum verification off for the module that holds the API server's code.</li>
 *   <li>Staging modules ({@code k8s.io/api}, {@code k8s.io/apiserver}, ...) are published as v0.34.N for
 *       Kubernetes v1.34.N.</li>
 *   <li>etcd v3.6.16: the newest 3.6 patch; envtest pairs Kubernetes 1.34 with etcd 3.6. Its go.mod says
 *       {@code go 1.26.0}, which sets the minimum Go version below.</li>
 *   <li>helm v4.3.2: the newest v4 release the Go module proxy served when this was chosen (v4.2.1 to v4.3.2);
 *       its go.mod says {@code go 1.26.0}, within the minimum below. Used by chart tests ({@link Helm}).</li>
 * </ul>
 * Override for one run with {@code -Dneo4jguard.kube.version=1.34.N} / {@code -Dneo4jguard.etcd.version=3.6.N} /
 * {@code -Dneo4jguard.helm.version=4.N.N}.
 */
final class Versions {
    static final String KUBERNETES = System.getProperty("neo4jguard.kube.version", "1.34.10");
    static final String ETCD = System.getProperty("neo4jguard.etcd.version", "3.6.16");
    static final String HELM = System.getProperty("neo4jguard.helm.version", "4.3.2");
    /**
     * kwok v0.8.0 (2026-06-23), the newest release on the module proxy; {@code go 1.26.0} like etcd. Its
     * client-go 0.36 talks to the 1.34 API server within the supported client skew.
     */
    static final String KWOK = System.getProperty("neo4jguard.kwok.version", "0.8.0");

    /** The highest {@code go} line among the wrapper modules' requirements (etcd 3.6.16 and helm 4.3.2: go 1.26.0). */
    static final String MINIMUM_GO = "1.26";

    private Versions() {
    }

    /** {@code v1.34.10} to {@code v0.34.10}: the tag of the staging modules cut from the same release. */
    static String stagingVersion(String kubernetes) {
        if (!kubernetes.startsWith("1.")) {
            throw new IllegalArgumentException("not a Kubernetes 1.x version: " + kubernetes);
        }
        return "v0." + kubernetes.substring(2);
    }

    /** The minor version number, {@code 34} for {@code 1.34.10}. */
    static String minor(String kubernetes) {
        String[] parts = kubernetes.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a major.minor.patch version: " + kubernetes);
        }
        return parts[1];
    }
}
