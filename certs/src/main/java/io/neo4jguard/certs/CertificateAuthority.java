package io.neo4jguard.certs;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A self-signed CA that issues the webhook's serving certificates. */
public final class CertificateAuthority {
    /**
     * Ten years: the CA's public certificate is pasted into webhook configurations as caBundle, so it
     * should outlive many serving certificates; rotation replaces it with overlap long before expiry.
     */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

    /**
     * Certificates start a little in the past so that an API server whose clock is slightly behind ours
     * does not reject a brand-new certificate as "not yet valid".
     */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    public CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    public static CertificateAuthority create(String commonName, Duration validity, Clock clock) {
        KeyPair kp = KeyPairs.p256();
        Instant now = clock.instant();
        X500Name subject = name(commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new CertificateAuthority(sign(b, kp.getPrivate()), kp.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot create CA certificate", e);
        }
    }

    /** Issues a serving certificate (server auth) for the request's SANs. */
    public ServingCertificate issue(CertRequest request, Clock clock) {
        KeyPair kp = KeyPairs.p256();
        Instant now = clock.instant();
        Instant notAfter = now.plus(request.validity());
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            notAfter = certificate.getNotAfter().toInstant(); // a leaf never outlives its issuer
        }
        GeneralName[] names = new GeneralName[request.dnsNames().size() + request.ipAddresses().size()];
        int i = 0;
        for (String dns : request.dnsNames()) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        for (String ip : request.ipAddresses()) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), name(request.commonName()),
                    kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new ServingCertificate(sign(b, key), kp.getPrivate(), certificate);
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue serving certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey key() {
        return key;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws CertificateException {
        try {
            ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(b.build(s));
        } catch (OperatorCreationException e) {
            throw new CertificateException(e);
        }
    }

    /**
     * A subject of one CN, built rather than parsed so that commas or equals signs in a name cannot change
     * its structure; cut to the 64 characters RFC 5280 allows a CN (a Service DNS name can be 131).
     */
    static X500Name name(String commonName) {
        String cn = commonName.length() > 64 ? commonName.substring(0, 64) : commonName;
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    /** 159 random bits: positive, within RFC 5280's 20-octet limit, unguessable. */
    private static BigInteger serial() {
        return new BigInteger(159, RANDOM);
    }
}
