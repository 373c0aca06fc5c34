package io.neo4jguard.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** ECDSA P-256 keys: accepted by every Kubernetes API server and far cheaper to handshake than RSA-2048. */
final class KeyPairs {
    private KeyPairs() {
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no EC P-256 support", e);
        }
    }
}
