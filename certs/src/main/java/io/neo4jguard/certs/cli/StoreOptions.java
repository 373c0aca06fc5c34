package io.neo4jguard.certs.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertStore;
import io.neo4jguard.certs.kube.SecretCertStore;
import picocli.CommandLine.Option;

/** Where the certificates live: a directory, or a Secret (what {@code serve --self-signed-secret} reads). */
final class StoreOptions {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "directory of the PEM files")
    String out;

    @Option(names = "--secret", paramLabel = "NS/NAME", required = true,
            description = "a Secret instead of a directory (same keys; created if absent; optimistic updates)")
    String secret;

    /** The store and what to close after using it (the Kubernetes client, for a Secret). */
    record Opened(CertStore store, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    Opened open(CertsCommand parent) {
        if (out != null) {
            return new Opened(CertDir.store(parent.resolve(out)), () -> { });
        }
        KubernetesClient client = parent.kubernetes.get();
        try {
            return new Opened(SecretCertStore.of(client, secret), client::close);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
