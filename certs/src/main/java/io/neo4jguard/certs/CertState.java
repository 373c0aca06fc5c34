package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a certificate store holds, decoded: the published CA bundle ({@code ca.crt}), the keys of the
 * CAs we may still sign with ({@code ca.key}), the serving pair ({@code tls.crt}, {@code tls.key}) and the
 * record of serving certificates issued and not yet expired ({@code issued.crt}).
 *
 * <p>The record is what lets rotation drop an old CA early: a CA leaves the bundle only when no certificate
 * it signed can still be presented to the API server. When the record is missing (a directory made by
 * another tool, or damaged) it is {@link Optional#empty()}, and rotation assumes the worst: every CA in the
 * bundle may have signed certificates we do not know of, and is kept until it expires itself.
 *
 * @param bundle   CA certificates clients should trust, in file order
 * @param caKeys   private keys of CAs in the bundle (matched by public key, in any order)
 * @param serving  the serving pair, when both files are readable and the key belongs to the certificate
 * @param issued   the issue record; empty when unknown
 * @param problems what could not be read, one line each, never with file contents
 */
public record CertState(List<X509Certificate> bundle, List<PrivateKey> caKeys, Optional<ServingPair> serving,
                        Optional<List<X509Certificate>> issued, List<String> problems) {

    public CertState {
        bundle = List.copyOf(new java.util.LinkedHashSet<>(bundle)); // a CA listed twice is one CA
        caKeys = List.copyOf(caKeys);
        issued = issued.map(List::copyOf);
        problems = List.copyOf(problems);
    }

    /** An empty store: nothing was ever issued, so the (empty) record is complete. */
    public static CertState empty() {
        return new CertState(List.of(), List.of(), Optional.empty(), Optional.of(List.of()), List.of());
    }

    /** True when there is neither a CA nor a serving certificate. */
    public boolean isEmpty() {
        return bundle.isEmpty() && caKeys.isEmpty() && serving.isEmpty();
    }

    /** The key of {@code ca} among {@link #caKeys}, if we hold it. */
    public Optional<PrivateKey> keyFor(X509Certificate ca) {
        for (PrivateKey k : caKeys) {
            if (KeyMatch.matches(k, ca.getPublicKey())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes the store's files by name ({@link CertDir#CA_CERT} etc.; absent names are absent files). Each
     * file is read on its own: a damaged file becomes a problem line and an empty value, so rotation can
     * repair the store instead of failing on it.
     */
    public static CertState decode(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        List<X509Certificate> bundle = certificates(files, CertDir.CA_CERT, problems);
        List<PrivateKey> caKeys = List.of();
        if (files.containsKey(CertDir.CA_KEY)) {
            try {
                caKeys = Pem.privateKeys(text(files, CertDir.CA_KEY));
            } catch (IOException e) {
                problems.add(CertDir.CA_KEY + ": " + e.getMessage());
            }
        }
        Optional<ServingPair> serving = Optional.empty();
        List<X509Certificate> chain = certificates(files, CertDir.TLS_CERT, problems);
        if (files.containsKey(CertDir.TLS_CERT) && files.containsKey(CertDir.TLS_KEY) && !chain.isEmpty()) {
            try {
                PrivateKey key = Pem.privateKey(text(files, CertDir.TLS_KEY));
                if (KeyMatch.matches(key, chain.get(0).getPublicKey())) {
                    serving = Optional.of(new ServingPair(chain.get(0), key));
                } else {
                    problems.add(CertDir.TLS_KEY + " does not belong to " + CertDir.TLS_CERT);
                }
            } catch (IOException e) {
                problems.add(CertDir.TLS_KEY + ": " + e.getMessage());
            }
        } else if (files.containsKey(CertDir.TLS_CERT) != files.containsKey(CertDir.TLS_KEY)) {
            problems.add((files.containsKey(CertDir.TLS_CERT) ? CertDir.TLS_KEY : CertDir.TLS_CERT) + " is missing");
        }
        Optional<List<X509Certificate>> issued;
        if (files.containsKey(CertDir.ISSUED)) {
            int before = problems.size();
            List<X509Certificate> record = certificates(files, CertDir.ISSUED, problems);
            issued = problems.size() == before ? Optional.of(record) : Optional.empty();
        } else {
            // Nothing was ever issued from an empty store, so its record is complete; otherwise it is unknown.
            issued = bundle.isEmpty() && serving.isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        return new CertState(bundle, caKeys, serving, issued, problems);
    }

    /** The files of this state by name; an empty bundle or key list has no file. */
    public Map<String, byte[]> encode() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (!bundle.isEmpty()) {
            out.put(CertDir.CA_CERT, bytes(Pem.write(bundle.toArray())));
        }
        if (!caKeys.isEmpty()) {
            out.put(CertDir.CA_KEY, bytes(Pem.write(caKeys.toArray())));
        }
        serving.ifPresent(p -> {
            out.put(CertDir.TLS_CERT, bytes(Pem.write(p.certificate())));
            out.put(CertDir.TLS_KEY, bytes(Pem.write(p.key())));
        });
        // An empty record is still written: it says "nothing outstanding", which is not "unknown".
        issued.ifPresent(r -> out.put(CertDir.ISSUED, bytes(Pem.write(r.toArray()))));
        return out;
    }

    @Override
    public String toString() {
        return "CertState[bundle=" + bundle.stream().map(Certs::id).toList() + ", caKeys=" + caKeys.size()
                + ", serving=" + serving.map(ServingPair::toString).orElse("none")
                + ", issued=" + issued.map(r -> String.valueOf(r.size())).orElse("unknown")
                + ", problems=" + problems + "]";
    }

    private static List<X509Certificate> certificates(Map<String, byte[]> files, String name, List<String> problems) {
        if (!files.containsKey(name)) {
            return List.of();
        }
        try {
            List<X509Certificate> certs = Pem.certificates(text(files, name));
            if (certs.isEmpty() && !text(files, name).isBlank()) {
                problems.add(name + ": no PEM certificate");
            }
            return certs;
        } catch (IOException e) {
            problems.add(name + ": malformed PEM certificate");
            return List.of();
        }
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
