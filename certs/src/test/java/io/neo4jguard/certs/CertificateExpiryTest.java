package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateExpiryTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void oneSeriesForTheServingCertificateAndOnePerCaInTheBundle() throws Exception {
        RotationPolicy policy = RotationPolicy.defaults();
        CertStore store = CertDir.store(dir);
        Rotation.run(store, CertRequest.loopback(), policy, Clock.fixed(T0, ZoneOffset.UTC));
        CertificateExpiry one = CertificateExpiry.read(dir);
        assertThat(one.entries()).extracting(CertificateExpiry.Entry::certificate).containsExactly("serving", "ca");
        assertThat(one.byCertificate()).containsEntry("serving", T0.plus(Duration.ofDays(90)))
                .containsEntry("ca", T0.plus(Duration.ofDays(3650)));
        assertThat(one.entries().get(0).epochSeconds()).isEqualTo(T0.plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(one.entries().get(1).labels()).containsOnlyKeys("certificate", "serial")
                .containsEntry("serial", store.read().state().bundle().get(0).getSerialNumber().toString(16));

        // During a CA overlap both CAs are series; byCertificate reports the one trusted longest.
        Instant overlap = T0.plus(Duration.ofDays(2434));
        Rotation.run(store, CertRequest.loopback(), policy, Clock.fixed(overlap, ZoneOffset.UTC));
        CertificateExpiry two = CertificateExpiry.of(store.read().state());
        assertThat(two.entries()).filteredOn(e -> e.certificate().equals("ca")).hasSize(2);
        assertThat(two.byCertificate().get("ca")).isEqualTo(overlap.plus(Duration.ofDays(3650)));
        assertThat(CertificateExpiry.METRIC).isEqualTo("neo4j_guard_certificate_expiry_timestamp_seconds");
    }
}
