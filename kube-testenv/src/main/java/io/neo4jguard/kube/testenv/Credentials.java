package io.neo4jguard.kube.testenv;

import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.CertificateAuthority;
import io.neo4jguard.certs.Pem;
import io.neo4jguard.certs.ServingCertificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The files a control plane run needs, fresh for every run so nothing secret outlives it or is shared between
 * runs: a CA and the API server's serving certificate (IP SAN 127.0.0.1: clients connect by IP, and Go and the
 * JDK check SANs, not the CN), an admin bearer token, and the service-account signing key pair.
 *
 * <p>Admin access is a static token in the {@code system:masters} group rather than a client certificate:
 * the same effect (RBAC's built-in binding makes the group cluster-admin), one header instead of a second
 * certificate and key store on the client side.
 */
final class Credentials {
    /** One day: longer than any test run, short enough that a leaked file is useless soon. */
    private static final Duration VALIDITY = Duration.ofDays(1);
    /** 32 random bytes: 256 bits, unguessable; URL-safe Base64 keeps it free of the CSV's commas and quotes. */
    private static final int TOKEN_BYTES = 32;

    final Path dir;
    final Path caCert;
    final Path servingCert;
    final Path servingKey;
    final Path tokenFile;
    final Path saPublicKey;
    final Path saPrivateKey;
    final String caPem;
    final String token;

    private Credentials(Path dir, String caPem, String token) {
        this.dir = dir;
        this.caCert = dir.resolve("ca.crt");
        this.servingCert = dir.resolve("apiserver.crt");
        this.servingKey = dir.resolve("apiserver.key");
        this.tokenFile = dir.resolve("tokens.csv");
        this.saPublicKey = dir.resolve("sa.pub");
        this.saPrivateKey = dir.resolve("sa.key");
        this.caPem = caPem;
        this.token = token;
    }

    static Credentials create(Path dir) {
        try {
            Files.createDirectories(dir);
            Clock clock = Clock.systemUTC();
            CertificateAuthority ca = CertificateAuthority.create("neo4j-guard kube-testenv CA", VALIDITY, clock);
            ServingCertificate serving = ca.issue(new CertRequest("kube-apiserver",
                    List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"),
                    List.of("127.0.0.1"), VALIDITY), clock);
            byte[] raw = new byte[TOKEN_BYTES];
            new SecureRandom().nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Credentials c = new Credentials(dir, Pem.write(ca.certificate()), token);
            write(c.caCert, c.caPem);
            write(c.servingCert, Pem.write(serving.certificate(), ca.certificate()));
            secret(c.servingKey, Pem.write(serving.key()));
            // token,user,uid,"group": the static token file format of kube-apiserver's --token-auth-file.
            secret(c.tokenFile, token + ",neo4j-guard-test-admin,neo4j-guard-test-admin,\"system:masters\"\n");
            KeyPair sa = serviceAccountKeys();
            write(c.saPublicKey, Pem.write(sa.getPublic()));
            secret(c.saPrivateKey, Pem.write(sa.getPrivate()));
            return c;
        } catch (IOException | GeneralSecurityException e) {
            throw new KubeTestEnvException("cannot write the control plane's certificates and keys into " + dir
                    + ": " + e.getMessage());
        }
    }

    /** ES256 (P-256) is one of the algorithms kube-apiserver signs service-account tokens with. */
    private static KeyPair serviceAccountKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Owner-only where the file system has POSIX permissions: keys and the token never go to other users. */
    private static void secret(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        write(file, text);
    }
}
