package io.neo4jguard.webhook.tls;

import io.neo4jguard.certs.Pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM with the JDK alone for the usual files (X.509 certificates, PKCS#8 keys, which is what our certs
 * module and most tools write), falling back to the certs module's BouncyCastle reader for the rest
 * (SEC1 {@code EC PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, as cert-manager writes by default).
 * Initialising BouncyCastle costs about a third of a second of start-up on a small machine; most
 * starts never need it.
 */
final class FastPem {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private FastPem() {
    }

    static List<X509Certificate> certificates(String pem) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (!out.isEmpty() || !pem.contains("-----BEGIN")) {
                return out;
            }
        } catch (CertificateException | RuntimeException e) {
            // not for the JDK's reader (text between blocks, unusual headers): the thorough one below
        }
        return Pem.certificates(pem);
    }

    static PrivateKey privateKey(String pem) throws IOException {
        Matcher m = PKCS8.matcher(pem);
        if (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IOException("the private key is not valid base64");
            }
            for (String alg : List.of("EC", "RSA", "Ed25519")) {
                try {
                    return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
        }
        return Pem.privateKey(pem);
    }
}
