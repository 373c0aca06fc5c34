package io.neo4jguard.certs;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.util.IPAddress;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a serving certificate must cover.
 *
 * @param commonName subject CN (informational; clients check SANs)
 * @param dnsNames   DNS SANs, e.g. {@code neo4j-guard.ns.svc}
 * @param ipAddresses IP SANs, e.g. {@code 127.0.0.1} for {@code serve --dev}
 * @param validity   lifetime of the serving certificate
 */
public record CertRequest(String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
    /**
     * Serving certificates live 90 days by default (the default; also Let's Encrypt's), so a
     * leaked key is short-lived while rotation at two thirds of the life leaves a month of margin.
     */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

    /** RFC 1123 label as Kubernetes checks it for Service and namespace names (at most 63 characters). */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A DNS name: labels of letters, digits and hyphens, optionally a leading wildcard label. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*");
    /** RFC 1035: a name is at most 253 characters in text form. */
    private static final int MAX_DNS_LENGTH = 253;

    public CertRequest {
        dnsNames = List.copyOf(new LinkedHashSet<>(dnsNames));
        ipAddresses = List.copyOf(new LinkedHashSet<>(ipAddresses));
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a serving certificate needs at least one DNS name or IP address");
        }
        for (String dns : dnsNames) {
            if (dns.length() > MAX_DNS_LENGTH || !DNS_NAME.matcher(dns).matches()) {
                throw new IllegalArgumentException("not a DNS name: '" + dns + "'");
            }
        }
        for (String ip : ipAddresses) {
            if (!IPAddress.isValid(ip)) {
                throw new IllegalArgumentException("not an IP address: '" + ip + "'");
            }
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the validity of a serving certificate must be positive");
        }
        if (commonName == null || commonName.isBlank()) {
            commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        }
    }

    /** The SANs a webhook Service needs: name, name.ns, name.ns.svc, name.ns.svc.cluster.local. */
    public static CertRequest forService(String service, String namespace, List<String> extraDns, List<String> ips) {
        if (service == null || !LABEL.matcher(service).matches()) {
            throw new IllegalArgumentException("not a Service name (lower-case RFC 1123 label): '" + service + "'");
        }
        if (namespace == null || !LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("not a namespace name (lower-case RFC 1123 label): '" + namespace + "'");
        }
        List<String> dns = new ArrayList<>(List.of(service, service + "." + namespace,
                service + "." + namespace + ".svc", service + "." + namespace + ".svc.cluster.local"));
        dns.addAll(extraDns);
        return new CertRequest(service + "." + namespace + ".svc", dns, ips, DEFAULT_VALIDITY);
    }

    /** Loopback only, for {@code serve --dev}. */
    public static CertRequest loopback() {
        return new CertRequest("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), DEFAULT_VALIDITY);
    }

    /**
     * The request an existing serving certificate answers: its DNS and IP SANs, its CN and its lifetime.
     * {@code certs rotate} without names renews "the same certificate again".
     */
    public static CertRequest coveredBy(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (List<?> san : Certs.subjectAltNames(cert)) {
            int tag = (Integer) san.get(0);
            if (tag == Coverage.DNS) {
                dns.add(String.valueOf(san.get(1)));
            } else if (tag == Coverage.IP) {
                ips.add(String.valueOf(san.get(1)));
            }
        }
        String cn = commonNameOf(cert);
        // Our certificates start BACKDATE before their issue time; the lifetime asked for excludes it.
        Duration life = Duration.between(Certs.notBefore(cert), Certs.notAfter(cert))
                .minus(CertificateAuthority.BACKDATE);
        return new CertRequest(cn, dns, ips, life.isNegative() || life.isZero() ? DEFAULT_VALIDITY : life);
    }

    public CertRequest withValidity(Duration validity) {
        return new CertRequest(commonName, dnsNames, ipAddresses, validity);
    }

    private static String commonNameOf(X509Certificate cert) {
        RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
