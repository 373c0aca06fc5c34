package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaBundleTest {
    @TempDir
    Path dir;

    final CertificateAuthority a = CertificateAuthority.create("a", Duration.ofDays(365), Clock.systemUTC());
    final CertificateAuthority b = CertificateAuthority.create("b", Duration.ofDays(365), Clock.systemUTC());

    @Test
    void theCaBundleIsBase64OfThePemOfEveryCaInOrder() throws Exception {
        String v = CaBundle.encode(List.of(a.certificate(), b.certificate(), a.certificate()));
        String pem = new String(Base64.getDecoder().decode(v), StandardCharsets.US_ASCII);
        assertThat(pem).isEqualTo(Pem.write(a.certificate(), b.certificate())); // duplicates dropped
        assertThat(CaBundle.decode(v)).containsExactly(a.certificate(), b.certificate());
        assertThat(CaBundle.encode(List.of(a.certificate(), b.certificate()))).isEqualTo(v); // stable
        assertThatThrownBy(() -> CaBundle.encode(List.of())).hasMessageContaining("trust nothing");
    }

    @Test
    void readingTheWrongFileSaysWhichFileAndWhy() throws Exception {
        Path leaf = dir.resolve("tls.crt");
        Files.writeString(leaf, Pem.write(a.issue(CertRequest.loopback(), Clock.systemUTC()).certificate()));
        assertThatThrownBy(() -> CaBundle.read(leaf)).hasMessageContaining(leaf.toString())
                .hasMessageContaining("is not a CA (is this tls.crt rather than ca.crt?)");
        assertThatThrownBy(() -> CaBundle.read(dir.resolve("none.crt"))).hasMessageEndingWith("none.crt: no such file");
        Path empty = Files.writeString(dir.resolve("empty.crt"), "hello");
        assertThatThrownBy(() -> CaBundle.read(empty)).hasMessageEndingWith("no PEM certificate");
        Path good = Files.writeString(dir.resolve("ca.crt"), Pem.write(a.certificate(), b.certificate()));
        assertThat(CaBundle.read(good)).hasSize(2);
    }
}
