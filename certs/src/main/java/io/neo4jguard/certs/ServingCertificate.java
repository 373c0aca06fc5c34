package io.neo4jguard.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A serving certificate, its key, and the CA that issued it. */
public record ServingCertificate(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }
}
