package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A kubeconfig for kubectl: one cluster, one token user, one context. Owner-only: it holds the token. */
final class Kubeconfig {
    private Kubeconfig() {
    }

    static Path write(Path file, URI server, Credentials c) throws IOException {
        String yaml = "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: kube-testenv\n  cluster:\n    server: " + server + "\n"
                + "    certificate-authority: " + c.caCert + "\n"
                + "users:\n- name: admin\n  user:\n    token: " + c.token + "\n"
                + "contexts:\n- name: kube-testenv\n  context:\n    cluster: kube-testenv\n    user: admin\n"
                + "    namespace: default\n"
                + "current-context: kube-testenv\n";
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
