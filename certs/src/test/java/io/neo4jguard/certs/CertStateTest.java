package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CertStateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    static CertState fresh() {
        RotationPlan p = RotationPlan.compute(CertState.empty(), CertRequest.loopback(), RotationPolicy.defaults(),
                CLOCK.instant());
        return Rotation.apply(CertState.empty(), p, CertRequest.loopback(), RotationPolicy.defaults());
    }

    @Test
    void encodeThenDecodeGivesTheSameState() {
        CertState s = fresh();
        CertState back = CertState.decode(s.encode());
        assertThat(back.bundle()).isEqualTo(s.bundle());
        assertThat(back.caKeys()).extracting(k -> k.getEncoded().length).hasSize(1);
        assertThat(back.caKeys().get(0).getEncoded()).isEqualTo(s.caKeys().get(0).getEncoded());
        assertThat(back.serving().orElseThrow().certificate()).isEqualTo(s.serving().orElseThrow().certificate());
        assertThat(back.issued()).isEqualTo(s.issued());
        assertThat(back.problems()).isEmpty();
        assertThat(back.encode().keySet()).containsExactly("ca.crt", "ca.key", "tls.crt", "tls.key", "issued.crt");
    }

    @Test
    void anEmptyRecordIsKnownAndAMissingOneIsUnknownUnlessTheStoreIsEmpty() {
        assertThat(CertState.decode(Map.of()).issued()).contains(java.util.List.of());
        Map<String, byte[]> files = new HashMap<>(fresh().encode());
        files.put(CertDir.ISSUED, new byte[0]);
        assertThat(CertState.decode(files).issued()).contains(java.util.List.of());
        files.remove(CertDir.ISSUED);
        assertThat(CertState.decode(files).issued()).isEmpty();
    }

    @Test
    void eachDamagedFileIsOneProblemAndTheOthersStillCount() {
        Map<String, byte[]> files = new HashMap<>(fresh().encode());
        files.put(CertDir.CA_KEY, "garbage".getBytes(StandardCharsets.US_ASCII));
        files.put(CertDir.CA_CERT, "not pem at all".getBytes(StandardCharsets.US_ASCII));
        CertState s = CertState.decode(files);
        assertThat(s.problems()).containsExactly("ca.crt: no PEM certificate");
        assertThat(s.caKeys()).isEmpty();
        assertThat(s.serving()).isPresent();

        files.remove(CertDir.TLS_KEY);
        assertThat(CertState.decode(files).problems()).contains("tls.key is missing");
    }

    @Test
    void toStringShowsSerialsAndCountsButNoKeys() {
        CertState s = fresh();
        String text = s.toString() + s.serving().orElseThrow();
        assertThat(text).contains(Certs.id(s.bundle().get(0))).doesNotContain("PRIVATE")
                .doesNotContain(((java.security.interfaces.ECPrivateKey) s.caKeys().get(0)).getS().toString(16));
    }
}
