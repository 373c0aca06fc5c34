package io.neo4jguard.chart;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.kube.testenv.ControlPlane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A kubeconfig that authenticates as a ServiceAccount with a token from the TokenRequest API, the same kind of
 * bound token the kubelet projects into the pod (the control plane signs them: --service-account-issuer and
 * --service-account-signing-key-file are set).
 */
final class ServiceAccountKubeconfig {
    /** The API server's minimum for a requested token is 10 minutes; an hour outlasts any test run here. */
    private static final long TOKEN_SECONDS = 3600;

    private ServiceAccountKubeconfig() {
    }

    static Path write(ControlPlane plane, KubernetesClient admin, String namespace, String serviceAccount, Path file)
            throws IOException {
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(TOKEN_SECONDS).endSpec()
                .build();
        String token = admin.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request)
                .getStatus().getToken();
        Path ca = file.resolveSibling(file.getFileName() + ".ca.crt");
        Files.writeString(ca, plane.caCertificatePem(), StandardCharsets.US_ASCII);
        String yaml = "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: test\n  cluster:\n    server: " + plane.url() + "\n"
                + "    certificate-authority: " + ca + "\n"
                + "users:\n- name: " + serviceAccount + "\n  user:\n    token: " + token + "\n"
                + "contexts:\n- name: test\n  context:\n    cluster: test\n    user: " + serviceAccount + "\n"
                + "    namespace: " + namespace + "\n"
                + "current-context: test\n";
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
