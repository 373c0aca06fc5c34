package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.testkit.Resolvers;
import io.neo4jguard.webhook.observe.JsonLog;
import io.neo4jguard.kube.resolve.ResolverProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A real webhook server on ephemeral ports, with a client that trusts its CA. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Namespace {@code staging} only warns; everything else is enforced. */
    static final String POLICY = """
            apiVersion: neo4j-guard.io/v1alpha1
            kind: Policy
            enforcement:
              default: enforce
              namespaces:
                staging: warn
            """;

    final Path dir;
    final WebhookServer server;
    final SSLContext trust;
    final HttpClient client;
    final List<String> logs = Collections.synchronizedList(new ArrayList<>());

    private TestServer(Path dir, Consumer<ServerConfig> customize) throws IOException {
        this.dir = dir;
        CertDir.ensure(dir, CertRequest.loopback(), Clock.systemUTC());
        Validator v = Validator.standard();
        try {
            v = v.withPolicy(Policy.parse("test-policy.yaml", POLICY, v.rules()));
        } catch (io.neo4jguard.core.policy.PolicyException e) {
            throw new IllegalStateException(e);
        }
        Resolver cluster = Resolvers.of(true, Resource.of(secret("prod", "neo4j-admin")),
                Resource.of(secret("staging", "neo4j-admin")));
        ServerConfig config = ServerConfig.create(dir).bind("127.0.0.1").port(0).metricsPort(0)
                .validator(v).resolvers(ResolverProvider.fixed(cluster)).shutdownDelay(Duration.ZERO)
                .log(new JsonLog(logs::add));
        customize.accept(config);
        this.server = WebhookServer.start(config);
        this.trust = trusting(dir.resolve(CertDir.CA_CERT));
        this.client = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static TestServer start(Path dir) throws IOException {
        return new TestServer(dir, c -> { });
    }

    static TestServer start(Path dir, Consumer<ServerConfig> customize) throws IOException {
        return new TestServer(dir, customize);
    }

    static ObjectNode secret(String ns, String name) {
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1");
        s.put("kind", "Secret");
        s.putObject("metadata").put("name", name).put("namespace", ns);
        s.putObject("data").put("username", "bmVvNGo=").put("password", "c2VjcmV0LXBhc3N3b3Jk");
        return s;
    }

    /** An SSL context that trusts exactly the PEM certificates in {@code caFile}. */
    static SSLContext trusting(Path caFile) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : io.neo4jguard.certs.Pem.certificates(Files.readString(caFile))) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    HttpResponse<String> getPlain(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.metricsPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
