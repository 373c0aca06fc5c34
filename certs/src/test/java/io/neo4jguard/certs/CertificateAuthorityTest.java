package io.neo4jguard.certs;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;

import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateAuthorityTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    final CertificateAuthority ca = CertificateAuthority.create("neo4j-guard-ca", CertificateAuthority.DEFAULT_VALIDITY, CLOCK);

    @Test
    void theCaIsAnEcdsaP256CaThatMaySignOnlyEndEntitiesAndCertificatesNothingElse() throws Exception {
        X509Certificate c = ca.certificate();
        assertThat(c.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getBasicConstraints()).isZero(); // CA with path length 0: it cannot make sub-CAs
        assertThat(c.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        boolean[] ku = c.getKeyUsage();
        assertThat(ku[5]).as("keyCertSign").isTrue();
        assertThat(ku[6]).as("cRLSign").isTrue();
        assertThat(ku[0]).as("digitalSignature").isFalse();
        assertThat(c.getExtendedKeyUsage()).isNull();
        c.verify(c.getPublicKey()); // self-signed
    }

    @Test
    void servingCertificatesCarryEveryRequestedNameAndServerAuthOnly() throws Exception {
        ServingCertificate leaf = ca.issue(CertRequest.forService("neo4j-guard", "guard",
                List.of("guard.example.com"), List.of("10.0.0.7", "fd00::7")), CLOCK);
        X509Certificate c = leaf.certificate();
        assertThat(c.getSubjectAlternativeNames()).extracting(l -> l.get(0) + ":" + l.get(1)).containsExactly(
                "2:neo4j-guard", "2:neo4j-guard.guard", "2:neo4j-guard.guard.svc",
                "2:neo4j-guard.guard.svc.cluster.local", "2:guard.example.com", "7:10.0.0.7", "7:fd00:0:0:0:0:0:0:7");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=neo4j-guard.guard.svc");
        c.verify(ca.certificate().getPublicKey());
        // The AKI names the CA's SKI, so chain builders pick the right CA when two share a name.
        byte[] aki = new JcaX509CertificateHolder(c).getExtension(Extension.authorityKeyIdentifier).getExtnValue().getOctets();
        byte[] ski = new JcaX509CertificateHolder(ca.certificate()).getExtension(Extension.subjectKeyIdentifier).getExtnValue().getOctets();
        assertThat(new String(aki, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(new String(java.util.Arrays.copyOfRange(ski, 2, ski.length), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(KeyMatch.matches(leaf.key(), c.getPublicKey())).isTrue();
    }

    @Test
    void validityStartsFiveMinutesBackAndRunsForTheRequestedLife() {
        X509Certificate leaf = ca.issue(CertRequest.loopback(), CLOCK).certificate();
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(ca.certificate().getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(3650)));
        X509Certificate week = ca.issue(CertRequest.loopback().withValidity(Duration.ofDays(7)), CLOCK).certificate();
        assertThat(week.getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void aServingCertificateNeverOutlivesItsCa() {
        CertificateAuthority shortCa = CertificateAuthority.create("short", Duration.ofDays(30), CLOCK);
        X509Certificate leaf = shortCa.issue(CertRequest.loopback(), CLOCK).certificate();
        assertThat(leaf.getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
    }

    @Test
    void serialsAreRandomPositiveAndFitRfc5280() {
        X509Certificate a = ca.issue(CertRequest.loopback(), CLOCK).certificate();
        X509Certificate b = ca.issue(CertRequest.loopback(), CLOCK).certificate();
        assertThat(a.getSerialNumber()).isNotEqualTo(b.getSerialNumber()).isPositive();
        assertThat(a.getSerialNumber().bitLength()).isLessThanOrEqualTo(159); // 20 octets, sign bit clear
    }

    @Test
    void aLongServiceNameIsCutTo64CharactersInTheCnButNotInTheSans() throws Exception {
        String svc = "s".repeat(63);
        X509Certificate c = ca.issue(CertRequest.forService(svc, "n".repeat(63), List.of(), List.of()), CLOCK).certificate();
        assertThat(c.getSubjectX500Principal().getName()).hasSize(3 + 64);
        assertThat(c.getSubjectAlternativeNames()).extracting(l -> String.valueOf(l.get(1)))
                .contains(svc + "." + "n".repeat(63) + ".svc.cluster.local");
    }
}
