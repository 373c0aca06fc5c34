package io.neo4jguard.certs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation at irregular times with a publication that lags: whatever the schedule (runs between 1 hour and
 * 20 days apart, inside the 30-day renewal window of a 90-day certificate) and whatever the delay between a
 * change of {@code ca.crt} and the API server's caBundle (anything shorter than the publish grace), the API
 * server trusts every certificate that can be presented.
 */
class RotationProperties {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 25)
    void theApiServerAlwaysTrustsWhatIsServed(@ForAll @Size(min = 60, max = 160) List<@IntRange(min = 1, max = 480) Integer> gapsHours,
                                              @ForAll @IntRange(min = 0, max = 167) int publishDelayHours,
                                              @ForAll @IntRange(min = 300, max = 800) int caValidityDays) throws Exception {
        RotationPolicy policy = RotationPolicy.defaults().withCaValidity(Duration.ofDays(caValidityDays));
        CertRequest request = CertRequest.loopback();
        MemoryStore store = new MemoryStore();
        TreeMap<Instant, List<X509Certificate>> caCrtHistory = new TreeMap<>();
        Set<X509Certificate> issued = new LinkedHashSet<>();
        Duration delay = Duration.ofHours(publishDelayHours);
        Instant now = START;
        for (int gap : gapsHours) {
            now = now.plus(Duration.ofHours(gap));
            Rotation.run(store, request, policy, Clock.fixed(now, ZoneOffset.UTC));
            CertState s = store.read().state();
            caCrtHistory.put(now, s.bundle());
            issued.add(s.serving().orElseThrow().certificate());

            // The caBundle the API server holds: ca.crt as it was `delay` ago (or nothing yet).
            Map.Entry<Instant, List<X509Certificate>> pub = caCrtHistory.floorEntry(now.minus(delay));
            List<X509Certificate> trusted = pub == null ? List.of() : pub.getValue();
            List<X509Certificate> presentable = new ArrayList<>();
            for (X509Certificate leaf : issued) {
                if (Certs.validAt(leaf, now)) {
                    presentable.add(leaf);
                }
            }
            assertThat(presentable).as("a valid serving certificate exists").isNotEmpty();
            Instant at = now;
            for (X509Certificate leaf : presentable) {
                boolean signerTrusted = s.bundle().stream().anyMatch(ca -> Certs.validAt(ca, at) && Certs.issuedBy(leaf, ca));
                assertThat(signerTrusted).as("ca.crt holds the CA of %s", Certs.id(leaf)).isTrue();
            }
            if (pub != null) {
                X509Certificate served = s.serving().get().certificate();
                // Until the first publication the API server trusts nothing; after it, always what is served.
                boolean bootstrapping = caCrtHistory.firstKey().plus(delay).isAfter(now);
                if (!bootstrapping) {
                    assertThat(trusted.stream().anyMatch(ca -> Certs.validAt(ca, at) && Certs.issuedBy(served, ca)))
                            .as("API server trusts the served certificate at %s", now).isTrue();
                }
            }
        }
    }
}
