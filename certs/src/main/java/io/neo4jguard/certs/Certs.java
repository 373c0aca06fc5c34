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
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small facts about certificates the rotation logic asks for, named so the plan reads like its rules. */
final class Certs {
    /** OID of id-kp-serverAuth (RFC 5280 §4.2.1.12). */
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final byte[] PROBE = "neo4j-guard key match".getBytes(StandardCharsets.US_ASCII);

    private Certs() {
    }

    static Instant notBefore(X509Certificate c) {
        return c.getNotBefore().toInstant();
    }

    static Instant notAfter(X509Certificate c) {
        return c.getNotAfter().toInstant();
    }

    static boolean validAt(X509Certificate c, Instant now) {
        return !now.isBefore(notBefore(c)) && now.isBefore(notAfter(c));
    }

    static boolean expiredAt(X509Certificate c, Instant now) {
        return !now.isBefore(notAfter(c));
    }

    /**
     * Due for renewal once a third of the lifetime remains: the rule and cert-manager's default.
     * For a 90-day certificate that leaves 30 days, so a daily job can fail for weeks before anything breaks.
     */
    static boolean dueForRenewal(X509Certificate c, Instant now) {
        return !now.isBefore(renewalTime(c));
    }

    static Instant renewalTime(X509Certificate c) {
        Duration life = Duration.between(notBefore(c), notAfter(c));
        return notAfter(c).minus(life.dividedBy(3));
    }

    static boolean isCa(X509Certificate c) {
        return c.getBasicConstraints() >= 0;
    }

    /**
     * True when {@code ca}'s key signed {@code cert} (names alone do not decide: every CA we make is named
     * alike). Answers are cached: a P-256 verification costs about a millisecond, and an hourly loop or a
     * long simulated timeline asks about the same few pairs again and again. Certificates are public, and
     * the answer is a pure function of the two encodings, so the cache can never be stale.
     */
    static boolean issuedBy(X509Certificate cert, X509Certificate ca) {
        if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        Pair key = new Pair(cert, ca);
        synchronized (VERIFIED) {
            Boolean known = VERIFIED.get(key);
            if (known != null) {
                return known;
            }
        }
        boolean ok;
        try {
            cert.verify(ca.getPublicKey());
            ok = true;
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        synchronized (VERIFIED) {
            VERIFIED.put(key, ok);
        }
        return ok;
    }

    private record Pair(X509Certificate cert, X509Certificate ca) {
    }

    /** 256 answers: a store holds at most a handful of certificates at a time; old ones age out. */
    private static final int VERIFIED_CAPACITY = 256;
    private static final Map<Pair, Boolean> VERIFIED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Boolean> eldest) {
            return size() > VERIFIED_CAPACITY;
        }
    };

    /** Whether the certificate may serve TLS: no EKU at all, or one that includes serverAuth. */
    static boolean servesTls(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null || eku.contains(SERVER_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    static Collection<List<?>> subjectAltNames(X509Certificate c) {
        try {
            Collection<List<?>> alt = c.getSubjectAlternativeNames();
            return alt == null ? List.of() : alt;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /**
     * Whether {@code key} is the private half of {@code pub}: sign a probe and verify it. Works for every key
     * algorithm without curve arithmetic; costs well under a millisecond for P-256.
     */
    static boolean matches(PrivateKey key, PublicKey pub) {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
            return false;
        }
        if (key instanceof ECPrivateKey ek && pub instanceof ECPublicKey ep
                && isP256(ek.getParams()) && isP256(ep.getParams())) {
            // Remembered by a digest of the private value, never the value itself, so the cache holds no key.
            KeyPairId id = new KeyPairId(digest(ek.getS().toByteArray()), ByteBuffer.wrap(pub.getEncoded()));
            synchronized (MATCHED) {
                Boolean known = MATCHED.get(id);
                if (known != null) {
                    return known;
                }
            }
            // Q = d*G on BouncyCastle's fixed-point P-256 arithmetic: ~0.2 ms against ~1.7 ms to sign and verify.
            ECPoint q = new FixedPointCombMultiplier()
                    .multiply(P256.getG(), ek.getS()).normalize();
            boolean ok = q.getAffineXCoord().toBigInteger().equals(ep.getW().getAffineX())
                    && q.getAffineYCoord().toBigInteger().equals(ep.getW().getAffineY());
            synchronized (MATCHED) {
                MATCHED.put(id, ok);
            }
            return ok;
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448: the algorithm is its own signature scheme
        };
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(PROBE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(PROBE);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private record KeyPairId(ByteBuffer privateDigest, ByteBuffer publicKey) {
    }

    private static final Map<KeyPairId, Boolean> MATCHED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyPairId, Boolean> eldest) {
            return size() > VERIFIED_CAPACITY;
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

    private static final X9ECParameters P256 =
            CustomNamedCurves.getByName("secp256r1");

    private static boolean isP256(ECParameterSpec p) {
        return p.getOrder().equals(P256.getN()) && p.getGenerator().getAffineX().equals(P256.getG().normalize()
                .getAffineXCoord().toBigInteger()) && p.getCurve().getField().getFieldSize() == 256;
    }

    /** The serial in hex: what {@code openssl x509 -serial} prints, so a human can match a metric to a file. */
    static String serial(X509Certificate c) {
        return c.getSerialNumber().toString(16);
    }

    /** A short, readable handle for messages: the first 8 hex digits of the serial. */
    static String id(X509Certificate c) {
        String s = serial(c);
        return s.length() <= 8 ? s : s.substring(0, 8);
    }
}
