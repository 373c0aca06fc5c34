package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the serving certificate and each CA of the bundle expire, for the gauge
 * {@value #METRIC}{@code {certificate="serving"|"ca", serial="..."}} (seconds since the epoch, the
 * Prometheus convention for timestamps). A plain API so this module needs no metrics library: the webhook
 * registers a Micrometer MultiGauge from {@link #entries()} and re-registers it after every reload.
 * The serial label (hex, as {@code openssl x509 -serial} prints it) tells two CAs of an overlap apart.
 *
 * <p>Alert on {@code min(neo4j_guard_certificate_expiry_timestamp_seconds{certificate="serving"}) - time()}
 * below about 20 days: rotation renews at 30 days left (a third of 90), so less means rotation is failing.
 */
public record CertificateExpiry(List<Entry> entries) {
    public static final String METRIC = "neo4j_guard_certificate_expiry_timestamp_seconds";
    public static final String LABEL_CERTIFICATE = "certificate";
    public static final String LABEL_SERIAL = "serial";
    public static final String SERVING = "serving";
    public static final String CA = "ca";

    /** One series: which certificate, its serial, its notAfter. */
    public record Entry(String certificate, String serial, Instant notAfter) {
        public double epochSeconds() {
            return notAfter.getEpochSecond();
        }

        /** The labels of this series, in a stable order. */
        public Map<String, String> labels() {
            Map<String, String> l = new LinkedHashMap<>();
            l.put(LABEL_CERTIFICATE, certificate);
            l.put(LABEL_SERIAL, serial);
            return l;
        }
    }

    public CertificateExpiry {
        entries = List.copyOf(entries);
    }

    public static CertificateExpiry of(X509Certificate serving, List<X509Certificate> caBundle) {
        List<Entry> out = new ArrayList<>();
        if (serving != null) {
            out.add(new Entry(SERVING, Certs.serial(serving), Certs.notAfter(serving)));
        }
        for (X509Certificate ca : caBundle) {
            out.add(new Entry(CA, Certs.serial(ca), Certs.notAfter(ca)));
        }
        return new CertificateExpiry(out);
    }

    public static CertificateExpiry of(CertDir.Bundle bundle) {
        return of(bundle.certificate(), bundle.caBundle());
    }

    public static CertificateExpiry of(CertState state) {
        return of(state.serving().map(ServingPair::certificate).orElse(null), state.bundle());
    }

    /** Reads a certificate directory ({@link CertDir#read}). */
    public static CertificateExpiry read(Path dir) throws IOException {
        return of(CertDir.read(dir));
    }

    /**
     * One instant per label value: the serving certificate's notAfter, and for {@code ca} the latest notAfter
     * in the bundle (the CA that will be trusted longest). For callers that want a single series per label.
     */
    public Map<String, Instant> byCertificate() {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.merge(e.certificate(), e.notAfter(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return out;
    }
}
