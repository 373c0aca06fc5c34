package io.neo4jguard.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where an API server is and how to authenticate to it: one of the three ways a process finds its cluster.
 * {@link KubeClients} chooses one and adds timeouts and retries; {@link #describe()} is for messages and never
 * contains a credential.
 */
public sealed interface Connection {
    /** fabric8's configuration for this connection, before {@link KubeClients} sets timeouts and retries. */
    Config config();

    /** One line for logs and errors: the source and the server, no token. */
    String describe();

    /**
     * A kubeconfig: the current context, or {@code context} when given. Several files (a {@code $KUBECONFIG}
     * list) are merged the way kubectl merges them.
     */
    record Kubeconfig(List<Path> files, String context) implements Connection {
        public Kubeconfig {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no kubeconfig file");
            }
        }

        @Override
        public Config config() {
            if (files.size() == 1) {
                return Config.fromKubeconfig(context, files.get(0).toFile());
            }
            // fabric8 7.1 merges a file list only in autoConfigure, which reads $KUBECONFIG itself: the list
            // came from there (KubeClients.discover), so both see the same files.
            return Config.autoConfigure(context);
        }

        @Override
        public String describe() {
            return "kubeconfig " + files + (context == null ? "" : " (context " + context + ")");
        }
    }

    /**
     * Inside a pod: the service {@code https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT}, the projected
     * service-account files {@code token} (re-read: the kubelet rotates it), {@code ca.crt} and {@code namespace}
     * in {@code serviceAccountDir} (normally {@link KubeClients#SERVICE_ACCOUNT_DIR}).
     */
    record InCluster(String host, String port, Path serviceAccountDir) implements Connection {
        public static final String TOKEN = "token";
        public static final String CA = "ca.crt";
        public static final String NAMESPACE = "namespace";

        public InCluster {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
        }

        /** {@code https://host:port}, with an IPv6 host in brackets (a dual-stack cluster's service IP may be one). */
        public URI server() {
            return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        }

        @Override
        public Config config() {
            ConfigBuilder b = new ConfigBuilder(Config.empty())
                    .withMasterUrl(server().toString())
                    .withOauthTokenProvider(BearerToken.file(serviceAccountDir.resolve(TOKEN)));
            Path ca = serviceAccountDir.resolve(CA);
            if (Files.isRegularFile(ca)) {
                b.withCaCertFile(ca.toString());
            }
            Path ns = serviceAccountDir.resolve(NAMESPACE);
            if (Files.isRegularFile(ns)) {
                try {
                    b.withNamespace(Files.readString(ns, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + ns, e);
                }
            }
            return b.build();
        }

        @Override
        public String describe() {
            return "in-cluster service account (" + serviceAccountDir + ") to " + server();
        }
    }

    /**
     * An explicit server and bearer token; {@code caFile} (PEM) is the CA of the server's certificate, or null
     * to trust the JVM's default CAs (a public endpoint).
     */
    record Token(URI server, BearerToken token, Path caFile) implements Connection {
        public Token {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(token, "token");
            if (!"https".equals(server.getScheme())) {
                // A bearer token over plain HTTP is readable by anyone on the path.
                throw new IllegalArgumentException("the API server URL must be https://, got " + server);
            }
        }

        @Override
        public Config config() {
            ConfigBuilder b = new ConfigBuilder(Config.empty())
                    .withMasterUrl(server.toString())
                    .withOauthTokenProvider(token);
            if (caFile != null) {
                b.withCaCertFile(caFile.toString());
            }
            return b.build();
        }

        @Override
        public String describe() {
            return token + " to " + server;
        }
    }
}
