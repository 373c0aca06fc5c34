package io.neo4jguard.certs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one key-matches-certificate check, for every key type a serving certificate may have. */
class KeyMatchTest {
    static KeyPair generate(String algorithm) throws Exception {
        return switch (algorithm) {
            case "RSA" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
            case "P-256", "P-384" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(algorithm.equals("P-256") ? "secp256r1" : "secp384r1"));
                yield g.generateKeyPair();
            }
            default -> KeyPairGenerator.getInstance(algorithm).generateKeyPair(); // Ed25519, Ed448
        };
    }

    static Stream<String> algorithms() {
        return Stream.of("RSA", "P-256", "P-384", "Ed25519", "Ed448");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aKeyMatchesItsOwnPublicKeyAndNoOtherOfTheSameType(String algorithm) throws Exception {
        KeyPair kp = generate(algorithm);
        KeyPair other = generate(algorithm);
        assertThat(KeyMatch.matches(kp.getPrivate(), kp.getPublic())).isTrue();
        assertThat(KeyMatch.matches(kp.getPrivate(), other.getPublic())).isFalse();
        assertThat(KeyMatch.matches(other.getPrivate(), kp.getPublic())).isFalse();
        // Asked again (the P-256 answer is cached): the same answers.
        assertThat(KeyMatch.matches(kp.getPrivate(), kp.getPublic())).isTrue();
        assertThat(KeyMatch.matches(kp.getPrivate(), other.getPublic())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aKeyReadBackFromPemStillMatches(String algorithm) throws Exception {
        // Pem reads with BouncyCastle, which may name the key type differently from the JDK (Ed25519 vs EdDSA).
        KeyPair kp = generate(algorithm);
        assertThat(KeyMatch.matches(Pem.privateKey(Pem.write(kp.getPrivate())), kp.getPublic())).isTrue();
        assertThat(KeyMatch.matches(Pem.privateKey(Pem.write(kp.getPrivate())), generate(algorithm).getPublic()))
                .isFalse();
    }

    @Test
    void keysOfAnotherTypeOrCurveNeverMatch() throws Exception {
        KeyPair rsa = generate("RSA");
        KeyPair p256 = generate("P-256");
        KeyPair p384 = generate("P-384");
        KeyPair ed25519 = generate("Ed25519");
        KeyPair ed448 = generate("Ed448");
        assertThat(KeyMatch.matches(rsa.getPrivate(), p256.getPublic())).isFalse();
        assertThat(KeyMatch.matches(p256.getPrivate(), rsa.getPublic())).isFalse();
        assertThat(KeyMatch.matches(p256.getPrivate(), p384.getPublic())).isFalse();
        assertThat(KeyMatch.matches(p384.getPrivate(), p256.getPublic())).isFalse();
        assertThat(KeyMatch.matches(ed25519.getPrivate(), ed448.getPublic())).isFalse();
        assertThat(KeyMatch.matches(ed448.getPrivate(), ed25519.getPublic())).isFalse();
        assertThat(KeyMatch.matches(ed25519.getPrivate(), p256.getPublic())).isFalse();
    }
}
