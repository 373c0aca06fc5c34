package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertRequestTest {
    @Test
    void aServiceRequestCoversTheFourNamesKubernetesResolvesPlusExtras() {
        CertRequest r = CertRequest.forService("guard", "ops", List.of("guard.example.com"), List.of("10.1.2.3"));
        assertThat(r.dnsNames()).containsExactly("guard", "guard.ops", "guard.ops.svc", "guard.ops.svc.cluster.local",
                "guard.example.com");
        assertThat(r.ipAddresses()).containsExactly("10.1.2.3");
        assertThat(r.validity()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void badNamesAreRefusedWithTheNameInTheMessage() {
        assertThatThrownBy(() -> CertRequest.forService("Guard", "ops", List.of(), List.of()))
                .hasMessageContaining("'Guard'");
        assertThatThrownBy(() -> CertRequest.forService("guard", "o_ps", List.of(), List.of()))
                .hasMessageContaining("namespace").hasMessageContaining("'o_ps'");
        assertThatThrownBy(() -> new CertRequest(null, List.of("bad name"), List.of(), Duration.ofDays(1)))
                .hasMessageContaining("not a DNS name: 'bad name'");
        // A host name where an IP belongs is refused, never resolved.
        assertThatThrownBy(() -> new CertRequest(null, List.of(), List.of("localhost"), Duration.ofDays(1)))
                .hasMessageContaining("not an IP address: 'localhost'");
        assertThatThrownBy(() -> new CertRequest(null, List.of(), List.of(), Duration.ofDays(1)))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> CertRequest.loopback().withValidity(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void wildcardsAndDuplicatesAreHandled() {
        CertRequest r = new CertRequest(null, List.of("*.guard.example.com", "a.example", "a.example"),
                List.of("::1"), Duration.ofDays(1));
        assertThat(r.dnsNames()).containsExactly("*.guard.example.com", "a.example");
        assertThat(r.commonName()).isEqualTo("*.guard.example.com");
    }

    @Test
    void theRequestAnExistingCertificateAnswersIsItsNamesAndLife() {
        CertificateAuthority ca = CertificateAuthority.create("ca", Duration.ofDays(3650), Clock.systemUTC());
        CertRequest asked = CertRequest.forService("guard", "ops", List.of(), List.of("127.0.0.1", "::1"))
                .withValidity(Duration.ofDays(30));
        CertRequest again = CertRequest.coveredBy(ca.issue(asked, Clock.systemUTC()).certificate());
        assertThat(again.dnsNames()).isEqualTo(asked.dnsNames());
        assertThat(again.validity()).isEqualTo(Duration.ofDays(30));
        assertThat(again.commonName()).isEqualTo("guard.ops.svc");
        assertThat(Coverage.missing(ca.issue(again, Clock.systemUTC()).certificate(), asked)).isEmpty();
    }

    @Test
    void coverageComparesDnsCaseInsensitivelyAndIpsByAddress() {
        CertificateAuthority ca = CertificateAuthority.create("ca", Duration.ofDays(3650), Clock.systemUTC());
        var cert = ca.issue(new CertRequest(null, List.of("Guard.Example"), List.of("0:0:0:0:0:0:0:1"),
                Duration.ofDays(1)), Clock.systemUTC()).certificate();
        assertThat(Coverage.missing(cert, new CertRequest(null, List.of("guard.example"), List.of("::1"),
                Duration.ofDays(1)))).isEmpty();
        assertThat(Coverage.missing(cert, new CertRequest(null, List.of("other.example"), List.of("127.0.0.1"),
                Duration.ofDays(1)))).containsExactly("other.example", "127.0.0.1");
    }
}
