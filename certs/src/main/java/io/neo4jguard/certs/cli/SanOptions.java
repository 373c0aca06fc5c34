package io.neo4jguard.certs.cli;

import io.neo4jguard.certs.CertRequest;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The names a serving certificate must cover, shared by {@code create} and {@code rotate}. */
final class SanOptions {
    @Option(names = "--service", paramLabel = "NAME",
            description = "the webhook's Service: certifies NAME, NAME.NS, NAME.NS.svc, NAME.NS.svc.cluster.local")
    String service;

    @Option(names = "--namespace", paramLabel = "NS", description = "the Service's namespace (with --service)")
    String namespace;

    @Option(names = "--dns", paramLabel = "NAME", split = ",", description = "an extra DNS name (repeatable)")
    List<String> dns = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "ADDRESS", split = ",",
            description = "an IP address to certify, e.g. 127.0.0.1 for a local API server (repeatable)")
    List<String> ips = new ArrayList<>();

    boolean given() {
        return service != null || namespace != null || !dns.isEmpty() || !ips.isEmpty();
    }

    /** The request these options describe; throws IllegalArgumentException with a user-facing message. */
    CertRequest request(Duration validity) {
        if ((service == null) != (namespace == null)) {
            throw new IllegalArgumentException("--service and --namespace go together");
        }
        CertRequest r;
        if (service != null) {
            r = CertRequest.forService(service, namespace, dns, ips);
        } else if (!dns.isEmpty() || !ips.isEmpty()) {
            r = new CertRequest(null, dns, ips, CertRequest.DEFAULT_VALIDITY);
        } else {
            throw new IllegalArgumentException("say what to certify: --service and --namespace, or --dns/--ip");
        }
        return r.withValidity(validity);
    }
}
