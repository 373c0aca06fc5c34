package io.neo4jguard.certs;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemTest {
    final CertificateAuthority ca = CertificateAuthority.create("ca", Duration.ofDays(365), Clock.systemUTC());

    @Test
    void certificatesAndBundlesRoundTripInOrder() throws Exception {
        CertificateAuthority other = CertificateAuthority.create("other", Duration.ofDays(365), Clock.systemUTC());
        String pem = Pem.write(ca.certificate(), other.certificate());
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.certificates(pem)).containsExactly(ca.certificate(), other.certificate());
        assertThat(Pem.write(Pem.certificates(pem).toArray())).isEqualTo(pem);
    }

    @Test
    void keysAreWrittenAsPkcs8AndReadBackFromPkcs8OrSec1() throws Exception {
        String pkcs8 = Pem.write(ca.key());
        assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
        PrivateKey back = Pem.privateKey(pkcs8);
        assertThat(back.getEncoded()).isEqualTo(ca.key().getEncoded());

        // OpenSSL's traditional "EC PRIVATE KEY" (SEC1 with the curve named inside), as
        // `openssl ecparam -genkey` and cert-manager write it.
        KeyPair kp = KeyPairs.p256();
        var spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
        var sec1Key = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                ((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS(), spki.getPublicKeyData(),
                new org.bouncycastle.asn1.x9.X962Parameters(org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1));
        StringWriter sec1 = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sec1)) {
            w.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1Key.getEncoded()));
        }
        assertThat(sec1.toString()).contains("BEGIN EC PRIVATE KEY");
        assertThat(KeyMatch.matches(Pem.privateKey(sec1.toString()), kp.getPublic())).isTrue();
    }

    @Test
    void severalKeysInOneFileAreAllRead() throws Exception {
        PrivateKey second = KeyPairs.p256().getPrivate();
        List<PrivateKey> keys = Pem.privateKeys(Pem.write(ca.key(), second));
        assertThat(keys).extracting(PrivateKey::getEncoded).containsExactly(ca.key().getEncoded(), second.getEncoded());
    }

    @Test
    void malformedKeysFailWithoutQuotingTheText() {
        String pem = Pem.write(ca.key());
        String body = pem.split("\n")[1];
        String broken = pem.replace(body, body.substring(0, 20) + "!!!!" + body.substring(24));
        assertThatThrownBy(() -> Pem.privateKeys(broken)).isInstanceOf(IOException.class)
                .hasMessage("malformed PEM private key");
        assertThatThrownBy(() -> Pem.privateKey("no key here")).hasMessage("no private key in PEM text");
    }

    @Test
    void aTruncatedCertificateIsAnErrorNotAnEmptyList() {
        String pem = Pem.write(ca.certificate());
        assertThatThrownBy(() -> Pem.certificates(pem.substring(0, pem.length() / 2)))
                .isInstanceOf(IOException.class);
    }
}
