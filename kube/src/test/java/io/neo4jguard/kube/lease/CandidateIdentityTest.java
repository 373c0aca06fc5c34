package io.neo4jguard.kube.lease;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateIdentityTest {
    @Test
    void podNameFirstThenHostnameEachWithItsOwnSuffix() {
        Map<String, String> pod = Map.of("POD_NAME", "neo4j-guard-7d9f-abcde", "HOSTNAME", "other");
        String a = CandidateIdentity.of(pod::get);
        String b = CandidateIdentity.of(pod::get);
        assertThat(a).matches("neo4j-guard-7d9f-abcde_[0-9a-f]{8}");
        assertThat(b).startsWith("neo4j-guard-7d9f-abcde_").isNotEqualTo(a);
        assertThat(CandidateIdentity.of(Map.of("HOSTNAME", "host-1")::get)).matches("host-1_[0-9a-f]{8}");
        assertThat(CandidateIdentity.base(Map.<String, String>of()::get)).isNotBlank();
    }
}
