package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The value of a webhook's {@code clientConfig.caBundle}: the PEM bundle, base64-encoded (the field is
 * {@code []byte} in Go, which JSON carries as base64). Every CA of {@code ca.crt} is kept, in order, so the
 * API server trusts the old and the new CA while both may sign a served certificate.
 */
public final class CaBundle {
    private CaBundle() {
    }

    /** Base64 of the PEM text of {@code cas}; the same CAs always give the same string (idempotent patches). */
    public static String encode(List<X509Certificate> cas) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("an empty CA bundle would make the API server trust nothing");
        }
        return Base64.getEncoder().encodeToString(Pem.write(distinct(cas).toArray()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The CAs of a {@code caBundle} value (for comparison and tests). */
    public static List<X509Certificate> decode(String base64) throws IOException {
        try {
            return Pem.certificates(new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException("caBundle is not base64");
        }
    }

    /**
     * Reads a CA bundle file and checks it is one: at least one certificate, each a CA. Passing
     * {@code tls.crt} by mistake is the likely error, and the message says so.
     */
    public static List<X509Certificate> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a PEM file");
        }
        List<X509Certificate> cas;
        try {
            cas = Pem.certificates(text);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        if (cas.isEmpty()) {
            throw new IOException(file + ": no PEM certificate");
        }
        for (X509Certificate c : cas) {
            if (!Certs.isCa(c)) {
                throw new IOException(file + ": certificate " + Certs.id(c) + " is not a CA (is this "
                        + CertDir.TLS_CERT + " rather than " + CertDir.CA_CERT + "?)");
            }
        }
        return cas;
    }

    private static List<X509Certificate> distinct(List<X509Certificate> cas) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : cas) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
