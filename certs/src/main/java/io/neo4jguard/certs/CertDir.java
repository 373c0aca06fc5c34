package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * A directory of PEM files in the layout Kubernetes TLS Secrets and cert-manager use: {@code ca.crt},
 * {@code tls.crt}, {@code tls.key}; plus {@code ca.key} when we are our own CA. {@link #ensure} is
 * idempotent: a valid pair that covers the request is kept.
 */
public final class CertDir {
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String TLS_CERT = "tls.crt";
    public static final String TLS_KEY = "tls.key";

    private CertDir() {
    }

    /** The files' contents, as read. */
    public record Bundle(Path dir, List<X509Certificate> caBundle, X509Certificate certificate, PrivateKey key) {
    }

    /**
     * Creates a CA and a serving certificate for {@code request} in {@code dir} unless a usable pair is
     * already there (unexpired, issued by the CA on disk, covering every requested SAN).
     */
    public static Bundle ensure(Path dir, CertRequest request, Clock clock) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(TLS_CERT)) && Files.exists(dir.resolve(TLS_KEY))
                && Files.exists(dir.resolve(CA_CERT))) {
            try {
                Bundle existing = read(dir);
                if (Validity.covers(existing.certificate(), request, clock)) {
                    return existing;
                }
            } catch (IOException e) {
                // unreadable or half-written files: issue new ones below
            }
        }
        CertificateAuthority ca = loadCa(dir).orElseGet(() ->
                CertificateAuthority.create("neo4j-guard-ca", CertificateAuthority.DEFAULT_VALIDITY, clock));
        ServingCertificate leaf = ca.issue(request, clock);
        writeAtomically(dir.resolve(CA_CERT), Pem.write(ca.certificate()), false);
        writeAtomically(dir.resolve(CA_KEY), Pem.write(ca.key()), true);
        writeAtomically(dir.resolve(TLS_KEY), Pem.write(leaf.key()), true);
        writeAtomically(dir.resolve(TLS_CERT), Pem.write(leaf.certificate()), false);
        return read(dir);
    }

    public static Bundle read(Path dir) throws IOException {
        List<X509Certificate> chain = Pem.certificates(Files.readString(dir.resolve(TLS_CERT)));
        if (chain.isEmpty()) {
            throw new IOException(dir.resolve(TLS_CERT) + ": no certificate");
        }
        PrivateKey key = Pem.privateKey(Files.readString(dir.resolve(TLS_KEY)));
        List<X509Certificate> ca = Files.exists(dir.resolve(CA_CERT))
                ? Pem.certificates(Files.readString(dir.resolve(CA_CERT))) : List.of();
        return new Bundle(dir, ca, chain.get(0), key);
    }

    private static java.util.Optional<CertificateAuthority> loadCa(Path dir) {
        try {
            if (!Files.exists(dir.resolve(CA_KEY))) {
                return java.util.Optional.empty();
            }
            List<X509Certificate> certs = Pem.certificates(Files.readString(dir.resolve(CA_CERT)));
            PrivateKey key = Pem.privateKey(Files.readString(dir.resolve(CA_KEY)));
            return certs.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(new CertificateAuthority(certs.get(0), key));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Write to a temp file, then rename: a reader never sees a half-written PEM file. */
    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: nothing stricter to do
                }
            }
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
