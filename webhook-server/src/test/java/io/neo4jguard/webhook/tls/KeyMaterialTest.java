package io.neo4jguard.webhook.tls;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The TLS reload's pair check is certs' {@code KeyMatch}: a user-supplied Secret may hold an RSA, ECDSA or Ed25519
 * key, and a key of another certificate (mid-rotation) is refused so the previous pair keeps serving.
 */
class KeyMaterialTest {
    @TempDir
    Path dir;

    private static KeyPair keys(String type) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type.equals("P-256") ? "EC" : type);
        if (type.equals("P-256")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (type.equals("RSA")) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair kp, String type) throws Exception {
        String signature = switch (type) {
            case "RSA" -> "SHA256withRSA";
            case "P-256" -> "SHA256withECDSA";
            default -> type;
        };
        X500Name name = new X500Name("CN=neo4j-guard.test.svc");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), name,
                kp.getPublic()).build(new JcaContentSignerBuilder(signature).build(kp.getPrivate())));
    }

    private void write(X509Certificate cert, KeyPair key) throws IOException {
        Files.writeString(dir.resolve(CertDir.TLS_CERT), Pem.write(cert));
        Files.writeString(dir.resolve(CertDir.TLS_KEY), Pem.write(key.getPrivate()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "P-256", "Ed25519"})
    void aPairIsServedAndTheKeyOfAnotherCertificateRefused(String type) throws Exception {
        KeyPair kp = keys(type);
        X509Certificate cert = selfSigned(kp, type);
        write(cert, kp);
        KeyMaterial m = KeyMaterial.read(dir);
        assertThat(m.certificate()).isEqualTo(cert);
        // The key comes back out of the store as it went in, and a key manager (what Jetty builds) can use it.
        java.security.KeyStore ks = m.keyStore();
        assertThat(ks.getKey("serving", KeyMaterial.STORE_PASSWORD.toCharArray()).getEncoded())
                .isEqualTo(kp.getPrivate().getEncoded());
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, KeyMaterial.STORE_PASSWORD.toCharArray());
        javax.net.ssl.X509KeyManager km = (javax.net.ssl.X509KeyManager) kmf.getKeyManagers()[0];
        assertThat(km.getCertificateChain("serving")).containsExactly(cert);

        write(cert, keys(type));
        assertThatThrownBy(() -> KeyMaterial.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not the key of the certificate");
    }
}
