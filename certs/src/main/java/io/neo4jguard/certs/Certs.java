package io.neo4jguard.certs;


import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small facts about certificates the rotation logic asks for, named so the plan reads like its rules. */
final class Certs {
    /** OID of id-kp-serverAuth (RFC 5280 §4.2.1.12). */
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

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
