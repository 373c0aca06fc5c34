package io.neo4jguard.certs;

import org.bouncycastle.util.IPAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which of a request's names a certificate lacks. DNS names compare case-insensitively, IPs by address. */
final class Coverage {
    /** GeneralName tags (RFC 5280 §4.2.1.6) as {@code getSubjectAlternativeNames} reports them. */
    static final int DNS = 2;
    static final int IP = 7;

    private Coverage() {
    }

    static List<String> missing(X509Certificate cert, CertRequest request) {
        Set<String> dns = new HashSet<>();
        Set<InetAddress> ips = new HashSet<>();
        for (List<?> san : Certs.subjectAltNames(cert)) {
            int tag = (Integer) san.get(0);
            if (tag == DNS) {
                dns.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
            } else if (tag == IP) {
                ips.add(address(String.valueOf(san.get(1))));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : request.dnsNames()) {
            if (!dns.contains(name.toLowerCase(Locale.ROOT))) {
                missing.add(name);
            }
        }
        for (String ip : request.ipAddresses()) {
            if (!ips.contains(address(ip))) {
                missing.add(ip);
            }
        }
        return missing;
    }

    /** Parses an IP literal; never resolves a host name (the caller validated the literal). */
    static InetAddress address(String literal) {
        if (!IPAddress.isValid(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
