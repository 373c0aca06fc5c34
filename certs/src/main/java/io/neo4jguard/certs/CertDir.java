package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * A directory of PEM files in the layout Kubernetes TLS Secrets and cert-manager use: {@code ca.crt},
 * {@code tls.crt}, {@code tls.key}; plus {@code ca.key} and {@code issued.crt} when we are our own CA.
 *
 * <p><b>Consistency for readers.</b> Every file is replaced by writing a temporary file in the same directory
 * and renaming it over the old one, so a reader sees the old or the new file, never a part. Two files cannot
 * change in one step, so a rotation writes in this order (see {@link DirectoryStore}):
 * <ol>
 * <li>{@code issued.crt}, then {@code ca.key} with old and new keys, so a crash never loses track of a key
 * or a certificate;</li>
 * <li>{@code ca.crt}, the bundle: a new CA is added here long before it signs anything, and an old one is
 * removed only when nothing it signed is still valid, so writing the bundle first is always safe;</li>
 * <li>{@code tls.key}, then {@code tls.crt}. The certificate is the commit point: a reader that reloads when
 * {@code tls.crt} changes finds the matching key already in place. A reader that looks in between sees the
 * new key with the old certificate; {@link #read} rejects that pair (the key does not belong to the
 * certificate), the server keeps serving its previous pair and reads again on the next change event or
 * periodic re-read, by which time {@code tls.crt} has followed;</li>
 * <li>{@code ca.key} without the keys that will not sign again.</li>
 * </ol>
 */
public final class CertDir {
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String TLS_CERT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    /** Serving certificates issued and not yet expired (public certificates only); see {@link CertState}. */
    public static final String ISSUED = "issued.crt";

    private CertDir() {
    }

    /** The files' contents, as read. */
    public record Bundle(Path dir, List<X509Certificate> caBundle, X509Certificate certificate, PrivateKey key) {
        @Override
        public String toString() {
            return "Bundle[" + dir + ", cas=" + caBundle.size() + ", serial=" + Certs.serial(certificate) + "]";
        }
    }

    /** The directory as a {@link CertStore}, for {@link Rotation#run}. */
    public static CertStore store(Path dir) {
        return new DirectoryStore(dir);
    }

    /**
     * Creates a CA and a serving certificate for {@code request} in {@code dir} unless a usable pair is
     * already there (unexpired, not due for renewal, issued by a CA in the bundle, covering every requested
     * SAN); otherwise rotates as {@code certs rotate} would. Idempotent.
     */
    public static Bundle ensure(Path dir, CertRequest request, Clock clock) throws IOException {
        Rotation.run(store(dir), request, RotationPolicy.defaults(), clock);
        return read(dir);
    }

    /**
     * Reads the serving pair and the CA bundle. Throws when a file is missing or malformed, or when
     * {@code tls.key} does not belong to {@code tls.crt} (a rotation is between its two writes: read again on
     * the next change). Messages name files, never contents.
     */
    public static Bundle read(Path dir) throws IOException {
        List<X509Certificate> chain = Pem.certificates(readString(dir.resolve(TLS_CERT)));
        if (chain.isEmpty()) {
            throw new IOException(dir.resolve(TLS_CERT) + ": no certificate");
        }
        PrivateKey key;
        try {
            key = Pem.privateKey(readString(dir.resolve(TLS_KEY)));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(dir.resolve(TLS_KEY) + ": " + e.getMessage());
        }
        if (!KeyMatch.matches(key, chain.get(0).getPublicKey())) {
            throw new IOException(dir.resolve(TLS_KEY) + " does not belong to " + dir.resolve(TLS_CERT)
                    + " (a rotation may be between its two writes; read again)");
        }
        List<X509Certificate> ca = Files.exists(dir.resolve(CA_CERT))
                ? Pem.certificates(readString(dir.resolve(CA_CERT))) : List.of();
        return new Bundle(dir, ca, chain.get(0), key);
    }

    /**
     * Writes what a server needs from {@code state} into {@code dir}: {@code ca.crt}, {@code tls.key},
     * {@code tls.crt}, in the order above, each atomically; never {@code ca.key}. For a server that rotates in
     * a Secret and serves from its usual certificate directory.
     */
    public static void mirror(Path dir, CertState state) throws IOException {
        ServingPair pair = state.serving().orElseThrow(() -> new IOException("no serving certificate to write"));
        Files.createDirectories(dir);
        DirectoryStore.writeAtomically(dir.resolve(CA_CERT), Pem.write(state.bundle().toArray()), false);
        DirectoryStore.writeAtomically(dir.resolve(TLS_KEY), Pem.write(pair.key()), true);
        DirectoryStore.writeAtomically(dir.resolve(TLS_CERT), Pem.write(pair.certificate()), false);
    }

    private static String readString(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
