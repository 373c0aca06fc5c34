package io.neo4jguard.certs.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.regex.Pattern;

/**
 * Name checks and error messages shared by the Kubernetes-facing classes. Clients come from the caller (the
 * distribution builds them with kube's {@code KubeClients}).
 */
public final class Kube {
    /** RFC 1123 label: namespace names. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** RFC 1123 subdomain: names of Secrets and webhook configurations (at most 253 characters). */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private Kube() {
    }

    /** Splits {@code NS/NAME} and checks both parts, for {@code --self-signed-secret}. */
    public static String[] namespacedName(String value) {
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("expected NAMESPACE/NAME, got '" + value + "'");
        }
        String ns = value.substring(0, slash);
        String name = value.substring(slash + 1);
        if (!LABEL.matcher(ns).matches()) {
            throw new IllegalArgumentException("not a namespace name: '" + ns + "'");
        }
        checkName(name);
        return new String[] {ns, name};
    }

    public static String checkName(String name) {
        if (name == null || name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Kubernetes object name (lower-case RFC 1123 subdomain): '"
                    + name + "'");
        }
        return name;
    }

    /** The API server's reason in one line: status code and message; no request bodies. */
    static String describe(KubernetesClientException e) {
        Status s = e.getStatus();
        if (s != null && s.getMessage() != null) {
            return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + s.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String msg = root == e ? e.getMessage() : root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + msg;
    }
}
