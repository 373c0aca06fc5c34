package io.neo4jguard.certs.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertState;
import io.neo4jguard.certs.CertStore;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CertStore} over a Secret, for {@code serve --self-signed-secret NS/NAME}: keys {@code ca.crt},
 * {@code ca.key}, {@code tls.crt}, {@code tls.key}, {@code issued.crt}. One write replaces them all at once,
 * so readers (the kubelet projecting the Secret, other replicas) never see half a rotation. The optimistic
 * check is the API server's own: the update carries the resourceVersion read, and a 409 Conflict means another
 * replica wrote first ({@link CertStore.ConflictException}; {@code Rotation.run} re-reads). Other data keys,
 * labels and annotations of an existing Secret are kept.
 *
 * <p>RBAC: {@code get}, {@code create}, {@code update} on secrets in the namespace ({@code update} can be
 * restricted to the name; {@code create} cannot, so a chart may create the Secret empty instead).
 */
public final class SecretCertStore implements CertStore {
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "neo4j-guard";
    static final String TLS_TYPE = "kubernetes.io/tls";
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final List<String> KEYS =
            List.of(CertDir.CA_CERT, CertDir.CA_KEY, CertDir.TLS_CERT, CertDir.TLS_KEY, CertDir.ISSUED);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    public SecretCertStore(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = Kube.checkName(name);
    }

    /** From {@code NS/NAME}, as the {@code --self-signed-secret} flag gives it. */
    public static SecretCertStore of(KubernetesClient client, String namespacedName) {
        String[] nn = Kube.namespacedName(namespacedName);
        return new SecretCertStore(client, nn[0], nn[1]);
    }

    @Override
    public Snapshot read() throws IOException {
        try {
            Secret s = client.secrets().inNamespace(namespace).withName(name).get();
            return new Snapshot(CertState.decode(files(s)), s);
        } catch (KubernetesClientException e) {
            throw new IOException(describe() + ": " + Kube.describe(e));
        }
    }

    @Override
    public void write(Snapshot seen, CertState next) throws IOException {
        Secret old = (Secret) seen.token();
        Secret updated = merged(old, next.encode(), namespace, name);
        try {
            if (old == null) {
                client.secrets().inNamespace(namespace).resource(updated).create();
            } else {
                client.secrets().inNamespace(namespace).resource(updated).update();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT || (old != null && e.getCode() == NOT_FOUND)) {
                throw new ConflictException(describe() + " changed since it was read");
            }
            throw new IOException(describe() + ": " + Kube.describe(e));
        }
    }

    @Override
    public String describe() {
        return "Secret " + namespace + "/" + name;
    }

    /** Our files in a Secret (absent Secret: no files). Data that is not base64 counts as a damaged file. */
    static Map<String, byte[]> files(Secret s) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (s == null || s.getData() == null) {
            return out;
        }
        for (String key : KEYS) {
            String v = s.getData().get(key);
            if (v != null) {
                try {
                    out.put(key, Base64.getDecoder().decode(v));
                } catch (IllegalArgumentException e) {
                    out.put(key, new byte[] {'?'}); // decodes as a malformed file, which rotation repairs
                }
            }
        }
        return out;
    }

    /**
     * The Secret to write: the one read (other keys, labels, annotations, type and resourceVersion kept) with
     * our keys replaced, or a new {@code kubernetes.io/tls} Secret labelled as ours.
     */
    static Secret merged(Secret old, Map<String, byte[]> files, String namespace, String name) {
        Map<String, String> data = new LinkedHashMap<>();
        if (old != null && old.getData() != null) {
            old.getData().forEach((k, v) -> {
                if (!KEYS.contains(k)) {
                    data.put(k, v);
                }
            });
        }
        files.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v)));
        if (old == null) {
            boolean tls = files.containsKey(CertDir.TLS_CERT) && files.containsKey(CertDir.TLS_KEY);
            return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                    .addToLabels(MANAGED_BY_LABEL, MANAGED_BY).endMetadata()
                    .withType(tls ? TLS_TYPE : "Opaque").withData(data).build();
        }
        // stringData would be merged into data by the API server and could resurrect old values: drop it.
        return new SecretBuilder(old).withData(data).withStringData(null).build();
    }
}
