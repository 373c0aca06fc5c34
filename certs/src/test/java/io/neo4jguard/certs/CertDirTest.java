package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertDirTest {
    @TempDir
    Path dir;

    @Test
    void createsACaAndAServingCertificateWithTheRequestedSans() throws Exception {
        CertDir.Bundle b = CertDir.ensure(dir, CertRequest.loopback(), Clock.systemUTC());
        b.certificate().verify(b.caBundle().get(0).getPublicKey());
        assertThat(b.certificate().getSubjectAlternativeNames()).extracting(l -> String.valueOf(l.get(1)))
                .contains("localhost", "127.0.0.1");
        assertThat(b.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(b.caBundle().get(0).getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CertDir.TLS_KEY)))).isEqualTo("rw-------");
    }

    @Test
    void keepsAValidPairAndRenewsWhenAThirdOfTheLifeRemains() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        CertDir.Bundle first = CertDir.ensure(dir, CertRequest.loopback(), Clock.fixed(t0, ZoneOffset.UTC));
        CertDir.Bundle again = CertDir.ensure(dir, CertRequest.loopback(), Clock.fixed(t0.plus(Duration.ofDays(59)), ZoneOffset.UTC));
        assertThat(again.certificate()).isEqualTo(first.certificate());
        CertDir.Bundle renewed = CertDir.ensure(dir, CertRequest.loopback(), Clock.fixed(t0.plus(Duration.ofDays(61)), ZoneOffset.UTC));
        assertThat(renewed.certificate()).isNotEqualTo(first.certificate());
        assertThat(renewed.caBundle()).isEqualTo(first.caBundle()); // same CA: clients keep trusting
    }

    @Test
    void reissuesWhenTheRequestAsksForAnotherName() throws Exception {
        CertDir.Bundle first = CertDir.ensure(dir, CertRequest.loopback(), Clock.systemUTC());
        CertDir.Bundle other = CertDir.ensure(dir,
                CertRequest.forService("neo4j-guard", "guard", List.of(), List.of()), Clock.systemUTC());
        assertThat(other.certificate()).isNotEqualTo(first.certificate());
        assertThat(other.certificate().getSubjectAlternativeNames()).extracting(l -> String.valueOf(l.get(1)))
                .contains("neo4j-guard.guard.svc", "neo4j-guard.guard.svc.cluster.local");
    }
}
