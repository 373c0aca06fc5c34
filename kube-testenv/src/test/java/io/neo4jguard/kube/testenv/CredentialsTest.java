package io.neo4jguard.kube.testenv;

import io.neo4jguard.certs.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {
    @TempDir
    Path tmp;

    @Test
    void theServingCertificateCoversLoopbackByIpAndChainsToTheCa() throws Exception {
        Credentials c = Credentials.create(tmp.resolve("secrets"));
        List<X509Certificate> chain = Pem.certificates(Files.readString(c.servingCert));
        X509Certificate ca = Pem.certificates(c.caPem).get(0);
        assertThat(chain).hasSize(2);
        chain.get(0).verify(ca.getPublicKey());
        assertThat(chain.get(0).getSubjectAlternativeNames()).anyMatch(san -> san.get(0).equals(7)
                && san.get(1).equals("127.0.0.1"));
        assertThat(Files.readString(c.caCert)).isEqualTo(c.caPem);
    }

    @Test
    void theTokenIsASystemMastersLineAndSecretsAreOwnerOnly() throws Exception {
        Credentials c = Credentials.create(tmp.resolve("secrets"));
        assertThat(Files.readString(c.tokenFile)).isEqualTo(c.token
                + ",neo4j-guard-test-admin,neo4j-guard-test-admin,\"system:masters\"\n");
        assertThat(c.token).hasSize(43).matches("[A-Za-z0-9_-]+");
        for (Path secret : List.of(c.tokenFile, c.servingKey, c.saPrivateKey)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(c.saPublicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(c.saPrivateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void everyRunHasItsOwnToken() {
        assertThat(Credentials.create(tmp.resolve("a")).token).isNotEqualTo(Credentials.create(tmp.resolve("b")).token);
    }
}
