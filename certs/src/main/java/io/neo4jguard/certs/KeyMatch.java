package io.neo4jguard.certs;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a private key is the other half of a public key (a {@code tls.key} of the {@code tls.crt} beside it):
 * the one check used by the cert directory and Secret readers here and by the webhook's TLS reload. A key of
 * another certificate is the usual mid-rotation state (new key written, old certificate still there), so every
 * reader must refuse it rather than serve a pair that fails every handshake.
 *
 * <p>P-256 (what {@link CertificateAuthority} issues) is checked by computing the public point; every other
 * algorithm the JDK or BouncyCastle can sign with (RSA, other EC curves, Ed25519, Ed448) by signing a probe and
 * verifying it. Keys of different algorithms, or that cannot sign, do not match.
 */
public final class KeyMatch {
    private static final byte[] PROBE = "neo4j-guard key match".getBytes(StandardCharsets.US_ASCII);
    /**
     * The EdDSA family under its three JCA names: the JDK calls its keys {@code EdDSA}, BouncyCastle calls them
     * {@code Ed25519}/{@code Ed448}, and a PEM key may come from one while the certificate comes from the other.
     */
    private static final Set<String> EDDSA = Set.of("EdDSA", "Ed25519", "Ed448");
    /** 256 pairs: a process holds a handful of keys at a time; old ones age out. */
    private static final int CAPACITY = 256;
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private KeyMatch() {
    }

    public static boolean matches(PrivateKey key, PublicKey pub) {
        if (!family(key.getAlgorithm()).equals(family(pub.getAlgorithm()))) {
            return false;
        }
        if (key instanceof ECPrivateKey ek && pub instanceof ECPublicKey ep
                && isP256(ek.getParams()) && isP256(ep.getParams())) {
            return p256(ek, ep);
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448: the algorithm is its own signature scheme
        };
        try {
            // Provider selection is delayed to initSign/initVerify, so each half finds a provider that takes it.
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(PROBE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(PROBE);
            return v.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String family(String algorithm) {
        return EDDSA.contains(algorithm) ? "EdDSA" : algorithm;
    }

    /**
     * Q = d*G on BouncyCastle's fixed-point P-256 arithmetic: ~0.2 ms against ~1.7 ms to sign and verify. Answers
     * are remembered (the webhook re-checks the same pair on every certificate poll) by a digest of the private
     * value, never the value itself, so the cache holds no key.
     */
    private static boolean p256(ECPrivateKey ek, ECPublicKey ep) {
        KeyPairId id = new KeyPairId(digest(ek.getS().toByteArray()), ByteBuffer.wrap(ep.getEncoded()));
        synchronized (MATCHED) {
            Boolean known = MATCHED.get(id);
            if (known != null) {
                return known;
            }
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), ek.getS()).normalize();
        boolean ok = q.getAffineXCoord().toBigInteger().equals(ep.getW().getAffineX())
                && q.getAffineYCoord().toBigInteger().equals(ep.getW().getAffineY());
        synchronized (MATCHED) {
            MATCHED.put(id, ok);
        }
        return ok;
    }

    private record KeyPairId(ByteBuffer privateDigest, ByteBuffer publicKey) {
    }

    private static final Map<KeyPairId, Boolean> MATCHED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyPairId, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    private static ByteBuffer digest(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            Arrays.fill(b, (byte) 0);
            return ByteBuffer.wrap(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static boolean isP256(ECParameterSpec p) {
        return p.getOrder().equals(P256.getN()) && p.getGenerator().getAffineX().equals(P256.getG().normalize()
                .getAffineXCoord().toBigInteger()) && p.getCurve().getField().getFieldSize() == 256;
    }
}
