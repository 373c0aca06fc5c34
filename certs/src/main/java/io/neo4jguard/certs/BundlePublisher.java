package io.neo4jguard.certs;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Makes a CA bundle known to the clients that must trust it (the API server, through our webhook
 * configurations' caBundle). Idempotent: publishing the same bundle twice changes nothing.
 */
@FunctionalInterface
public interface BundlePublisher {
    void publish(List<X509Certificate> bundle) throws IOException;
}
