package io.neo4jguard.certs;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whether a certificate still serves a request: unexpired, not due for renewal, covering every SAN. */
final class Validity {
    private Validity() {
    }

    static boolean covers(X509Certificate cert, CertRequest request, Clock clock) {
        Instant now = clock.instant();
        if (now.isBefore(cert.getNotBefore().toInstant()) || dueForRenewal(cert, now)) {
            return false;
        }
        Set<String> sans = new HashSet<>();
        try {
            Collection<List<?>> alt = cert.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> e : alt) {
                    sans.add(String.valueOf(e.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        for (String dns : request.dnsNames()) {
            if (!sans.contains(dns)) {
                return false;
            }
        }
        for (String ip : request.ipAddresses()) {
            if (!sans.contains(ip) && !(ip.equals("::1") && sans.contains("0:0:0:0:0:0:0:1"))) {
                return false;
            }
        }
        return true;
    }

    /** Renew when a third of the lifetime remains (the rule; cert-manager's default is the same). */
    static boolean dueForRenewal(X509Certificate cert, Instant now) {
        Instant from = cert.getNotBefore().toInstant();
        Instant to = cert.getNotAfter().toInstant();
        Duration life = Duration.between(from, to);
        return !now.isBefore(to.minus(life.dividedBy(3)));
    }
}
