package io.neo4jguard.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A serving certificate and its private key, known to belong together. */
public record ServingPair(X509Certificate certificate, PrivateKey key) {
    @Override
    public String toString() {
        // A record would print the key's fields; keys never reach a log line or an exception message.
        return "ServingPair[serial=" + Certs.serial(certificate) + ", notAfter=" + Certs.notAfter(certificate) + "]";
    }
}
