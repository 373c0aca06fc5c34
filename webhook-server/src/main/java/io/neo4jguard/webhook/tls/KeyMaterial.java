package io.neo4jguard.webhook.tls;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.KeyMatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * The serving certificate chain and key read from a cert directory ({@code tls.crt}, {@code tls.key},
 * optionally {@code ca.crt}), checked to belong together, as an in-memory key store for Jetty.
 *
 * @param fingerprint SHA-256 over the bytes of tls.crt, tls.key and ca.crt: a change in any is a new material
 */
public record KeyMaterial(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> caBundle,
                          String fingerprint) {
    /** The password of the in-memory key store; it never touches a disk. */
    public static final String STORE_PASSWORD = "in-memory";
    /** The JDK's default PKCS#12 key protection (PBES2, HMAC-SHA256, AES-256), with our iteration count. */
    private static final String KEY_WRAP = "PBEWithHmacSHA256AndAES_256";

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    /**
     * The CA of the bundle that issued the serving certificate (the one whose expiry matters), else the
     * bundle's longest-lived certificate; empty without a bundle.
     */
    public Optional<X509Certificate> issuingCa() {
        for (X509Certificate ca : caBundle) {
            try {
                certificate().verify(ca.getPublicKey());
                return Optional.of(ca);
            } catch (GeneralSecurityException e) {
                // not this one
            }
        }
        return caBundle.stream().max(java.util.Comparator.comparing(X509Certificate::getNotAfter));
    }

    /** The fingerprint of the files as they are now, without parsing them (cheap: run on every poll). */
    static String fingerprintOf(Path dir) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : List.of(CertDir.TLS_CERT, CertDir.TLS_KEY, CertDir.CA_CERT)) {
                Path p = dir.resolve(name);
                byte[] bytes = name.equals(CertDir.CA_CERT) && !Files.exists(p) ? new byte[0] : Files.readAllBytes(p);
                sha.update(bytes);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchFileException e) {
            throw new IOException(e.getFile() + ": no such file");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Reads and checks the directory.
     *
     * @throws IOException naming the file and the problem (missing, not PEM, key of another certificate)
     */
    public static KeyMaterial read(Path dir) throws IOException {
        // Fingerprint first: if a file changes while we read, the next poll sees another fingerprint.
        String fingerprint = fingerprintOf(dir);
        List<X509Certificate> chain;
        PrivateKey key;
        List<X509Certificate> ca;
        try {
            chain = FastPem.certificates(Files.readString(dir.resolve(CertDir.TLS_CERT)));
            key = FastPem.privateKey(Files.readString(dir.resolve(CertDir.TLS_KEY)));
            Path caFile = dir.resolve(CertDir.CA_CERT);
            ca = Files.exists(caFile) ? FastPem.certificates(Files.readString(caFile)) : List.of();
        } catch (NoSuchFileException e) {
            throw new IOException(e.getFile() + ": no such file");
        }
        if (chain.isEmpty()) {
            throw new IOException(dir.resolve(CertDir.TLS_CERT) + ": no certificate in the file");
        }
        if (!KeyMatch.matches(key, chain.get(0).getPublicKey())) {
            // Typical mid-rotation state (new key, old certificate): keep serving the old pair.
            throw new IOException(dir.resolve(CertDir.TLS_KEY) + " is not the key of the certificate in "
                    + dir.resolve(CertDir.TLS_CERT));
        }
        return new KeyMaterial(List.copyOf(chain), key, List.copyOf(ca), fingerprint);
    }

    /**
     * A PKCS#12 key store in memory holding the key and chain under {@link #STORE_PASSWORD}, its key wrapped
     * with one PBKDF2 iteration. The JDK's default is 10,000 (a file on disk against password guessing); this
     * store is never written and its password is in this source, so the iterations protect nothing, and they
     * run twice per load (wrapping here, unwrapping in Jetty's key manager): at start-up, still interpreted,
     * they and the compilations they trigger were a noticeable part of the CPU before ready (docs/benchmarks.md,
     * "Server, session 3").
     */
    public KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            SecureRandom random = new SecureRandom();
            random.nextBytes(salt);
            random.nextBytes(iv);
            ks.setEntry("serving", new KeyStore.PrivateKeyEntry(key, chain.toArray(new Certificate[0])),
                    new KeyStore.PasswordProtection(STORE_PASSWORD.toCharArray(), KEY_WRAP,
                            new PBEParameterSpec(salt, 1, new IvParameterSpec(iv))));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an in-memory key store", e);
        }
    }

    /** A trust store of the PEM certificates in {@code file} (the API server's client CA). */
    public static KeyStore trustStore(Path file) throws IOException {
        List<X509Certificate> certs;
        try {
            certs = FastPem.certificates(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
        if (certs.isEmpty()) {
            throw new IOException(file + ": no certificate in the file");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("client-ca-" + i, certs.get(i));
            }
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificate().getSubjectX500Principal() + ", serial "
                + certificate().getSerialNumber().toString(16) + ", fingerprint " + fingerprint.substring(0, 12) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMaterial k && k.fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }
}
