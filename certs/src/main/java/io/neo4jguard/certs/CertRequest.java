package io.neo4jguard.certs;

import java.time.Duration;
import java.util.List;

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

    public CertRequest {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a serving certificate needs at least one DNS name or IP address");
        }
    }

    /** The SANs a webhook Service needs: name, name.ns, name.ns.svc, name.ns.svc.cluster.local. */
    public static CertRequest forService(String service, String namespace, List<String> extraDns, List<String> ips) {
        List<String> dns = new java.util.ArrayList<>(List.of(service, service + "." + namespace,
                service + "." + namespace + ".svc", service + "." + namespace + ".svc.cluster.local"));
        dns.addAll(extraDns);
        return new CertRequest(service + "." + namespace + ".svc", dns, ips, DEFAULT_VALIDITY);
    }

    /** Loopback only, for {@code serve --dev}. */
    public static CertRequest loopback() {
        return new CertRequest("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), DEFAULT_VALIDITY);
    }
}
